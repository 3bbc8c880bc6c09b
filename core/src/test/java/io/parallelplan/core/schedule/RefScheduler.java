package io.parallelplan.core.schedule;

import io.parallelplan.core.graph.PlanGraph;
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
 * must be discarded; rebuild it from the journal. Per event the work is proportional to the task's number of
 * dependents (a heap of ready tasks, remaining-dependency counters, per-executor queues); BLOCKED propagation visits
 * each descendant once. Only {@link #stop} and the policy stops sweep the never-started tasks.
 *
 * <p>Not thread-safe: a driver serializes its calls (one thread, or a lock).
 *
 * <p><b>Test oracle:</b> a frozen copy of {@code Scheduler} as of commit 0100d77, before issue 12 made the scheduler
 * cheaper per event and per task. {@link SchedulerEquivalenceTest} holds the scheduler to it call for call. Do not
 * change it; delete it with that test once the scheduler's behaviour is meant to change.
 */
public final class RefScheduler {
    private static final double EPSILON = 1e-9;
    private static final int[] NONE = new int[0];

    private final RefSchedulePlan model;
    private final Plan plan;
    private final RunOptions options;
    private final RunListener listener;
    private final int size;
    private final String[] ids;
    private final Achievement[] definitions;
    private final int[] parent;
    private final int[][] children;
    private final int[][] dependents;
    private final int[] remaining;
    private final double[] rank;
    private final int[] priority;
    private final int[] byPriority;
    private final int[] executorOf;
    private final String[] executorNames;
    private final int[] maxAttempts;
    private final Integer[] timeoutMinutes;
    private final boolean[] optional;
    private final boolean[] required;
    private final double[] weight;
    private final PlanGraph graph;
    private final int[] topNode;
    private final Map<String, Integer> subIndex;
    private final int taskCount;

    private final TaskState[] state;
    private final int[] attempts;
    private final Integer[] exitCode;
    private final String[] message;
    private final int[] cause;
    private final Instant[] startedAt;
    private final Instant[] finishedAt;
    private final int[][] childCounts;
    private final int[][] firstChild;
    private final boolean[] lost;
    private final boolean[] toSkip;
    private final int[] counts = new int[TaskState.values().length];

    private final RefTaskQueue ready;
    private final RefTaskQueue[] executorQueues;
    private final int[] executorRunning;
    private final int[] executorCandidate;
    private final int[] runningNodes;
    private final int[] runningPos;
    private int runningCount;
    private int finalTasks;
    private final int[] work;

    private double countedWeight;
    private double lostWeight;
    private EventReason stopKind;
    private String stopReason;
    private boolean sweeping;
    private boolean skipping;

    /** A scheduler without a listener. */
    public RefScheduler(LoadedPlan loaded, RunOptions options, Instant startedAt) {
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
    public RefScheduler(LoadedPlan loaded, RunOptions options, Instant startedAt, RunListener listener) {
        this(RefSchedulePlan.of(loaded), options, startedAt, listener);
    }

    /**
     * Begins a run of a plan prepared once with {@link RefSchedulePlan#of} (the same as the other constructors, without
     * ranking the plan again).
     *
     * @throws IllegalArgumentException if a skipped id names nothing
     */
    public RefScheduler(RefSchedulePlan model, RunOptions options, Instant startedAt, RunListener listener) {
        Objects.requireNonNull(model, "plan cannot be null");
        this.options = Objects.requireNonNull(options, "options cannot be null");
        Objects.requireNonNull(startedAt, "start time cannot be null");
        this.listener = Objects.requireNonNull(listener, "listener cannot be null (use RunListener.NONE)");
        this.model = model;
        this.plan = model.plan;
        this.graph = model.graph;
        int n = model.size;
        this.size = n;
        ids = model.ids;
        definitions = model.definitions;
        parent = model.parent;
        children = model.children;
        dependents = model.dependents;
        remaining = model.remaining.clone();
        rank = model.rank;
        priority = model.priority;
        byPriority = model.byPriority;
        executorOf = model.executorOf;
        executorNames = model.executorNames;
        optional = model.optional;
        required = model.required;
        weight = model.weight;
        topNode = model.topNode;
        subIndex = model.subIndex;
        taskCount = model.taskCount;
        maxAttempts = new int[n];
        timeoutMinutes = new Integer[n];
        for (int x = 0; x < n; x++) {
            Integer retries = model.retries[x];
            maxAttempts[x] = 1 + Math.max(0, retries == null ? options.defaultRetries() : retries);
            Integer timeout = model.timeoutMinutes[x];
            timeout = timeout == null ? options.defaultTimeoutMinutes() : timeout;
            timeoutMinutes[x] = timeout == null || timeout < 1 ? null : timeout;
        }
        int top = graph.size();

        state = new TaskState[n];
        Arrays.fill(state, TaskState.PENDING);
        counts[TaskState.PENDING.ordinal()] = top;
        attempts = new int[n];
        exitCode = new Integer[n];
        message = new String[n];
        cause = new int[n];
        Arrays.fill(cause, -1);
        this.startedAt = new Instant[n];
        finishedAt = new Instant[n];
        childCounts = new int[n][];
        firstChild = new int[n][];
        for (int x = 0; x < n; x++) {
            if (isGroup(x)) {
                childCounts[x] = new int[TaskState.values().length + 1];
                firstChild[x] = new int[TaskState.values().length];
                Arrays.fill(firstChild[x], -1);
            }
        }
        lost = new boolean[n];
        toSkip = new boolean[n];
        int[] queuePos = new int[n];
        Arrays.fill(queuePos, -1);
        ready = new RefTaskQueue(priority, byPriority, queuePos);
        int[] executorPos = new int[n];
        Arrays.fill(executorPos, -1);
        executorQueues = new RefTaskQueue[executorNames.length];
        for (int e = 0; e < executorQueues.length; e++) {
            executorQueues[e] = new RefTaskQueue(priority, byPriority, executorPos);
        }
        executorRunning = new int[executorNames.length];
        executorCandidate = new int[executorNames.length];
        Arrays.fill(executorRunning, -1);
        Arrays.fill(executorCandidate, -1);
        runningNodes = new int[n];
        runningPos = new int[n];
        Arrays.fill(runningPos, -1);
        work = new int[n];

        begin(startedAt);
    }

    private void begin(Instant time) {
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
                int[] moved = new int[children[x].length];
                int count = 0;
                for (int c : children[x]) {
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
        for (int x = 0; x < size; x++) {
            if (parent[x] < 0 && state[x] != TaskState.SKIPPED) {
                countedWeight += weight[x];
            }
        }
        for (int x = 0; x < size; x++) {
            if (parent[x] < 0 && state[x] == TaskState.PENDING && remaining[x] == 0) {
                release(x, time);
            }
        }
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
    public RefSchedulePlan schedulePlan() {
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
        return model.achievement(id);
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
        return maxAttempts[task(taskId)];
    }

    /** How long one attempt may run ({@code timeout_minutes}, else its achievement's, else the run's default). */
    public Optional<Duration> timeout(String taskId) {
        Integer minutes = timeoutMinutes[task(taskId)];
        return minutes == null ? Optional.empty() : Optional.of(Duration.ofMinutes(minutes));
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
        int[] best = ready.top(free);
        String[] out = new String[best.length];
        for (int i = 0; i < best.length; i++) {
            out[i] = ids[best[i]];
        }
        return List.of(out);
    }

    /** Whether {@link #start} would accept this task now: READY, a free slot, its executor idle, not stopping. */
    public boolean canStart(String taskId) {
        int x = task(taskId);
        return stopKind == null
                && state[x] == TaskState.READY
                && runningCount < options.maxParallel()
                && (executorOf[x] < 0 || executorRunning[executorOf[x]] < 0);
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
        for (int at = x; at >= 0 && !links.containsKey(ids[at]); at = cause[at]) {
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
        int x = task(taskId);
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
        int e = executorOf[x];
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
            ready.remove(x);
        } else {
            executorQueues[e].remove(x);
            if (executorCandidate[e] >= 0) {
                ready.remove(executorCandidate[e]);
                executorCandidate[e] = -1;
            }
            executorRunning[e] = x;
        }
        runningPos[x] = runningCount;
        runningNodes[runningCount++] = x;
        int g = parent[x];
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
                if (attempts[x] < maxAttempts[x] && stopKind == null) {
                    emit(x, TaskState.READY, attempts[x], reason, outcome.exitCode(), text, -1, time);
                    apply(x, TaskState.READY, outcome.exitCode(), text, -1, time);
                    freeSlot(x);
                    enqueue(x);
                } else {
                    end(x, TaskState.FAILED, reason, outcome.exitCode(), text, time);
                    if (options.policy() == FailurePolicy.FAIL_FAST && stopKind == null && !optional[x]) {
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
        runningPos[x] = -1;
        int e = executorOf[x];
        if (e >= 0) {
            executorRunning[e] = -1;
            refreshCandidate(e);
        }
    }

    private void enqueue(int x) {
        int e = executorOf[x];
        if (e < 0) {
            ready.add(x);
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
            ready.remove(current);
        }
        if (best >= 0) {
            ready.add(best);
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
            for (int c : children[x]) {
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
                for (int y : dependents[x]) {
                    if (--remaining[y] == 0 && state[y] == TaskState.PENDING) {
                        release(y, time);
                    }
                }
            } else {
                if (parent[x] < 0) {
                    markLost(x);
                }
                if (!sweeping) {
                    for (int y : dependents[x]) {
                        if (state[y] == TaskState.PENDING) {
                            move(y, TaskState.BLOCKED, EventReason.DEPENDENCY_FAILED, null, null, x, time);
                            work[tail++] = y;
                            if (isGroup(y)) {
                                for (int c : children[y]) {
                                    if (state[c] == TaskState.PENDING) {
                                        move(c, TaskState.BLOCKED, EventReason.DEPENDENCY_FAILED, null, null, y,
                                                time);
                                        work[tail++] = c;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            int g = parent[x];
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
                if (!state[g].isFinal() && finals == children[g].length) {
                    TaskState to = groupOutcome(cc);
                    int decidedBy = to == TaskState.SKIPPED ? -1 : firstChild[g][to.ordinal()];
                    move(g, to, EventReason.SUB_EXECUTIONS, null, null, decidedBy, time);
                    work[tail++] = g;
                }
            }
        }
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
            lostWeight += weight[x];
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
        listener.onEvent(new RunEvent(
                time, ids[x], from, to, attempt, exit, text, reason, causeNode < 0 ? null : ids[causeNode]));
    }

    private void apply(int x, TaskState to, Integer exit, String text, int causeNode, Instant time) {
        TaskState from = state[x];
        state[x] = to;
        if (parent[x] < 0) {
            counts[from.ordinal()]--;
            counts[to.ordinal()]++;
        }
        if (exit != null) {
            exitCode[x] = exit;
        }
        if (text != null) {
            message[x] = text;
        }
        if (causeNode >= 0) {
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
        if (isGroup(x)) {
            for (int c : children[x]) {
                tries += attempts[c];
            }
        }
        return new TaskRecord(ids[x], parent[x] < 0 ? null : ids[parent[x]], isGroup(x), state[x], tries,
                exitCode[x], message[x], cause[x] < 0 ? null : ids[cause[x]], startedAt[x], finishedAt[x],
                optional[x], required[x], weight[x]);
    }

    private boolean isGroup(int x) {
        return children[x].length > 0;
    }

    private int node(String id) {
        return model.node(id);
    }

    private int task(String id) {
        return model.task(id);
    }

}
