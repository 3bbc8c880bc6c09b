package io.parallelplan.core.ledger;

import java.nio.file.Path;

/** A run ledger cannot be read or written; the message names the file (and line) and says what to do. */
public final class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public LedgerException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    public LedgerException(Path file, String message) {
        this(file, message, null);
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
