package io.parallelplan.core.schedule;

import java.util.Objects;

/**
 * What a CI stage shows for a task in a final state (the Jenkins driver's marking, kept here so that every driver
 * agrees): a passed stage, a failed stage, a warning, or a stage shown as skipped.
 */
public enum StageOutcome {
    /** SUCCEEDED: a normal stage. */
    RAN_OK(false, false, false),
    /** FLAKY: passed after retries; a warning (UNSTABLE) on the stage. */
    RAN_FLAKY(false, true, false),
    /** FAILED, not optional: a failed stage. */
    FAILED(true, false, false),
    /** FAILED but optional: a warning (UNSTABLE) on the stage, not a failure. */
    OPTIONAL_FAILED(false, true, false),
    /** BLOCKED: never ran because of a dependency; the stage is shown as skipped. */
    SKIPPED_BLOCKED(false, false, true),
    /** SKIPPED: not run on purpose (excluded, already complete, done earlier); the stage is shown as skipped. */
    SKIPPED_ON_PURPOSE(false, false, true),
    /** CANCELLED: stopped or never started because the run was stopped; the stage is aborted. */
    CANCELLED(false, false, false);

    private final boolean failedStage;
    private final boolean warning;
    private final boolean skippedStage;

    StageOutcome(boolean failedStage, boolean warning, boolean skippedStage) {
        this.failedStage = failedStage;
        this.warning = warning;
        this.skippedStage = skippedStage;
    }

    /** What the stage of a task in {@code state} shows. */
    public static StageOutcome of(TaskState state, boolean optional) {
        Objects.requireNonNull(state, "state cannot be null");
        return switch (state) {
            case SUCCEEDED -> RAN_OK;
            case FLAKY -> RAN_FLAKY;
            case FAILED -> optional ? OPTIONAL_FAILED : FAILED;
            case BLOCKED -> SKIPPED_BLOCKED;
            case SKIPPED -> SKIPPED_ON_PURPOSE;
            case CANCELLED -> CANCELLED;
            default -> throw new IllegalArgumentException(
                    "a stage outcome needs a final state, not " + state);
        };
    }

    /** What the stage of this record shows. */
    public static StageOutcome of(TaskRecord record) {
        return of(record.state(), record.optional());
    }

    /** Whether the stage fails (Jenkins: an error on the stage). */
    public boolean failedStage() {
        return failedStage;
    }

    /** Whether the stage carries an UNSTABLE warning (Jenkins: {@code WarningAction(UNSTABLE)}). */
    public boolean warning() {
        return warning;
    }

    /** Whether the stage is shown as skipped (Jenkins: {@code STAGE_STATUS = SKIPPED_FOR_CONDITIONAL}). */
    public boolean skippedStage() {
        return skippedStage;
    }
}
