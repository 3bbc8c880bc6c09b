package io.parallelplan.core.analyze;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a {@link PlanAnalysis} for an acyclic plan graph in O((n + e) log n).
 *
 * <p>The makespan is what critical-path list scheduling achieves: whenever an executor is free, start the ready
 * achievement with the longest remaining path of hours (ties: plan order); achievements naming the same
 * {@code executor} never overlap. The same priority drives the real scheduler, so the estimate and a run agree.
 * Achievements that finish at the same moment release their dependents together before the next choice. With an
 * executor for every achievement and none named, everything starts the moment its last dependency finishes, and the
 * same makespan and peak come from the start and finish times without simulating.
 *
 * <p>On {@link Lanes} the same simulation also says who does what ({@link #schedule(PlanGraph, Lanes)}): an
 * achievement pinned to a named lane waits for that lane; any other takes the first free lane that has no pinned
 * achievement left to start, else the free lane with the fewest hours of pinned work left to start (ties: the
 * first). With numbered lanes this choice never changes the makespan; with named ones
 * {@link #analyze(PlanGraph, Lanes)} runs the same pinned simulation.
 *
 * <p>Missing or unreadable estimates count as {@link io.parallelplan.core.model.Estimate#DEFAULT_HOURS}; ranges
 * count by the {@link EstimateBound} given (the upper bound by default).
 */
public final class PlanAnalyzer {
    /** The executor count meaning "as many as can be used": every ready achievement starts at once. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final EstimateBound bound;

    public PlanAnalyzer() {
        this(EstimateBound.UPPER);
    }

    public PlanAnalyzer(EstimateBound bound) {
        this.bound = Objects.requireNonNull(bound, "bound cannot be null");
    }

    /** The bound this analyzer counts range estimates by. */
    public EstimateBound bound() {
        return bound;
    }

    /**
     * Analyzes the graph for {@code executors} executors ({@link #UNLIMITED} for as many as can be used).
     *
     * @throws IllegalArgumentException if the graph has a cycle or executors is below 1
     */
    public PlanAnalysis analyze(PlanGraph graph, int executors) {
        return analyze(graph, executors, null, true);
    }

    /**
     * Analyzes the graph on these lanes: as {@link #analyze(PlanGraph, int)} for numbered lanes; named lanes pin
     * the achievements naming them, exactly as {@link #schedule(PlanGraph, Lanes)} does.
     */
    public PlanAnalysis analyze(PlanGraph graph, Lanes lanes) {
        return analyze(graph, lanes.size(), lanes.named() ? lanes : null, true);
    }

    /**
     * The schedule on these lanes: each achievement's lane, start and end. Its makespan is the one
     * {@link #analyze(PlanGraph, Lanes)} reports.
     *
     * @throws IllegalArgumentException if the graph has a cycle
     */
    public LaneSchedule schedule(PlanGraph graph, Lanes lanes) {
        int[] order = checkedOrder(graph);
        double[] hours = hours(graph);
        int n = graph.size();
        int[] lane = new int[n];
        double[] start = new double[n];
        int[] started = new int[n];
        Schedule s = schedule(graph, hours, remainingHours(graph, order, hours), lanes.size(), lanes,
                new Timeline(lane, start, started));
        return new LaneSchedule(lanes, s.makespan(), lane, start, hours, started);
    }

    /**
     * The analysis; {@code shortcut} lets {@link #unlimited} stand in for the simulation where it gives the same
     * result (tests compare the two).
     */
    PlanAnalysis analyze(PlanGraph graph, int executors, Lanes pinning, boolean shortcut) {
        Objects.requireNonNull(graph, "graph cannot be null");
        if (executors < 1) {
            throw new IllegalArgumentException("executors must be at least 1");
        }
        int[] order = checkedOrder(graph);
        int n = graph.size();
        double[] hours = new double[n];
        boolean executorNamed = false;
        for (int v = 0; v < n; v++) {
            Achievement a = graph.achievement(v);
            hours[v] = hours(a);
            executorNamed |= a.executor() != null;
        }
        int[] level = new int[n];
        double[] start = new double[n];
        double[] longest = new double[n];
        int[] previous = new int[n];
        int maxLevel = -1;
        double sequential = 0;
        for (int v : order) {
            sequential += hours[v];
            int lv = 0;
            double best = 0;
            int bestDep = -1;
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                int d = graph.dependency(v, k);
                lv = Math.max(lv, level[d] + 1);
                // Ties go to the earlier node in plan order; zero-hour dependencies still extend the path.
                if (bestDep < 0 || longest[d] > best || (longest[d] == best && d < bestDep)) {
                    best = longest[d];
                    bestDep = d;
                }
            }
            level[v] = lv;
            start[v] = best;
            longest[v] = best + hours[v];
            previous[v] = bestDep;
            maxLevel = Math.max(maxLevel, lv);
        }
        int[] levelSize = new int[maxLevel + 1];
        for (int v = 0; v < n; v++) {
            levelSize[level[v]]++;
        }
        String[][] levelIds = new String[maxLevel + 1][];
        int width = 0;
        for (int l = 0; l <= maxLevel; l++) {
            levelIds[l] = new String[levelSize[l]];
            width = Math.max(width, levelSize[l]);
            levelSize[l] = 0; // from here on, how many ids are placed
        }
        for (int v = 0; v < n; v++) {
            levelIds[level[v]][levelSize[level[v]]++] = graph.id(v);
        }
        List<List<String>> levels = new ArrayList<>(levelIds.length);
        for (String[] ids : levelIds) {
            levels.add(List.of(ids));
        }
        PlanAnalysis.CriticalPath critical = criticalPath(graph, longest, previous);
        Schedule schedule;
        // With an executor for every achievement and none named, everything starts once its dependencies are done.
        if (shortcut && pinning == null && executors >= n && !executorNamed) {
            schedule = unlimited(graph, order, start, longest);
        } else {
            schedule = pinning == null
                    ? schedule(graph, hours, remainingHours(graph, order, hours), executors, null, null)
                    : schedule(graph, hours, remainingHours(graph, order, hours), executors, pinning,
                            new Timeline(new int[n], new double[n], new int[n]));
        }
        return new PlanAnalysis(levels, critical, width, sequential, executors, schedule.makespan(), schedule.peak(),
                bound);
    }

    /** The hours this analyzer counts for each node. */
    public double[] hours(PlanGraph graph) {
        double[] hours = new double[graph.size()];
        for (int v = 0; v < hours.length; v++) {
            hours[v] = bound.hours(graph.achievement(v).estimate());
        }
        return hours;
    }

    /**
     * For each node, the hours of the longest path from it to the end of the plan, itself included: the priority of
     * critical-path scheduling.
     */
    public double[] remainingHours(PlanGraph graph) {
        return remainingHours(graph, checkedOrder(graph), hours(graph));
    }

    private static int[] checkedOrder(PlanGraph graph) {
        int[] order = graph.topologicalOrder();
        if (order == null) {
            throw new IllegalArgumentException("the plan has a dependency cycle; validate it first");
        }
        return order;
    }

    private static double[] remainingHours(PlanGraph graph, int[] order, double[] hours) {
        double[] remaining = new double[graph.size()];
        for (int i = order.length - 1; i >= 0; i--) {
            int v = order[i];
            double best = 0;
            for (int k = 0; k < graph.dependentCount(v); k++) {
                best = Math.max(best, remaining[graph.dependent(v, k)]);
            }
            remaining[v] = best + hours[v];
        }
        return remaining;
    }

    private static PlanAnalysis.CriticalPath criticalPath(PlanGraph graph, double[] longest, int[] previous) {
        int end = -1;
        for (int v = 0; v < graph.size(); v++) {
            if (end < 0 || longest[v] > longest[end]) {
                end = v;
            }
        }
        if (end < 0) {
            return new PlanAnalysis.CriticalPath(List.of(), 0);
        }
        List<String> ids = new ArrayList<>();
        for (int v = end; v >= 0; v = previous[v]) {
            ids.add(graph.id(v));
        }
        Collections.reverse(ids);
        return new PlanAnalysis.CriticalPath(ids, longest[end]);
    }

    /** The estimated schedule: when the last achievement finishes, and the most achievements running at once. */
    private record Schedule(double makespan, int peak) {}

    /** Where a simulation on lanes records each node's lane and start, and the order of the starts. */
    private record Timeline(int[] lane, double[] start, int[] started) {}

    /**
     * The simulation. With a {@code timeline} it also keeps lanes (and fills the timeline); named {@code lanes} then
     * pin: executor ids 0 to lanes-1 are the lanes themselves, and a lane is busy whatever runs on it.
     */
    private static Schedule schedule(PlanGraph graph, double[] hours, double[] remaining, int executors,
            Lanes lanes, Timeline timeline) {
        int n = graph.size();
        if (n == 0) {
            return new Schedule(0, 0);
        }
        // Ready achievements: the longest remaining path first, then plan order (the real scheduler's priority).
        IntHeap.Order priority = (a, b) -> {
            int c = Double.compare(remaining[b], remaining[a]);
            return c != 0 ? c : Integer.compare(a, b);
        };
        IntHeap ready = new IntHeap(priority, n);
        int[] waiting = new int[n];
        for (int v = 0; v < n; v++) {
            waiting[v] = graph.dependencyCount(v);
            if (waiting[v] == 0) {
                ready.add(v);
            }
        }
        double[] finish = new double[n];
        IntHeap running = new IntHeap((a, b) -> {
            int c = Double.compare(finish[a], finish[b]);
            return c != 0 ? c : Integer.compare(a, b);
        }, Math.min(n, executors));
        // Named executors run one thing at a time: a ready achievement whose executor is busy waits in that
        // executor's own queue, and the best of that queue returns to the ready queue when the executor is free.
        boolean pin = timeline != null && lanes.named();
        int pinned = pin ? executors : 0;
        int[] executorOf = executorIds(graph, pin ? lanes : null);
        int named = pinned;
        for (int e : executorOf) {
            named = Math.max(named, e + 1);
        }
        boolean[] busy = new boolean[named];
        IntHeap[] parked = new IntHeap[named];
        // Free lanes: those with no pinned achievement left to start (taken first), and the others.
        BitSet freeClear = new BitSet();
        BitSet freePinned = new BitSet();
        int[] pinnedLeft = new int[pinned];
        double[] pinnedHoursLeft = new double[pinned];
        if (timeline != null) {
            for (int v = 0; v < n; v++) {
                int e = executorOf[v];
                if (e >= 0 && e < pinned) {
                    pinnedLeft[e]++;
                    pinnedHoursLeft[e] += hours[v];
                }
            }
            for (int l = 0; l < executors; l++) {
                (l < pinned && pinnedLeft[l] > 0 ? freePinned : freeClear).set(l);
            }
        }
        int startCount = 0;
        double now = 0;
        int done = 0;
        int peak = 0;
        while (done < n) {
            while (running.size() < executors && !ready.isEmpty()) {
                int v = ready.poll();
                int e = executorOf[v];
                if (e >= 0) {
                    if (busy[e]) {
                        if (parked[e] == null) {
                            parked[e] = new IntHeap(priority, 4);
                        }
                        parked[e].add(v);
                        continue;
                    }
                    busy[e] = true;
                }
                if (timeline != null) {
                    int l;
                    if (e >= 0 && e < pinned) {
                        l = e;
                        pinnedLeft[l]--;
                        pinnedHoursLeft[l] -= hours[v];
                    } else if (!freeClear.isEmpty()) {
                        l = freeClear.nextSetBit(0);
                    } else {
                        // Every free lane has pinned work to come: take the one with the fewest hours of it.
                        l = freePinned.nextSetBit(0);
                        for (int k = freePinned.nextSetBit(l + 1); k >= 0; k = freePinned.nextSetBit(k + 1)) {
                            if (pinnedHoursLeft[k] < pinnedHoursLeft[l]) {
                                l = k;
                            }
                        }
                    }
                    freeClear.clear(l);
                    freePinned.clear(l);
                    if (l < pinned) {
                        busy[l] = true;
                    }
                    timeline.lane()[v] = l;
                    timeline.start()[v] = now;
                    timeline.started()[startCount++] = v;
                }
                finish[v] = now + hours[v];
                running.add(v);
            }
            peak = Math.max(peak, running.size());
            // Everything that finishes at the same moment frees its executor before the next start is chosen, so
            // achievements released together compete for free executors by priority alone.
            now = finish[running.peek()];
            while (!running.isEmpty() && finish[running.peek()] == now) {
                int v = running.poll();
                done++;
                int e = executorOf[v];
                if (timeline != null) {
                    int l = timeline.lane()[v];
                    (l < pinned && pinnedLeft[l] > 0 ? freePinned : freeClear).set(l);
                    if (l < pinned && l != e) {
                        release(l, busy, parked, ready);
                    }
                }
                if (e >= 0) {
                    release(e, busy, parked, ready);
                }
                for (int k = 0; k < graph.dependentCount(v); k++) {
                    int w = graph.dependent(v, k);
                    if (--waiting[w] == 0) {
                        ready.add(w);
                    }
                }
            }
        }
        return new Schedule(now, peak);
    }

    /**
     * The simulation's makespan and peak when it starts every achievement the moment its last dependency finishes
     * (an executor for every achievement, none pinned or named), bit for bit, without simulating: two sorts of the
     * times instead of two heaps under comparators. {@code start[v]} is the last finish of v's dependencies (0
     * without any) and {@code finish[v] = start[v] + hours[v]}: the sums the simulation makes, which starts v at
     * the moment its last dependency is taken out of the running set, at that dependency's finish.
     *
     * <p>The makespan is the last finish. The simulation counts the running achievements after it has started
     * everything ready at a moment T, before it takes out what finishes at T, and the peak is the largest count.
     * Counts only rise when something starts, so the largest is one made at a start time T. Unless a zero-hour
     * achievement (finish == start) starts at T, everything starting at T starts at once and that count is
     * {@code C(T) = #(start <= T) - #(finish <= T)}: what started by T and finishes after T (a zero-hour achievement
     * started at T counts in both terms, and is out). {@link #cascades} corrects the count for the moments where
     * zero-hour achievements start.
     */
    private static Schedule unlimited(PlanGraph graph, int[] order, double[] start, double[] finish) {
        int n = start.length;
        if (n == 0) {
            return new Schedule(0, 0);
        }
        Cascades cascades = cascades(graph, order, start, finish);
        double[] starts = start.clone();
        double[] finishes = finish.clone();
        sortTimes(starts);
        sortTimes(finishes);
        int peak = 0;
        int started = 0;
        int finished = 0;
        int cascade = 0;
        while (started < n) {
            double t = starts[started];
            while (started < n && starts[started] == t) {
                started++;
            }
            while (finished < n && finishes[finished] <= t) {
                finished++;
            }
            int count = started - finished;
            if (cascade < cascades.times().length && cascades.times()[cascade] == t) {
                count += cascades.extra()[cascade++];
            }
            peak = Math.max(peak, count);
        }
        return new Schedule(finishes[n - 1], peak);
    }

    /**
     * Sorts start or finish times: by counting when all are whole hours below a bound linear in their number (as
     * plans with whole-hour estimates and ranges have them), which is linear; else with {@link Arrays#sort}.
     */
    private static void sortTimes(double[] times) {
        int bound = 2 * times.length + 1024;
        for (double t : times) {
            if (!(t >= 0 && t < bound && t == (int) t)) {
                Arrays.sort(times);
                return;
            }
        }
        int[] count = new int[bound];
        for (double t : times) {
            count[(int) t]++;
        }
        int k = 0;
        for (int hour = 0; hour < bound; hour++) {
            for (int c = count[hour]; c > 0; c--) {
                times[k++] = hour;
            }
        }
    }

    /**
     * The moments at which zero-hour achievements start (ascending) and how far the simulation's largest count at
     * each exceeds {@code C(T)} of {@link #unlimited}.
     */
    private record Cascades(double[] times, int[] extra) {}

    /**
     * Zero-hour cascades. A zero-hour achievement started at T is taken out in the same step, at T; only then are
     * its dependents released, and they start in a further round at T. So each achievement starting at T has a
     * round: 0, or one more than the highest round of its zero-hour dependencies finishing at T. The count of
     * round r at T is what runs across T, plus everything with a duration started at T in rounds up to r, plus
     * the zero-hour achievements of round r (those of earlier rounds are out, later ones not started): that is
     * {@code C(T) - (achievements with a duration started at T in a round after r) + (zero-hour ones of round
     * r)}. Rounds 0 to the last all start something (a round needs a zero-hour achievement in the round before),
     * so the largest count at T exceeds {@code C(T)} by the largest of those corrections over the rounds.
     */
    private static Cascades cascades(PlanGraph graph, int[] order, double[] start, double[] finish) {
        int n = start.length;
        int zero = 0;
        while (zero < n && start[zero] != finish[zero]) {
            zero++;
        }
        if (zero == n) {
            return new Cascades(new double[0], new int[0]);
        }
        int[] round = new int[n];
        List<Integer> involved = new ArrayList<>();
        for (int v : order) {
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                int d = graph.dependency(v, k);
                if (start[d] == finish[d] && finish[d] == start[v]) {
                    round[v] = Math.max(round[v], round[d] + 1);
                }
            }
            if (start[v] == finish[v] || round[v] > 0) {
                involved.add(v);
            }
        }
        // By moment, and at each moment from the last round down.
        involved.sort(Comparator.<Integer>comparingDouble(v -> start[v])
                .thenComparing(v -> round[v], Comparator.reverseOrder()));
        double[] times = new double[involved.size()];
        int[] extra = new int[times.length];
        int moments = 0;
        int i = 0;
        while (i < involved.size()) {
            double t = start[involved.get(i)];
            int most = Integer.MIN_VALUE;
            int later = 0; // achievements with a duration started at t in the rounds after this one
            while (i < involved.size() && start[involved.get(i)] == t) {
                int r = round[involved.get(i)];
                int zeroHour = 0;
                int timed = 0;
                for (; i < involved.size() && start[involved.get(i)] == t && round[involved.get(i)] == r; i++) {
                    int v = involved.get(i);
                    if (start[v] == finish[v]) {
                        zeroHour++;
                    } else {
                        timed++;
                    }
                }
                most = Math.max(most, zeroHour - later);
                later += timed;
            }
            times[moments] = t;
            extra[moments++] = most;
        }
        return new Cascades(Arrays.copyOf(times, moments), Arrays.copyOf(extra, moments));
    }

    /** Frees executor {@code e}: the best achievement parked for it goes back to the ready queue. */
    private static void release(int e, boolean[] busy, IntHeap[] parked, IntHeap ready) {
        busy[e] = false;
        if (parked[e] != null && !parked[e].isEmpty()) {
            ready.add(parked[e].poll());
        }
    }

    /**
     * For each node, a small number per distinct named executor, or -1 when it names none; the names of pinning
     * {@code lanes} (when given) are 0 to lanes-1, in lane order.
     */
    private static int[] executorIds(PlanGraph graph, Lanes lanes) {
        int[] ids = new int[graph.size()];
        Map<String, Integer> seen = null;
        if (lanes != null) {
            seen = new HashMap<>();
            for (String name : lanes.names()) {
                seen.put(name, seen.size());
            }
        }
        for (int v = 0; v < ids.length; v++) {
            String executor = graph.achievement(v).executor();
            if (executor == null) {
                ids[v] = -1;
                continue;
            }
            if (seen == null) {
                seen = new HashMap<>();
            }
            Integer id = seen.putIfAbsent(executor, seen.size());
            ids[v] = id == null ? seen.size() - 1 : id;
        }
        return ids;
    }

    /** The estimate of one achievement under this analyzer's bound. */
    public double hours(Achievement achievement) {
        return bound.hours(achievement.estimate());
    }
}
