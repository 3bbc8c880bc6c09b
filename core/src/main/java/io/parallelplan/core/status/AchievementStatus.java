package io.parallelplan.core.status;

import java.util.Locale;

/**
 * The status of one achievement as its files say (see {@code docs/workflow.md}); first match wins: APPROVED →
 * {@link #COMPLETE}, FIX → {@link #FAILED}, EXECUTION_TASK → {@link #EXECUTION_CREATED}, SUBPLAN →
 * {@link #SUBPLAN_CREATED}, SKIPPED → {@link #SKIPPED}, else {@link #NOT_STARTED}. {@link #UNKNOWN} when its file
 * number collides with another id's and its files cannot be told apart.
 */
public enum AchievementStatus {
    COMPLETE,
    FAILED,
    EXECUTION_CREATED,
    SUBPLAN_CREATED,
    SKIPPED,
    NOT_STARTED,
    UNKNOWN;

    /** The snake_case name used in text, JSON and {@code parallel.json} ({@code execution_created}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the work is finished for its dependents: complete or skipped. */
    public boolean isDone() {
        return this == COMPLETE || this == SKIPPED;
    }

    /** Whether a {@code status} written in {@code parallel.json} agrees with this status from the files. */
    public boolean agreesWith(String declared) {
        String d = declared.trim().toLowerCase(Locale.ROOT);
        if (d.equals(label())) {
            return true;
        }
        return d.equals("in_progress") && (this == SUBPLAN_CREATED || this == EXECUTION_CREATED);
    }
}
