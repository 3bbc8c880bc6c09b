package io.parallelplan.core.schedule;

/** The verdict on a whole run (the same names as Jenkins results). */
public enum RunStatus {
    /** Everything passed, nothing flaky. */
    SUCCESS,
    /** Passed with reservations: only optional achievements failed, something was flaky, or the score was enough. */
    UNSTABLE,
    /** A required outcome was missed. */
    FAILURE
}
