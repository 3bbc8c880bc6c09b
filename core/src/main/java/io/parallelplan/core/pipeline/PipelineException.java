package io.parallelplan.core.pipeline;

/**
 * Why a Pipeline step cannot go on, as the message it fails with: one line naming the file, the place and the fix
 * (a plan's excerpt may follow on the next lines). The plugin fails the step with this message and nothing else.
 */
public final class PipelineException extends Exception {
    private static final long serialVersionUID = 1L;

    public PipelineException(String message) {
        super(message);
    }

    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
