package io.parallelplan.core.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * One state change of one task or achievement: what drivers show, and what the ledger's journal records (one JSON
 * line per event).
 *
 * @param time when it happened (the instant the driver passed in)
 * @param taskId the achievement id, or {@code parent/child} for a sub-execution
 * @param from the state before
 * @param to the state after
 * @param attempt the attempt number this event belongs to (1 for the first attempt; 0 if never started)
 * @param exitCode the exit code of the attempt that ended here, or {@code null}
 * @param message a human detail (failure message, skip or stop reason), or {@code null}
 * @param reason why it happened
 * @param cause for BLOCKED, the dependency that blocked it; for an achievement with sub_executions reaching a final
 *     state, the child that decided it; otherwise {@code null}
 */
public record RunEvent(
        Instant time,
        String taskId,
        TaskState from,
        TaskState to,
        int attempt,
        Integer exitCode,
        String message,
        EventReason reason,
        String cause) {
    public RunEvent {
        Objects.requireNonNull(time, "time cannot be null");
        Objects.requireNonNull(taskId, "taskId cannot be null");
        Objects.requireNonNull(from, "from cannot be null");
        Objects.requireNonNull(to, "to cannot be null");
        Objects.requireNonNull(reason, "reason cannot be null");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder()
                .append(taskId)
                .append(' ')
                .append(from)
                .append(" → ")
                .append(to);
        if (attempt > 0) {
            sb.append(" (attempt ").append(attempt).append(')');
        }
        if (exitCode != null) {
            sb.append(" exit ").append(exitCode);
        }
        if (cause != null) {
            sb.append(" ← ").append(cause);
        }
        if (message != null) {
            sb.append(": ").append(message);
        }
        return sb.toString();
    }
}
