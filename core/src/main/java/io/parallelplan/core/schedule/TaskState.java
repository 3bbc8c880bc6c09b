package io.parallelplan.core.schedule;

/**
 * The state of an achievement (or of one of its {@code sub_executions}) during a run; see {@code docs/semantics.md}.
 *
 * <p>PENDING, READY and RUNNING are transient; the others are final: nothing leaves a final state.
 */
public enum TaskState {
    /** Waiting for dependencies. */
    PENDING,
    /** Dependencies satisfied, waiting for a free slot (or for its executor). */
    READY,
    /** An attempt is under way (for an achievement with sub_executions: at least one of them has started). */
    RUNNING,
    /** Passed. */
    SUCCEEDED,
    /** Passed after a failed attempt. */
    FLAKY,
    /** Failed after all retries. */
    FAILED,
    /** Not run on purpose: excluded by the user, already complete, or done in an earlier run that was resumed. */
    SKIPPED,
    /** A dependency is FAILED, BLOCKED or CANCELLED; never ran. */
    BLOCKED,
    /** Stopped, or never started, because the run was stopped (interrupt, fail-fast, unreachable threshold). */
    CANCELLED;

    /** Whether nothing can follow this state. */
    public boolean isFinal() {
        return ordinal() >= SUCCEEDED.ordinal();
    }

    /** Whether dependents may run after this state: SUCCEEDED, FLAKY and SKIPPED. */
    public boolean satisfiesDependents() {
        return this == SUCCEEDED || this == FLAKY || this == SKIPPED;
    }

    /** Whether this final state makes dependents BLOCKED: FAILED, BLOCKED and CANCELLED. */
    public boolean blocksDependents() {
        return this == FAILED || this == BLOCKED || this == CANCELLED;
    }

    /** The lower-case name used in JSON and in the count line ({@code "succeeded"}). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether {@code from → to} is a legal transition.
     *
     * @param group whether the node is an achievement with sub_executions (whose state follows its children)
     */
    public static boolean canMove(TaskState from, TaskState to, boolean group) {
        if (from.isFinal()) {
            return false;
        }
        return switch (from) {
            case PENDING -> to == READY || to == BLOCKED || to == CANCELLED || to == SKIPPED;
            case READY -> to == RUNNING
                    || to == CANCELLED
                    || to == SKIPPED
                    || (group && to == BLOCKED);
            case RUNNING -> to == SUCCEEDED
                    || to == FLAKY
                    || to == FAILED
                    || to == CANCELLED
                    || (group ? to == BLOCKED : to == READY);
            default -> false;
        };
    }
}
