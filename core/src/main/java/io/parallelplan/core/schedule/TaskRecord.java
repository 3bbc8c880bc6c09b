package io.parallelplan.core.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a run knows about one achievement or sub-execution at a moment: its state and attempts, plus the
 * flags the result depends on. Produced by {@link Scheduler#records()} and by the ledger, so results can be computed
 * without the plan.
 *
 * @param id the achievement id, or {@code parent/child} for a sub-execution
 * @param parentId the achievement a sub-execution belongs to; {@code null} for an achievement
 * @param group whether it is an achievement with sub_executions (its state follows its children)
 * @param state its state
 * @param attempts attempts started (for a group: the sum over its children)
 * @param exitCode the exit code of its last ended attempt, or {@code null}
 * @param message the last human detail (failure message, skip, stop or cancel reason), or {@code null}
 * @param cause for BLOCKED, the dependency that blocked it; for a group in a final state, the child that decided
 *     it; else {@code null}
 * @param startedAt when its first attempt started, or {@code null}
 * @param finishedAt when it reached its final state, or {@code null}
 * @param optional whether its failure only makes the run UNSTABLE (for a sub-execution: its achievement's flag)
 * @param required whether it is a hard gate under the threshold policy
 * @param weight its estimated hours (1 if missing), the weight in the threshold score
 */
public record TaskRecord(
        String id,
        String parentId,
        boolean group,
        TaskState state,
        int attempts,
        Integer exitCode,
        String message,
        String cause,
        Instant startedAt,
        Instant finishedAt,
        boolean optional,
        boolean required,
        double weight) {
    public TaskRecord {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(state, "state cannot be null");
    }

    /** Whether this is an achievement (counted in the count line), not a sub-execution. */
    public boolean isAchievement() {
        return parentId == null;
    }
}
