package io.parallelplan.core.assign;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.PlanFiles;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.status.AchievementStatus;
import io.parallelplan.core.status.PlanStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one executor of an {@link Assignment} does now, from the plan folder's files: its next achievement (the
 * first of its own, in its order, that is not done while every dependency is done) and the file to create or work
 * from, the achievements of others it waits for (with their state, a FIX file included), and who waits for it.
 * Done means complete or skipped, as in {@code status}.
 *
 * @param executor the executor's name
 * @param achievements its achievements in its order, with their status
 * @param next what to do next, or {@code null} when nothing of its own can be done now
 * @param waitingOn sync points not yet passed where it waits for another executor: the dependency is not done
 * @param waitedOnBy sync points not yet passed where another executor waits for one of its achievements
 */
public record ExecutorStatus(
        String executor, List<Item> achievements, Next next, List<Wait> waitingOn, List<Wait> waitedOnBy) {

    public ExecutorStatus {
        Objects.requireNonNull(executor, "executor cannot be null");
        achievements = List.copyOf(achievements);
        waitingOn = List.copyOf(waitingOn);
        waitedOnBy = List.copyOf(waitedOnBy);
    }

    /**
     * One achievement of the executor.
     *
     * @param id its id
     * @param title its title
     * @param status what its files say
     * @param startHours its expected start in the assignment
     * @param endHours its expected end
     */
    public record Item(String id, String title, AchievementStatus status, double startHours, double endHours) {}

    /** What the next step on an achievement is, by its status. */
    public enum Action {
        /** Not started: write its SUBPLAN. */
        CREATE_SUBPLAN,
        /** SUBPLAN written: write its first EXECUTION_TASK. */
        CREATE_EXECUTION,
        /** EXECUTION_TASK written: do the work and have it reviewed (APPROVED or FIX). */
        EXECUTE,
        /** The review asked for changes (FIX): answer them and have it reviewed again. */
        FIX;

        /** The snake_case name used in text and JSON ({@code create_subplan}). */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The next step.
     *
     * @param id the achievement
     * @param title its title
     * @param status what its files say
     * @param action what to do
     * @param file the file to create ({@link Action#CREATE_SUBPLAN}, {@link Action#CREATE_EXECUTION}, with
     *     {@code scaffold}'s names) or to work from (its EXECUTION_TASK, its FIX file), relative to the plan folder
     */
    public record Next(String id, String title, AchievementStatus status, Action action, String file) {}

    /**
     * A sync point not yet passed: {@code executor}'s {@code id} waits for {@code on}'s {@code waitsFor}.
     *
     * @param id the waiting achievement
     * @param executor its executor
     * @param waitsFor the dependency
     * @param on the dependency's executor, or {@code null} when the assignment puts it nowhere
     * @param state the dependency's status
     * @param file the file that decided the dependency's status (its FIX file when failed), or {@code null}
     */
    public record Wait(String id, String executor, String waitsFor, String on, AchievementStatus state, String file) {}

    /**
     * The status of executor {@code name}.
     *
     * @throws IllegalArgumentException when the assignment has no such executor (the message lists those it has)
     */
    public static ExecutorStatus of(String name, Assignment assignment, PlanStatus status, PlanGraph graph) {
        Assignment.Executor executor = assignment.executor(name).orElseThrow(() -> new IllegalArgumentException(
                "no executor " + ConsoleLines.clean(name) + " in the assignment; it has "
                        + ConsoleLines.clean(String.join(", ", assignment.executorNames()))));
        Map<String, PlanStatus.Entry> entries = new HashMap<>();
        for (PlanStatus.Entry e : status.achievements()) {
            entries.put(e.id(), e);
        }
        Map<String, String> executorOf = assignment.executorById();
        PlanFiles files = new PlanFiles(status.planName());
        List<Item> items = new ArrayList<>();
        Next next = null;
        List<Wait> waitingOn = new ArrayList<>();
        List<Wait> waitedOnBy = new ArrayList<>();
        for (Assignment.Slot slot : executor.achievements()) {
            PlanStatus.Entry e = entries.get(slot.id());
            int v = graph.indexOf(slot.id());
            if (e == null || v < 0) {
                continue;
            }
            items.add(new Item(e.id(), e.title(), e.status(), slot.startHours(), slot.endHours()));
            if (e.status().isDone()) {
                continue;
            }
            boolean ready = e.status() != AchievementStatus.UNKNOWN;
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                PlanStatus.Entry d = entries.get(graph.id(graph.dependency(v, k)));
                if (d.status().isDone()) {
                    continue;
                }
                ready = false;
                String on = executorOf.get(d.id());
                if (!name.equals(on)) {
                    waitingOn.add(new Wait(e.id(), name, d.id(), on, d.status(), d.decidingFile().orElse(null)));
                }
            }
            if (ready && next == null) {
                next = next(e, files);
            }
            for (int k = 0; k < graph.dependentCount(v); k++) {
                PlanStatus.Entry w = entries.get(graph.id(graph.dependent(v, k)));
                String theirs = executorOf.get(w.id());
                if (!w.status().isDone() && theirs != null && !theirs.equals(name)) {
                    waitedOnBy.add(new Wait(w.id(), theirs, e.id(), name, e.status(),
                            e.decidingFile().orElse(null)));
                }
            }
        }
        return new ExecutorStatus(name, items, next, waitingOn, waitedOnBy);
    }

    /** The status of every executor of the assignment, in its order. */
    public static List<ExecutorStatus> all(Assignment assignment, PlanStatus status, PlanGraph graph) {
        List<ExecutorStatus> all = new ArrayList<>();
        for (String name : assignment.executorNames()) {
            all.add(of(name, assignment, status, graph));
        }
        return all;
    }

    private static Next next(PlanStatus.Entry e, PlanFiles files) {
        String number = PlanFiles.number(e.id());
        return switch (e.status()) {
            case FAILED -> new Next(e.id(), e.title(), e.status(), Action.FIX, e.decidingFile().orElse(null));
            case EXECUTION_CREATED -> new Next(e.id(), e.title(), e.status(), Action.EXECUTE,
                    e.decidingFile().orElse(null));
            case SUBPLAN_CREATED -> new Next(e.id(), e.title(), e.status(), Action.CREATE_EXECUTION,
                    files.executionTask(number, 1));
            default -> new Next(e.id(), e.title(), e.status(), Action.CREATE_SUBPLAN, files.subplan(number));
        };
    }

    /** How many of its achievements are done. */
    public int doneCount() {
        return (int) achievements.stream().filter(i -> i.status().isDone()).count();
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * The JSON {@code status --assignment FILE [--executor NAME] --format json} prints: {@code {"plan",
     * "assignment", "warnings": [line], "executors": [{"executor", "done", "total", "next": {"id", "title",
     * "status", "action", "file"} | null, "achievements": [{"id", "status", "start_hours", "end_hours"}],
     * "waiting_on": [wait], "waited_on_by": [wait]}]}}, a wait being {@code {"id", "executor", "waits_for", "on",
     * "state", "file"}}.
     */
    public static String json(String planName, String assignmentFile, List<String> warnings,
            List<ExecutorStatus> executors) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("plan", planName);
            g.writeStringField("assignment", assignmentFile);
            g.writeArrayFieldStart("warnings");
            for (String w : warnings) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("executors");
            for (ExecutorStatus s : executors) {
                s.write(g);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("executor", executor);
        g.writeNumberField("done", doneCount());
        g.writeNumberField("total", achievements.size());
        if (next == null) {
            g.writeNullField("next");
        } else {
            g.writeObjectFieldStart("next");
            g.writeStringField("id", next.id());
            g.writeStringField("title", next.title());
            g.writeStringField("status", next.status().label());
            g.writeStringField("action", next.action().label());
            g.writeStringField("file", next.file());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("achievements");
        for (Item i : achievements) {
            g.writeStartObject();
            g.writeStringField("id", i.id());
            g.writeStringField("status", i.status().label());
            g.writeNumberField("start_hours", i.startHours());
            g.writeNumberField("end_hours", i.endHours());
            g.writeEndObject();
        }
        g.writeEndArray();
        waits(g, "waiting_on", waitingOn);
        waits(g, "waited_on_by", waitedOnBy);
        g.writeEndObject();
    }

    private static void waits(JsonGenerator g, String key, List<Wait> waits) throws IOException {
        g.writeArrayFieldStart(key);
        for (Wait w : waits) {
            g.writeStartObject();
            g.writeStringField("id", w.id());
            g.writeStringField("executor", w.executor());
            g.writeStringField("waits_for", w.waitsFor());
            g.writeStringField("on", w.on());
            g.writeStringField("state", w.state().label());
            g.writeStringField("file", w.file());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
