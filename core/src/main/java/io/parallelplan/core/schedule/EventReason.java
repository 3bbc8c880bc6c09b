package io.parallelplan.core.schedule;

/** Why a {@link RunEvent} happened. */
public enum EventReason {
    /** Its dependencies became satisfied (PENDING → READY). */
    RELEASED,
    /** The driver started an attempt (READY → RUNNING). */
    STARTED,
    /** An attempt passed. */
    SUCCESS,
    /** An attempt failed (then READY for a retry, or FAILED). */
    FAILURE,
    /** An attempt timed out (then READY for a retry, or FAILED). */
    TIMEOUT,
    /** An attempt was interrupted (→ CANCELLED). */
    INTERRUPTED,
    /** A dependency is FAILED, BLOCKED or CANCELLED (→ BLOCKED); {@link RunEvent#cause()} names it. */
    DEPENDENCY_FAILED,
    /** Skipped on purpose when the run began (→ SKIPPED). */
    SKIPPED,
    /** The driver stopped the run (→ CANCELLED). */
    STOPPED,
    /** The fail-fast policy stopped the run at a failure (→ CANCELLED). */
    FAIL_FAST,
    /** The threshold policy stopped the run because {@code min_score} became unreachable (→ CANCELLED). */
    THRESHOLD_UNREACHABLE,
    /**
     * An achievement with sub_executions followed its children; for a final state {@link RunEvent#cause()} names
     * the child that decided it.
     */
    SUB_EXECUTIONS
}
