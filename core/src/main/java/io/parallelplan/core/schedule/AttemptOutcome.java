package io.parallelplan.core.schedule;

import java.util.Objects;

/**
 * How one attempt of a task ended, as a driver reports it to {@link Scheduler#finish}.
 *
 * @param kind success, failure, timeout or interrupted
 * @param exitCode the process exit code when there was one (failures; optional otherwise), else {@code null}
 * @param message a short human detail (e.g. the last line of output), or {@code null}
 */
public record AttemptOutcome(Kind kind, Integer exitCode, String message) {
    /** The ways an attempt ends. */
    public enum Kind {
        /** Passed. */
        SUCCESS,
        /** Failed (non-zero exit, failed body); counts as a failed attempt and may be retried. */
        FAILURE,
        /** Ran out of time; counts as a failed attempt and may be retried. */
        TIMEOUT,
        /** Killed because the run was stopped or the driver aborted it; ends CANCELLED, never retried. */
        INTERRUPTED
    }

    private static final AttemptOutcome SUCCESS = new AttemptOutcome(Kind.SUCCESS, 0, null);

    public AttemptOutcome {
        Objects.requireNonNull(kind, "outcome kind cannot be null");
    }

    /** A passed attempt. */
    public static AttemptOutcome success() {
        return SUCCESS;
    }

    /** A failed attempt with its exit code and an optional message. */
    public static AttemptOutcome failure(int exitCode, String message) {
        return new AttemptOutcome(Kind.FAILURE, exitCode, message);
    }

    /** A failed attempt without an exit code (e.g. a failed Jenkins body). */
    public static AttemptOutcome failure(String message) {
        return new AttemptOutcome(Kind.FAILURE, null, message);
    }

    /** An attempt that ran out of time. */
    public static AttemptOutcome timeout(String message) {
        return new AttemptOutcome(Kind.TIMEOUT, null, message);
    }

    /** An attempt killed on purpose (stop, fail-fast, abort). */
    public static AttemptOutcome interrupted(String message) {
        return new AttemptOutcome(Kind.INTERRUPTED, null, message);
    }
}
