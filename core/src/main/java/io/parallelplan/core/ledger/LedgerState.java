package io.parallelplan.core.ledger;

import io.parallelplan.core.schedule.EventReason;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.schedule.RunSummary;
import io.parallelplan.core.schedule.TaskRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run as its ledger tells it, read without the plan: header, every task's record, how it stopped. What reports,
 * {@code --resume} and status commands start from.
 *
 * @param directory the run folder
 * @param header the journal's first line
 * @param records every achievement and sub-execution in plan order
 * @param stopKind how the run stopped starting work, or {@code null}
 * @param stopReason why, or {@code null}
 * @param events events read (snapshot and journal)
 * @param lastTime the time of the last event or stop
 * @param tornLineDropped whether the journal ended with a torn line that was left out
 */
public record LedgerState(
        Path directory,
        RunHeader header,
        List<TaskRecord> records,
        EventReason stopKind,
        String stopReason,
        long events,
        Instant lastTime,
        boolean tornLineDropped) {
    public LedgerState {
        Objects.requireNonNull(header, "header cannot be null");
        records = List.copyOf(records);
    }

    static LedgerState of(Path directory, LedgerFold fold, boolean torn) {
        return new LedgerState(directory, fold.header, fold.records(), fold.stopKind(), fold.stopReason(),
                fold.events(), fold.lastTime(), torn);
    }

    public String runId() {
        return header.runId();
    }

    /** The record of one achievement or sub-execution. */
    public Optional<TaskRecord> record(String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Whether every task reached a final state. */
    public boolean isFinished() {
        return records.stream().allMatch(r -> r.state().isFinal());
    }

    /** The verdict, judged with the run's own policy (unfinished tasks count as CANCELLED). */
    public RunResult result() {
        return RunResult.of(records, header.options().policy(), header.options().minScore(), stopReason);
    }

    /** The final JSON value: equal to what the scheduler produced at the same point. */
    public RunSummary summary() {
        return result().summary();
    }
}
