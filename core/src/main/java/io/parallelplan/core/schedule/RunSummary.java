package io.parallelplan.core.schedule;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The final JSON of a run, shared by the CLI ({@code --format json}), the Jenkins plugin and reports:
 * {@code {"result", "counts", "achievements": {id: {"state", "attempts", "exit_code", "blocked_by", "started_at",
 * "finished_at"}}}}. Written and read by {@code io.parallelplan.core.ledger.RunJson}.
 *
 * @param result SUCCESS, UNSTABLE or FAILURE
 * @param counts achievements per state (lower-case state names, every state, in the order of {@link TaskState})
 * @param achievements every achievement and sub-execution ({@code parent/child}) in plan order
 */
public record RunSummary(RunStatus result, Map<String, Integer> counts, Map<String, Entry> achievements) {
    public RunSummary {
        Objects.requireNonNull(result, "result cannot be null");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        achievements = Collections.unmodifiableMap(new LinkedHashMap<>(achievements));
    }

    /**
     * One achievement or sub-execution.
     *
     * @param state its final (or, for an unfinished run, current) state
     * @param attempts attempts started
     * @param exitCode exit code of the last ended attempt, or {@code null}
     * @param blockedBy for BLOCKED: the chain to the root cause, nearest first; else empty
     * @param startedAt first start, or {@code null}
     * @param finishedAt end, or {@code null}
     */
    public record Entry(
            TaskState state, int attempts, Integer exitCode, List<String> blockedBy, Instant startedAt,
            Instant finishedAt) {
        public Entry {
            Objects.requireNonNull(state, "state cannot be null");
            blockedBy = List.copyOf(blockedBy);
        }
    }
}
