package io.parallelplan.core.pipeline;

import io.parallelplan.core.schedule.StageOutcome;
import io.parallelplan.core.schedule.TaskRecord;
import io.parallelplan.core.schedule.TaskState;
import java.util.List;
import java.util.Objects;

/**
 * What a Pipeline driver must do after one call to {@link BranchCoordinator}: in this order, print the notes,
 * interrupt the running bodies listed, settle the branches listed (print, mark the stage, end the step), and start
 * the bodies listed.
 *
 * @param rejection when the call was refused (an id not in the plan, the same id twice: the message the branch
 *     fails with; a late end of an attempt: the branch just ends); else {@code null}
 * @param notes lines for the logs of waiting or running branches (waiting for what, retrying)
 * @param interrupt running achievements whose bodies must be interrupted (fail-fast)
 * @param stopReason why the run stopped starting work, when it did; else {@code null}
 * @param settled branches that end now, each with its final state, what its stage shows and its console line
 * @param start branches whose body (one attempt) starts now
 * @param changed the records of every achievement whose state changed, for the build page
 */
public record Decisions(
        String rejection,
        List<Note> notes,
        List<String> interrupt,
        String stopReason,
        List<Settled> settled,
        List<Start> start,
        List<TaskRecord> changed) {
    public Decisions {
        notes = List.copyOf(notes);
        interrupt = List.copyOf(interrupt);
        settled = List.copyOf(settled);
        start = List.copyOf(start);
        changed = List.copyOf(changed);
    }

    static Decisions rejected(String message) {
        return new Decisions(Objects.requireNonNull(message), List.of(), List.of(), null, List.of(), List.of(),
                List.of());
    }

    /** A line for the log of one achievement's branch. */
    public record Note(String id, String line) {}

    /**
     * One attempt of an achievement's body starts now.
     *
     * @param attempt 1 for the first attempt
     * @param timeoutMinutes the time limit of this attempt, 0 for none
     * @param line e.g. {@code 2.1 STARTED (attempt 1 of 3)}
     */
    public record Start(String id, int attempt, int timeoutMinutes, String line) {}

    /**
     * A branch ends: its achievement reached a final state.
     *
     * @param stage what its stage shows
     * @param line e.g. {@code 3.1 BLOCKED ← 2.3 FAILED (exit 2 after 2 attempts)}
     */
    public record Settled(String id, TaskState state, StageOutcome stage, String line) {}
}
