package io.parallelplan.core.scaffold;

/**
 * A scaffold request cannot be prepared: an unknown or hostile id, a level out of range, a missing templates folder
 * or a template with unknown placeholders. The message is one line saying what and how to fix it.
 */
public final class ScaffoldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScaffoldException(String message) {
        super(message);
    }
}
