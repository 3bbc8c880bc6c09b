package io.parallelplan.core.pipeline;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunListener;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.schedule.StageOutcome;
import io.parallelplan.core.schedule.TaskRecord;
import io.parallelplan.core.schedule.TaskState;
import io.parallelplan.core.validate.LoadedPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Drives a {@link Scheduler} for a Pipeline whose branches — one per achievement — arrive in any order, wait, run
 * and end: the decisions of the Jenkins {@code parallelPlan}/{@code achievement} steps, kept here so they are tested
 * without Jenkins. Thread-safe: every method holds this object's lock.
 *
 * <p>A branch arrives ({@link #arrive}); it waits until its achievement is READY and the scheduler accepts it (a free
 * slot, its executor idle), then its body starts; each attempt's end is reported ({@link #attemptEnded}); a retry
 * waits again. A branch whose achievement reaches a final state without running (BLOCKED, CANCELLED) is settled at
 * once. Only achievements whose branch is waiting are started: the scheduler reserves nothing, so a READY achievement
 * whose branch has not arrived yet never holds a slot.
 *
 * <p>In a Pipeline every achievement is one branch and one stage, so an achievement's {@code sub_executions} are not
 * scheduled separately here: its body does the whole achievement ({@link #branchPlan}).
 */
public final class BranchCoordinator {
    private final Scheduler scheduler;
    private final String file;
    private final Map<String, Integer> position = new HashMap<>();
    private final Set<String> arrived = new HashSet<>();
    private final Set<String> settled = new HashSet<>();
    private final TreeSet<String> waiting;
    private final Set<String> touched = new LinkedHashSet<>();

    private BranchCoordinator(Function<RunListener, Scheduler> factory, String file) {
        this.file = Objects.requireNonNull(file, "file cannot be null");
        this.scheduler = factory.apply(event -> touched.add(event.taskId()));
        touched.clear(); // the run's first events: the caller reads records() once
        List<String> ids = scheduler.ids();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        this.waiting = new TreeSet<>(Comparator.comparingDouble((String id) -> -scheduler.remainingHours(id))
                .thenComparingInt(position::get));
    }

    /**
     * Begins a run of a valid plan.
     *
     * @param file the plan's path as the user named it, for messages
     * @param journal told about every event (the ledger in the build directory)
     */
    public static BranchCoordinator start(LoadedPlan plan, RunOptions options, String file, RunListener journal,
            Instant now) {
        LoadedPlan branches = branchPlan(plan);
        return new BranchCoordinator(listener -> new Scheduler(branches, options, now, listener.andThen(journal)),
                file);
    }

    /**
     * Drives the scheduler {@code scheduler} builds, for instance one a ledger creates, or one a ledger rebuilt from
     * its journal after a controller restart (then no branch has arrived yet: each waiting or running one reports
     * in with {@link #reattach}).
     *
     * @param scheduler builds the scheduler of {@link #branchPlan}, telling the listener it is given about every
     *     later event
     */
    public static BranchCoordinator of(Function<RunListener, Scheduler> scheduler, String file) {
        return new BranchCoordinator(scheduler, file);
    }

    /** The plan as a Pipeline runs it: each achievement one task, its {@code sub_executions} left to its body. */
    public static LoadedPlan branchPlan(LoadedPlan loaded) {
        Plan plan = loaded.plan();
        if (plan.achievements().stream().allMatch(a -> a.subExecutions().isEmpty())) {
            return loaded;
        }
        List<Achievement> flat = plan.achievements().stream()
                .map(a -> a.subExecutions().isEmpty() ? a : a.toBuilder().subExecutions(List.of()).build())
                .toList();
        Plan tasks = new Plan(plan.source().orElse(null), plan.name(), plan.parallelizationLevel(), flat,
                plan.claims(), plan.unknownFields());
        return new LoadedPlan(tasks, PlanGraph.of(flat), loaded.report());
    }

    /** An {@code achievement(id)} step began. */
    public synchronized Decisions arrive(String id, Instant now) {
        if (id == null || !scheduler.contains(id)) {
            return Decisions.rejected("achievement('" + id + "') is not in " + file
                    + "; use an id the plan defines (readParallelPlan returns them), e.g. " + examples());
        }
        if (!arrived.add(id)) {
            return Decisions.rejected("achievement('" + id + "') appears twice in this parallelPlan block of "
                    + file + "; give each achievement exactly one branch");
        }
        List<Decisions.Note> notes = new ArrayList<>();
        List<Decisions.Settled> ends = new ArrayList<>();
        if (scheduler.state(id).isFinal()) {
            ends.add(settle(id));
        } else {
            waiting.add(id);
        }
        Decisions decisions = decide(notes, ends, List.of(), now);
        if (waiting.contains(id)) {
            notes.add(new Decisions.Note(id, waitingLine(id)));
            return with(decisions, notes);
        }
        return decisions;
    }

    /**
     * After a restart, a branch that was waiting ({@code running == false}) or running its body reports in again.
     * A branch recorded as started whose body never began starts again.
     */
    public synchronized Decisions reattach(String id, boolean running, Instant now) {
        if (!scheduler.contains(id)) {
            return Decisions.rejected("achievement('" + id + "') is not in " + file + " any more; run the build again");
        }
        arrived.add(id);
        List<Decisions.Settled> ends = new ArrayList<>();
        List<Decisions.Start> restarts = new ArrayList<>();
        TaskState state = scheduler.state(id);
        if (state.isFinal() && !running) {
            ends.add(settle(id));
        } else if (state == TaskState.RUNNING && !running) {
            restarts.add(start(id, " again after a restart of the controller"));
        } else if (!state.isFinal() && state != TaskState.RUNNING) {
            waiting.add(id);
        }
        return decide(List.of(), ends, restarts, List.of(), now);
    }

    /**
     * One attempt of a running achievement's body ended. A late report (the achievement is not running) changes
     * nothing and is refused, so that the driver just ends that branch.
     */
    public synchronized Decisions attemptEnded(String id, AttemptOutcome outcome, Instant now) {
        if (!scheduler.contains(id) || scheduler.state(id) != TaskState.RUNNING) {
            return Decisions.rejected(id + " is " + (scheduler.contains(id) ? scheduler.state(id) : "not in " + file)
                    + ", not running; the end of its attempt came too late and changes nothing");
        }
        List<String> interrupt = scheduler.finish(id, outcome, now);
        List<Decisions.Note> notes = new ArrayList<>();
        if (scheduler.state(id) == TaskState.READY) {
            waiting.add(id);
            String how = outcome.kind() == AttemptOutcome.Kind.TIMEOUT ? "timed out" : "failed";
            notes.add(new Decisions.Note(id, id + " attempt " + scheduler.attempts(id) + " of "
                    + scheduler.maxAttempts(id) + " " + how + detail(outcome.message()) + "; retrying"));
        }
        return decide(notes, List.of(), interrupt, now);
    }

    /** A waiting branch was stopped (the build is being aborted): the run stops, nothing new starts. */
    public synchronized Decisions leave(String id, String reason, Instant now) {
        waiting.remove(id);
        settled.add(id);
        List<String> running = scheduler.stop(reason, now);
        return decide(List.of(), List.of(), running, now);
    }

    /**
     * The block's body ended. Achievements that never got a branch (and anything still unfinished) end CANCELLED,
     * and the run is final.
     */
    public synchronized Decisions finish(Instant now) {
        List<Decisions.Note> notes = new ArrayList<>();
        if (!scheduler.isFinished()) {
            List<String> missing = new ArrayList<>();
            for (String id : scheduler.ids()) {
                if (!arrived.contains(id) && !scheduler.state(id).isFinal()) {
                    missing.add(id);
                }
            }
            String reason = missing.isEmpty() ? "the parallelPlan body ended"
                    : "the parallelPlan body ended without an achievement step for " + list(missing)
                            + "; give each achievement a branch with achievement(id) { }";
            for (String id : scheduler.stop(reason, now)) {
                scheduler.finish(id, AttemptOutcome.interrupted(reason), now);
            }
        }
        return decide(notes, List.of(), List.of(), now);
    }

    /** The verdict as of now; final after {@link #finish}. */
    public synchronized RunResult result() {
        return scheduler.result();
    }

    /** Every achievement now, in plan order. */
    public synchronized List<TaskRecord> records() {
        return scheduler.records();
    }

    private Decisions decide(List<Decisions.Note> notes, List<Decisions.Settled> ends, List<String> interrupt,
            Instant now) {
        return decide(notes, ends, List.of(), interrupt, now);
    }

    private Decisions decide(List<Decisions.Note> notes, List<Decisions.Settled> ends, List<Decisions.Start> starts,
            List<String> interrupt, Instant now) {
        List<Decisions.Start> start = new ArrayList<>(starts);
        if (!scheduler.isStopping()) {
            List<String> candidates = new ArrayList<>();
            for (String id : waiting) {
                if (scheduler.state(id) == TaskState.READY) {
                    candidates.add(id);
                }
            }
            for (String id : candidates) {
                if (scheduler.canStart(id)) {
                    scheduler.start(id, now);
                    waiting.remove(id);
                    start.add(start(id, ""));
                }
            }
        }
        List<Decisions.Settled> all = new ArrayList<>(ends);
        List<TaskRecord> changed = new ArrayList<>(touched.size());
        for (String id : touched) {
            changed.add(scheduler.record(id));
            if (scheduler.state(id).isFinal() && arrived.contains(id) && !settled.contains(id)) {
                all.add(settle(id));
            }
        }
        touched.clear();
        return new Decisions(null, notes, interrupt.stream().filter(arrived::contains).toList(),
                scheduler.stopReason().orElse(null), all, start, changed);
    }

    private Decisions.Settled settle(String id) {
        settled.add(id);
        waiting.remove(id);
        TaskRecord record = scheduler.record(id);
        return new Decisions.Settled(id, record.state(), StageOutcome.of(record), line(record));
    }

    private Decisions.Start start(String id, String why) {
        int attempt = scheduler.attempts(id);
        int max = scheduler.maxAttempts(id);
        int minutes = scheduler.timeout(id).map(Duration::toMinutes).map(Math::toIntExact).orElse(0);
        String line = id + " STARTED" + why + (max > 1 ? " (attempt " + attempt + " of " + max + ")" : "");
        return new Decisions.Start(id, attempt, minutes, line);
    }

    /** The console line of an achievement in a final state. */
    private String line(TaskRecord r) {
        String id = r.id();
        return switch (r.state()) {
            case SUCCEEDED -> id + " SUCCEEDED";
            case FLAKY -> id + " FLAKY (passed on attempt " + r.attempts() + " of " + scheduler.maxAttempts(id) + ")";
            case FAILED -> id + " FAILED (" + (r.message() == null ? "failed" : r.message()) + " after "
                    + ConsoleLines.plural(r.attempts(), "attempt") + ")"
                    + (r.optional() ? "; it is optional, so the build is at worst UNSTABLE" : "");
            case BLOCKED -> scheduler.blockedChain(id).map(Object::toString).orElse(id + " BLOCKED");
            case CANCELLED, SKIPPED -> id + " " + r.state() + detail(r.message());
            default -> throw new IllegalStateException(id + " is " + r.state() + ", not final");
        };
    }

    private String waitingLine(String id) {
        TaskState state = scheduler.state(id);
        if (state == TaskState.READY) {
            return scheduler.executor(id).map(e -> id + " READY, waiting for executor " + e)
                    .orElse(id + " READY, waiting for a free slot (" + scheduler.runningCount() + " running)");
        }
        List<String> open = new ArrayList<>();
        for (String dependency : scheduler.achievement(id).dependencies()) {
            if (scheduler.contains(dependency) && !scheduler.state(dependency).satisfiesDependents()) {
                open.add(dependency + " (" + scheduler.state(dependency) + ")");
            }
        }
        return id + " waiting for " + (open.isEmpty() ? "its dependencies" : String.join(", ", open));
    }

    private String examples() {
        List<String> ids = scheduler.ids();
        return list(ids.subList(0, Math.min(5, ids.size())));
    }

    private static String list(List<String> ids) {
        return ids.size() <= 10 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 10)) + " and " + (ids.size() - 10) + " more";
    }

    private static String detail(String message) {
        return message == null || message.isBlank() ? "" : " (" + message + ")";
    }

    private static Decisions with(Decisions d, List<Decisions.Note> notes) {
        return new Decisions(d.rejection(), notes, d.interrupt(), d.stopReason(), d.settled(), d.start(), d.changed());
    }
}
