package io.parallelplan.core.schedule;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.validate.LoadedPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The run of one plan as a passive, deterministic state machine (see {@code docs/semantics.md}). It never starts
 * threads or processes: a driver asks {@link #startable()} what may start now, reports {@link #start starts} and
 * {@link #finish how each attempt ended}, may {@link #stop} the run, and asks for the {@link #result()}.
 *
 * <h2>Tasks</h2>
 * A task is what a driver runs: an achievement without {@code sub_executions}, or one sub-execution of an
 * achievement that has them, named {@code parent/child} (e.g. {@code 2.1/2.1.1}). An achievement with
 * sub_executions is a <em>group</em>: its children start once the group's dependencies are satisfied (each also
 * after the siblings it names in its own {@code dependencies}), and the group's state follows them — it succeeds when
 * all of them do. A sub-execution inherits its achievement's {@code executor}, {@code retries} and
 * {@code timeout_minutes} when it does not name its own; {@code optional} and {@code required} are the
 * achievement's.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>{@link #startable()} lists READY tasks in priority order — the longest remaining path of estimated hours
 *       first (critical-path scheduling), then plan order — as many as there are free slots, at most one per
 *       executor: tasks naming the same {@code executor} run one at a time. It does not reserve anything: the
 *       driver may start any subset of it, or any task for which {@link #canStart} holds.
 *   <li>A failed or timed-out attempt with attempts left goes back to READY; a task that passes after a failed
 *       attempt ends FLAKY. After the last attempt it ends FAILED and every task depending on it, directly or not,
 *       ends BLOCKED, recording the chain to the root cause.
 *   <li>Fail-fast: at the first FAILED task of an achievement that is not optional, nothing new starts,
 *       never-started tasks end CANCELLED (those depending on the failure already ended BLOCKED), and
 *       {@link #finish} returns the running tasks the driver must interrupt (none with {@code drain}).
 *   <li>Threshold: once {@code min_score} cannot be reached even if everything unfinished passes, nothing new
 *       starts and never-started tasks end CANCELLED; running ones finish. The result says so.
 *   <li>Transitions are checked: nothing leaves a final state, and a call that would make an illegal transition
 *       throws {@link IllegalStateException} naming the task, its state and the state asked for.
 * </ul>
 *
 * <h2>Events and cost</h2>
 * Every state change is passed to the {@link RunListener} as a {@link RunEvent} before the scheduler applies it and
 * before the call returns (the ledger journals it there). If a listener throws, the scheduler is left half-way and
 * must be discarded; rebuild it from the journal ({@link RunListener#NONE} is not even given the events). Per event
 * the work is proportional to the task's number of dependents (a bit set of ready tasks by priority rank,
 * remaining-dependency counters, per-executor queues); BLOCKED propagation visits each descendant once. Only
 * {@link #stop} and the policy stops sweep the never-started tasks. Ids are looked up in the plan's index once per
 * attempt at most: the ids {@link #startable()} offered and those asked about lately are recognized by identity.
 *
 * <p>Not thread-safe: a driver serializes its calls (one thread, or a lock).
 */
public final class Scheduler {
    private static final double EPSILON = 1e-9;
    private static final int RECENT = 1024;

    private final SchedulePlan model;
    private final Plan plan;
    private final RunOptions options;
    private final RunListener listener;
    private final int size;
    private final String[] ids;
    private final int[] priority;
    private final int[] byPriority;
    private final String[] executorNames;
    private final int taskCount;

    private final int[] remaining;
    private final TaskState[] state;
    private final int[] attempts;
    /** Made on first use: most runs record no message, and only failures and groups a cause. */
    private Integer[] exitCode;
    private String[] message;
    private int[] cause;
    private final Instant[] startedAt;
    private final Instant[] finishedAt;
    /** For each group (only when the plan has groups): its children per state, and the first child in each. */
    private final int[][] childCounts;
    private final int[][] firstChild;
    private final boolean[] lost;
    private final boolean[] toSkip;
    private final int[] counts = new int[TaskState.values().length];

    /** The READY tasks by priority rank: those without an executor, and the best of each idle executor. */
    private final RankSet ready;
    private final TaskQueue[] executorQueues;
    private final int[] executorRunning;
    private final int[] executorCandidate;
    private final int[] runningNodes;
    private final int[] runningPos;
    private int runningCount;
    private int finalTasks;
    private int[] work;
    /** The tasks the last {@link #startable()} offered, best first, and how many were then started in that order. */
    private int[] offered = new int[0];
    private int offeredCount;
    private int offeredStarted;
    /**
     * Ids looked up lately: {@code recent[hash & (RECENT - 1)]} is a node + 1 (0 for none). A driver asks about the
     * same few ids again and again (the attempt it starts, its definition, its timeout, how it ended), most often
     * with the very strings {@link #startable()} gave; those are found here by identity, without the plan's index.
     */
    private final int[] recent = new int[RECENT];

    private double countedWeight;
    private double lostWeight;
    private EventReason stopKind;
    private String stopReason;
    private boolean sweeping;
    private boolean skipping;

    /** A scheduler without a listener. */
    public Scheduler(LoadedPlan loaded, RunOptions options, Instant startedAt) {
        this(loaded, options, startedAt, RunListener.NONE);
    }

    /**
     * Begins a run: applies {@link RunOptions#skip()} and makes the tasks without dependencies READY, telling
     * {@code listener} about each change.
     *
     * @param loaded a valid plan
     * @param startedAt when the run began (the time of the first events)
     * @throws io.parallelplan.core.validate.InvalidPlanException if the plan has errors
     * @throws IllegalArgumentException if a skipped id names nothing, or sub_executions name an unknown dependency
     *     or form a cycle
     */
    public Scheduler(LoadedPlan loaded, RunOptions options, Instant startedAt, RunListener listener) {
        this(SchedulePlan.of(loaded), options, startedAt, listener);
    }

    /**
     * Begins a run of a plan prepared once with {@link SchedulePlan#of} (the same as the other constructors, without
     * ranking the plan again).
     *
     * @throws IllegalArgumentException if a skipped id names nothing
     */
    public Scheduler(SchedulePlan model, RunOptions options, Instant startedAt, RunListener listener) {
        Objects.requireNonNull(model, "plan cannot be null");
        this.options = Objects.requireNonNull(options, "options cannot be null");
        Objects.requireNonNull(startedAt, "start time cannot be null");
        this.listener = Objects.requireNonNull(listener, "listener cannot be null (use RunListener.NONE)");
        this.model = model;
        this.plan = model.plan;
        int n = model.size;
        this.size = n;
        ids = model.ids;
        priority = model.priority;
        byPriority = model.byPriority;
        executorNames = model.executorNames;
        taskCount = model.taskCount;

        remaining = new int[n];
        for (int x = 0; x < n; x++) {
            remaining[x] = model.dependencyCount(x);
        }
        state = new TaskState[n];
        Arrays.fill(state, TaskState.PENDING);
        counts[TaskState.PENDING.ordinal()] = model.graph.size();
        attempts = new int[n];
        this.startedAt = new Instant[n];
        finishedAt = new Instant[n];
        boolean groups = taskCount < n;
        childCounts = groups ? new int[n][] : null;
        firstChild = groups ? new int[n][] : null;
        for (int x = 0; groups && x < n; x++) {
            if (isGroup(x)) {
                childCounts[x] = new int[TaskState.values().length + 1];
                firstChild[x] = new int[TaskState.values().length];
                Arrays.fill(firstChild[x], -1);
            }
        }
        lost = new boolean[n];
        toSkip = options.skip().isEmpty() ? null : new boolean[n];
        ready = new RankSet(n);
        executorQueues = new TaskQueue[executorNames.length];
        if (executorNames.length > 0) {
            int[] executorPos = new int[n];
            Arrays.fill(executorPos, -1);
            for (int e = 0; e < executorQueues.length; e++) {
                executorQueues[e] = new TaskQueue(priority, byPriority, executorPos);
            }
        }
        executorRunning = new int[executorNames.length];
        executorCandidate = new int[executorNames.length];
        Arrays.fill(executorRunning, -1);
        Arrays.fill(executorCandidate, -1);
        runningNodes = new int[Math.min(n, options.maxParallel())];
        runningPos = new int[n];
        work = new int[Math.min(n, 64)];

        begin(startedAt);
    }

    private void begin(Instant time) {
        if (toSkip == null) {
            countedWeight = model.totalWeight;
        } else {
            skip(time);
            for (int x = 0; x < size; x++) {
                if (model.parent(x) < 0 && state[x] != TaskState.SKIPPED) {
                    countedWeight += model.weight(x);
                }
            }
        }
        for (int x = 0; x < size; x++) {
            if (model.parent(x) < 0 && state[x] == TaskState.PENDING && remaining[x] == 0) {
                release(x, time);
            }
        }
    }

    /** Applies {@link RunOptions#skip()}: the tasks and achievements named end SKIPPED, in plan order. */
    private void skip(Instant time) {
        List<Integer> skipped = new ArrayList<>();
        for (Map.Entry<String, String> e : options.skip().entrySet()) {
            if (!contains(e.getKey())) {
                throw new IllegalArgumentException("cannot skip \"" + e.getKey()
                        + "\": it is not an achievement or sub-execution of this plan");
            }
            int x = node(e.getKey());
            toSkip[x] = true;
            skipped.add(x);
        }
        Collections.sort(skipped);
        skipping = true;
        for (int x : skipped) {
            if (state[x].isFinal()) {
                continue; // a sub-execution of an achievement skipped as a whole
            }
            String reason = options.skip().get(ids[x]);
            if (isGroup(x)) {
                move(x, TaskState.SKIPPED, EventReason.SKIPPED, null, reason, -1, time);
                int[] moved = new int[model.childCount(x)];
                int count = 0;
                for (int c = x + 1; c <= x + moved.length; c++) {
                    if (!state[c].isFinal()) {
                        move(c, TaskState.SKIPPED, EventReason.SKIPPED, null, reason, x, time);
                        moved[count++] = c;
                    }
                }
                for (int k = 0; k < count; k++) {
                    settle(moved[k], time);
                }
            } else {
                move(x, TaskState.SKIPPED, EventReason.SKIPPED, null, reason, -1, time);
            }
            settle(x, time);
        }
        skipping = false;
    }

    // ---------------------------------------------------------------- queries

    /** The plan being run. */
    public Plan plan() {
        return plan;
    }

    public RunOptions options() {
        return options;
    }

    /** The plan as prepared for running (shared by every run of the plan). */
    public SchedulePlan schedulePlan() {
        return model;
    }

    /** The ids of the runnable tasks in plan order (achievements without sub_executions, and sub-executions). */
    public List<String> tasks() {
        return model.tasks();
    }

    /** Every achievement and sub-execution id in plan order, each sub-execution right after its achievement. */
    public List<String> ids() {
        return model.ids();
    }

    /** Whether the id names an achievement or sub-execution of this run. */
    public boolean contains(String id) {
        return model.contains(id);
    }

    /** The definition of an achievement or sub-execution (for {@code command}, {@code title}, ...). */
    public Achievement achievement(String id) {
        return model.definition(node(id));
    }

    /** Whether the id is an achievement with sub_executions (a group, not itself a task). */
    public boolean isGroup(String id) {
        return model.isGroup(id);
    }

    /** The sub-execution ids of an achievement ({@code parent/child}), empty for a task. */
    public List<String> children(String id) {
        return model.children(id);
    }

    /**
     * The achievements and sub-executions that wait directly for this one, in plan order (for an achievement with
     * sub_executions: those that wait for the whole achievement).
     */
    public List<String> dependents(String id) {
        return model.dependents(id);
    }

    /** The achievement a sub-execution belongs to. */
    public Optional<String> parentOf(String id) {
        return model.parentOf(id);
    }

    /** The executor a task runs on (its own, else its achievement's), if any. */
    public Optional<String> executor(String taskId) {
        return model.executor(taskId);
    }

    /** The current state of an achievement, sub-execution or group. */
    public TaskState state(String id) {
        return state[node(id)];
    }

    /** Attempts started so far. */
    public int attempts(String taskId) {
        return attempts[task(taskId)];
    }

    /** 1 + its {@code retries} (its own, else its achievement's, else the run's default). */
    public int maxAttempts(String taskId) {
        return maxAttempts(task(taskId));
    }

    /** How long one attempt may run ({@code timeout_minutes}, else its achievement's, else the run's default). */
    public Optional<Duration> timeout(String taskId) {
        Integer minutes = model.timeoutMinutes(task(taskId));
        minutes = minutes == null ? options.defaultTimeoutMinutes() : minutes;
        return minutes == null || minutes < 1 ? Optional.empty() : Optional.of(Duration.ofMinutes(minutes));
    }

    /** The priority of a task: its longest remaining path of estimated hours, itself included. */
    public double remainingHours(String id) {
        return model.remainingHours(id);
    }

    /**
     * The READY tasks that may start now, best first (longest remaining path of estimated hours, then plan order),
     * no more than the free slots, at most one per executor and none for a busy executor. Empty once the run is
     * stopping. Reserves nothing.
     */
    public List<String> startable() {
        if (stopKind != null || ready.isEmpty()) {
            return List.of();
        }
        int free = options.maxParallel() - runningCount;
        if (free <= 0) {
            return List.of();
        }
        int k = Math.min(free, ready.size());
        if (offered.length < k) {
            offered = new int[Math.max(k, Math.min(2 * offered.length, runningNodes.length))];
        }
        int rank = ready.first();
        offered[0] = byPriority[rank];
        for (int i = 1; i < k; i++) {
            rank = ready.ceiling(rank + 1);
            offered[i] = byPriority[rank];
        }
        offeredCount = k;
        offeredStarted = 0;
        if (k == 1) {
            return List.of(ids[offered[0]]);
        }
        String[] out = new String[k];
        for (int i = 0; i < k; i++) {
            out[i] = ids[offered[i]];
        }
        return List.of(out);
    }

    /** Whether {@link #start} would accept this task now: READY, a free slot, its executor idle, not stopping. */
    public boolean canStart(String taskId) {
        int x = task(taskId);
        return stopKind == null
                && state[x] == TaskState.READY
                && runningCount < options.maxParallel()
                && (model.executorOf(x) < 0 || executorRunning[model.executorOf(x)] < 0);
    }

    /** The running tasks, in plan order. */
    public List<String> running() {
        int[] nodes = Arrays.copyOf(runningNodes, runningCount);
        Arrays.sort(nodes);
        List<String> out = new ArrayList<>(nodes.length);
        for (int x : nodes) {
            out.add(ids[x]);
        }
        return Collections.unmodifiableList(out);
    }

    public int runningCount() {
        return runningCount;
    }

    /** Whether every task reached a final state. */
    public boolean isFinished() {
        return finalTasks == taskCount;
    }

    /** Whether the run stopped starting work (stop, fail-fast, unreachable threshold). */
    public boolean isStopping() {
        return stopKind != null;
    }

    /** Why the run stopped starting work, if it did. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** Achievements (not sub-executions) per state, every state present. O(1). */
    public Map<TaskState, Integer> counts() {
        EnumMap<TaskState, Integer> out = new EnumMap<>(TaskState.class);
        for (TaskState s : TaskState.values()) {
            out.put(s, counts[s.ordinal()]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** What the run knows about one achievement or sub-execution now. */
    public TaskRecord record(String id) {
        return record(node(id));
    }

    /** Every achievement and sub-execution now, in plan order. O(n). */
    public List<TaskRecord> records() {
        List<TaskRecord> out = new ArrayList<>(size);
        for (int x = 0; x < size; x++) {
            out.add(record(x));
        }
        return Collections.unmodifiableList(out);
    }

    /** The blocked-by chain of a BLOCKED achievement or sub-execution. */
    public Optional<BlockedChain> blockedChain(String id) {
        int x = node(id);
        if (state[x] != TaskState.BLOCKED) {
            return Optional.empty();
        }
        Map<String, TaskRecord> links = new HashMap<>();
        for (int at = x; at >= 0 && !links.containsKey(ids[at]); at = cause(at)) {
            links.put(ids[at], record(at));
        }
        return Optional.of(RunResult.chain(links.get(ids[x]), links));
    }

    /** The verdict as of now (final once {@link #isFinished()}). O(n). */
    public RunResult result() {
        return RunResult.of(records(), options.policy(), options.minScore(), stopReason);
    }

    // ---------------------------------------------------------------- commands

    /**
     * The driver started an attempt of a task.
     *
     * @throws IllegalStateException if the task is not READY, no slot is free, its executor is busy, or the run is
     *     stopping
     */
    public void start(String taskId, Instant time) {
        int x;
        if (offeredStarted < offeredCount && ids[offered[offeredStarted]] == taskId) {
            x = offered[offeredStarted++]; // the next of those startable() offered, as drivers start them
            recent[taskId.hashCode() & (RECENT - 1)] = x + 1; // what the driver asks about next (definition, end)
        } else {
            x = task(taskId);
        }
        Objects.requireNonNull(time, "time cannot be null");
        if (stopKind != null) {
            throw new IllegalStateException("cannot start " + taskId + ": the run is stopping (" + stopReason + ")");
        }
        if (state[x] != TaskState.READY) {
            throw new IllegalStateException("illegal transition of " + taskId + ": " + state[x] + " → RUNNING");
        }
        if (runningCount >= options.maxParallel()) {
            throw new IllegalStateException("cannot start " + taskId + ": all " + options.maxParallel()
                    + " slots are busy");
        }
        int e = model.executorOf(x);
        if (e >= 0 && executorRunning[e] >= 0) {
            throw new IllegalStateException("cannot start " + taskId + ": executor " + executorNames[e]
                    + " is running " + ids[executorRunning[e]]);
        }
        emit(x, TaskState.RUNNING, attempts[x] + 1, EventReason.STARTED, null, null, -1, time);
        attempts[x]++;
        apply(x, TaskState.RUNNING, null, null, -1, time);
        if (startedAt[x] == null) {
            startedAt[x] = time;
        }
        if (e < 0) {
            ready.remove(priority[x]);
        } else {
            executorQueues[e].remove(x);
            if (executorCandidate[e] >= 0) {
                ready.remove(priority[executorCandidate[e]]);
                executorCandidate[e] = -1;
            }
            executorRunning[e] = x;
        }
        runningPos[x] = runningCount;
        runningNodes[runningCount++] = x;
        int g = model.parent(x);
        if (g >= 0 && state[g] == TaskState.READY) {
            move(g, TaskState.RUNNING, EventReason.SUB_EXECUTIONS, null, null, -1, time);
            startedAt[g] = time;
        }
    }

    /**
     * The driver reports how an attempt ended. A failure or timeout with attempts left makes the task READY again
     * (unless the run is stopping); the last one makes it FAILED and its dependents BLOCKED. An interrupted attempt
     * ends CANCELLED.
     *
     * @return the running tasks the driver must now interrupt (fail-fast without drain); usually empty
     * @throws IllegalStateException if the task is not RUNNING
     */
    public List<String> finish(String taskId, AttemptOutcome outcome, Instant time) {
        int x = task(taskId);
        Objects.requireNonNull(outcome, "outcome cannot be null");
        Objects.requireNonNull(time, "time cannot be null");
        if (state[x] != TaskState.RUNNING) {
            throw new IllegalStateException("cannot finish " + taskId + ": it is " + state[x] + ", not RUNNING");
        }
        List<String> interrupt = List.of();
        switch (outcome.kind()) {
            case SUCCESS -> {
                TaskState to = attempts[x] > 1 ? TaskState.FLAKY : TaskState.SUCCEEDED;
                end(x, to, EventReason.SUCCESS, outcome.exitCode(), outcome.message(), time);
            }
            case FAILURE, TIMEOUT -> {
                boolean timedOut = outcome.kind() == AttemptOutcome.Kind.TIMEOUT;
                EventReason reason = timedOut ? EventReason.TIMEOUT : EventReason.FAILURE;
                String text = outcome.message() != null ? outcome.message() : timedOut ? "timed out" : null;
                if (attempts[x] < maxAttempts(x) && stopKind == null) {
                    emit(x, TaskState.READY, attempts[x], reason, outcome.exitCode(), text, -1, time);
                    apply(x, TaskState.READY, outcome.exitCode(), text, -1, time);
                    freeSlot(x);
                    enqueue(x);
                } else {
                    end(x, TaskState.FAILED, reason, outcome.exitCode(), text, time);
                    if (options.policy() == FailurePolicy.FAIL_FAST && stopKind == null && !model.isOptional(x)) {
                        String why = "fail-fast: " + ids[x] + " FAILED (" + RunResult.detail(record(x)) + ")";
                        List<String> running = halt(EventReason.FAIL_FAST, why, time);
                        interrupt = options.drain() ? List.of() : running;
                    }
                }
            }
            case INTERRUPTED -> {
                String text = outcome.message() != null ? outcome.message()
                        : stopReason != null ? stopReason : "interrupted";
                end(x, TaskState.CANCELLED, EventReason.INTERRUPTED, outcome.exitCode(), text, time);
            }
        }
        if (options.policy() == FailurePolicy.THRESHOLD && stopKind == null && countedWeight > 0
                && (countedWeight - lostWeight) / countedWeight < options.minScore() - EPSILON) {
            halt(EventReason.THRESHOLD_UNREACHABLE, String.format(java.util.Locale.ROOT,
                    "threshold unreachable: at most %.2f of the weight can still pass, min score is %.2f",
                    Math.floor((countedWeight - lostWeight) / countedWeight * 100) / 100, options.minScore()), time);
        }
        return interrupt;
    }

    /**
     * Stops the run (interrupt, SIGTERM, abort): nothing new starts and every never-started task ends CANCELLED. The
     * driver must kill the running tasks it returns and report each as {@link AttemptOutcome#interrupted}. Calling it
     * again changes nothing and returns the tasks still running.
     *
     * @return the running tasks, in plan order
     */
    public List<String> stop(String reason, Instant time) {
        Objects.requireNonNull(reason, "stop reason cannot be null");
        Objects.requireNonNull(time, "time cannot be null");
        if (stopKind != null) {
            return running();
        }
        return halt(EventReason.STOPPED, reason, time);
    }

    // ---------------------------------------------------------------- internals

    private List<String> halt(EventReason kind, String reason, Instant time) {
        listener.onStop(kind, reason, time);
        stopKind = kind;
        stopReason = reason;
        sweeping = true;
        for (int x = 0; x < size; x++) {
            if (!isGroup(x) && (state[x] == TaskState.PENDING || state[x] == TaskState.READY)) {
                move(x, TaskState.CANCELLED, kind, null, reason, -1, time);
                settle(x, time);
            }
        }
        sweeping = false;
        ready.clear();
        for (int e = 0; e < executorQueues.length; e++) {
            executorQueues[e].clear();
            executorCandidate[e] = -1;
        }
        return running();
    }

    private void end(int x, TaskState to, EventReason reason, Integer exit, String text, Instant time) {
        emit(x, to, attempts[x], reason, exit, text, -1, time);
        apply(x, to, exit, text, -1, time);
        freeSlot(x);
        settle(x, time);
    }

    private void freeSlot(int x) {
        int p = runningPos[x];
        int last = runningNodes[--runningCount];
        runningNodes[p] = last;
        runningPos[last] = p;
        int e = model.executorOf(x);
        if (e >= 0) {
            executorRunning[e] = -1;
            refreshCandidate(e);
        }
    }

    private void enqueue(int x) {
        int e = model.executorOf(x);
        if (e < 0) {
            ready.add(priority[x]);
        } else {
            executorQueues[e].add(x);
            refreshCandidate(e);
        }
    }

    /** Keeps the best READY task of an idle executor in the main queue, and none of a busy one. */
    private void refreshCandidate(int e) {
        int best = executorRunning[e] >= 0 || stopKind != null ? -1 : executorQueues[e].peek();
        int current = executorCandidate[e];
        if (best == current) {
            return;
        }
        if (current >= 0) {
            ready.remove(priority[current]);
        }
        if (best >= 0) {
            ready.add(priority[best]);
        }
        executorCandidate[e] = best;
    }

    /** Dependencies of {@code x} are satisfied: a task becomes READY, a group opens its gate to its children. */
    private void release(int x, Instant time) {
        if (skipping && toSkip[x]) {
            return;
        }
        move(x, TaskState.READY, EventReason.RELEASED, null, null, -1, time);
        if (isGroup(x)) {
            for (int c = x + 1, end = x + 1 + model.childCount(x); c < end; c++) {
                if (--remaining[c] == 0 && state[c] == TaskState.PENDING) {
                    release(c, time);
                }
            }
        } else {
            enqueue(x);
        }
    }

    /**
     * {@code first} reached a final state: release or block its dependents, and let groups follow their children.
     * Breadth first (so a task is blocked by its nearest failed dependency, the first in plan order), iterative;
     * every node is queued once, when it becomes final.
     */
    private void settle(int first, Instant time) {
        int head = 0;
        int tail = 0;
        work[tail++] = first;
        while (head < tail) {
            int x = work[head++];
            TaskState s = state[x];
            if (s.satisfiesDependents()) {
                for (int k = 0, count = model.dependentCount(x); k < count; k++) {
                    int y = model.dependent(x, k);
                    if (--remaining[y] == 0 && state[y] == TaskState.PENDING) {
                        release(y, time);
                    }
                }
            } else {
                if (model.parent(x) < 0) {
                    markLost(x);
                }
                if (!sweeping) {
                    for (int k = 0, count = model.dependentCount(x); k < count; k++) {
                        int y = model.dependent(x, k);
                        if (state[y] == TaskState.PENDING) {
                            move(y, TaskState.BLOCKED, EventReason.DEPENDENCY_FAILED, null, null, x, time);
                            tail = queue(tail, y);
                            for (int c = y + 1, end = y + 1 + model.childCount(y); c < end; c++) {
                                if (state[c] == TaskState.PENDING) {
                                    move(c, TaskState.BLOCKED, EventReason.DEPENDENCY_FAILED, null, null, y, time);
                                    tail = queue(tail, c);
                                }
                            }
                        }
                    }
                }
            }
            int g = model.parent(x);
            if (g >= 0) {
                int[] cc = childCounts[g];
                cc[s.ordinal()]++;
                int finals = ++cc[cc.length - 1];
                if (firstChild[g][s.ordinal()] < 0) {
                    firstChild[g][s.ordinal()] = x;
                }
                if (s.blocksDependents()) {
                    markLost(g);
                }
                if (!state[g].isFinal() && finals == model.childCount(g)) {
                    TaskState to = groupOutcome(cc);
                    int decidedBy = to == TaskState.SKIPPED ? -1 : firstChild[g][to.ordinal()];
                    move(g, to, EventReason.SUB_EXECUTIONS, null, null, decidedBy, time);
                    tail = queue(tail, g);
                }
            }
        }
    }

    /** Appends a node to {@link #work} (each node enters it at most once per settle), returning the new tail. */
    private int queue(int tail, int x) {
        if (tail == work.length) {
            work = Arrays.copyOf(work, Math.min(size, 2 * tail));
        }
        work[tail] = x;
        return tail + 1;
    }

    private static TaskState groupOutcome(int[] childCounts) {
        for (TaskState s : new TaskState[] {
            TaskState.FAILED, TaskState.CANCELLED, TaskState.BLOCKED, TaskState.FLAKY, TaskState.SUCCEEDED
        }) {
            if (childCounts[s.ordinal()] > 0) {
                return s;
            }
        }
        return TaskState.SKIPPED;
    }

    private void markLost(int x) {
        if (!lost[x] && state[x] != TaskState.SKIPPED) {
            lost[x] = true;
            lostWeight += model.weight(x);
        }
    }

    /** Emits, then applies, one transition (checked). */
    private void move(int x, TaskState to, EventReason reason, Integer exit, String text, int causeNode, Instant time) {
        emit(x, to, attempts[x], reason, exit, text, causeNode, time);
        apply(x, to, exit, text, causeNode, time);
    }

    private void emit(
            int x, TaskState to, int attempt, EventReason reason, Integer exit, String text, int causeNode,
            Instant time) {
        TaskState from = state[x];
        if (!TaskState.canMove(from, to, isGroup(x))) {
            throw new IllegalStateException("illegal transition of " + ids[x] + ": " + from + " → " + to);
        }
        if (listener != RunListener.NONE) {
            listener.onEvent(new RunEvent(
                    time, ids[x], from, to, attempt, exit, text, reason, causeNode < 0 ? null : ids[causeNode]));
        }
    }

    private void apply(int x, TaskState to, Integer exit, String text, int causeNode, Instant time) {
        TaskState from = state[x];
        state[x] = to;
        if (model.parent(x) < 0) {
            counts[from.ordinal()]--;
            counts[to.ordinal()]++;
        }
        if (exit != null) {
            if (exitCode == null) {
                exitCode = new Integer[size];
            }
            exitCode[x] = exit;
        }
        if (text != null) {
            if (message == null) {
                message = new String[size];
            }
            message[x] = text;
        }
        if (causeNode >= 0) {
            if (cause == null) {
                cause = new int[size];
                Arrays.fill(cause, -1);
            }
            cause[x] = causeNode;
        }
        if (to.isFinal()) {
            finishedAt[x] = time;
            if (!isGroup(x)) {
                finalTasks++;
            }
        }
    }

    private TaskRecord record(int x) {
        int tries = attempts[x];
        for (int c = x + 1, end = x + 1 + model.childCount(x); c < end; c++) {
            tries += attempts[c];
        }
        int p = model.parent(x);
        int why = cause(x);
        return new TaskRecord(ids[x], p < 0 ? null : ids[p], isGroup(x), state[x], tries,
                exitCode == null ? null : exitCode[x], message == null ? null : message[x],
                why < 0 ? null : ids[why], startedAt[x], finishedAt[x], model.isOptional(x), model.isRequired(x),
                model.weight(x));
    }

    /** The node that blocked {@code x} or decided its group's state, or -1. */
    private int cause(int x) {
        return cause == null ? -1 : cause[x];
    }

    private int maxAttempts(int x) {
        Integer retries = model.retries(x);
        return 1 + Math.max(0, retries == null ? options.defaultRetries() : retries);
    }

    private boolean isGroup(int x) {
        return model.isGroup(x);
    }

    private int node(String id) {
        Objects.requireNonNull(id, "id cannot be null");
        int slot = id.hashCode() & (RECENT - 1);
        int x = recent[slot] - 1;
        if (x >= 0 && ids[x] == id) {
            return x;
        }
        x = model.node(id);
        recent[slot] = x + 1;
        return x;
    }

    private int task(String id) {
        return model.task(node(id), id);
    }
}
