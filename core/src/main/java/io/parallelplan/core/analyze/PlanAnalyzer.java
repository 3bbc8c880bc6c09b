package io.parallelplan.core.analyze;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Computes a {@link PlanAnalysis} for an acyclic plan graph in O((n + e) log n).
 *
 * <p>The makespan is what critical-path list scheduling achieves: whenever an executor is free, start the ready
 * achievement with the longest remaining path of hours (ties: plan order); achievements naming the same
 * {@code executor} never overlap. The same priority drives the real scheduler, so the estimate and a run agree.
 */
public final class PlanAnalyzer {
    private final EstimateBound bound;

    public PlanAnalyzer() {
        this(EstimateBound.UPPER);
    }

    public PlanAnalyzer(EstimateBound bound) {
        this.bound = bound;
    }

    /**
     * Analyzes the graph for {@code executors} executors ({@link Integer#MAX_VALUE} for unlimited).
     *
     * @throws IllegalArgumentException if the graph has a cycle or executors is below 1
     */
    public PlanAnalysis analyze(PlanGraph graph, int executors) {
        if (executors < 1) {
            throw new IllegalArgumentException("executors must be at least 1");
        }
        int[] order = graph.topologicalOrder();
        if (order == null) {
            throw new IllegalArgumentException("the plan has a dependency cycle; validate it first");
        }
        int n = graph.size();
        double[] hours = hours(graph);
        int[] level = new int[n];
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
                if (longest[d] > best || (longest[d] == best && bestDep >= 0 && d < bestDep)) {
                    best = longest[d];
                    bestDep = d;
                }
            }
            level[v] = lv;
            longest[v] = best + hours[v];
            previous[v] = bestDep;
            maxLevel = Math.max(maxLevel, lv);
        }
        List<List<String>> levels = new ArrayList<>();
        for (int i = 0; i <= maxLevel; i++) {
            levels.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            levels.get(level[v]).add(graph.id(v));
        }
        int width = levels.stream().mapToInt(List::size).max().orElse(0);
        PlanAnalysis.CriticalPath critical = criticalPath(graph, longest, previous);
        double makespan = makespan(graph, order, hours, remainingHours(graph, order, hours), executors);
        return new PlanAnalysis(levels, critical, width, sequential, executors, makespan, bound);
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
        int[] order = graph.topologicalOrder();
        if (order == null) {
            throw new IllegalArgumentException("the plan has a dependency cycle; validate it first");
        }
        return remainingHours(graph, order, hours(graph));
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

    private static double makespan(PlanGraph graph, int[] order, double[] hours, double[] remaining, int executors) {
        int n = graph.size();
        if (n == 0) {
            return 0;
        }
        int[] waiting = new int[n];
        PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> {
            int c = Double.compare(remaining[b], remaining[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int v = 0; v < n; v++) {
            waiting[v] = graph.dependencyCount(v);
            if (waiting[v] == 0) {
                ready.add(v);
            }
        }
        // Running achievements ordered by finish time; ties by node for determinism.
        double[] finish = new double[n];
        PriorityQueue<Integer> running = new PriorityQueue<>((a, b) -> {
            int c = Double.compare(finish[a], finish[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        // Named executors run one thing at a time: a ready achievement whose executor is busy waits in that
        // executor's own queue, and the best of that queue returns to the ready queue when the executor frees.
        Map<String, PriorityQueue<Integer>> parked = new HashMap<>();
        Map<String, Boolean> busy = new HashMap<>();
        double now = 0;
        double end = 0;
        int done = 0;
        while (done < n) {
            while (running.size() < executors && !ready.isEmpty()) {
                int v = ready.poll();
                String executor = graph.achievement(v).executor();
                if (executor != null) {
                    if (busy.getOrDefault(executor, false)) {
                        parked.computeIfAbsent(executor, e -> new PriorityQueue<>(ready.comparator())).add(v);
                        continue;
                    }
                    busy.put(executor, true);
                }
                finish[v] = now + hours[v];
                running.add(v);
            }
            int v = running.poll();
            now = finish[v];
            end = Math.max(end, now);
            done++;
            String executor = graph.achievement(v).executor();
            if (executor != null) {
                busy.put(executor, false);
                PriorityQueue<Integer> queue = parked.get(executor);
                if (queue != null && !queue.isEmpty()) {
                    ready.add(queue.poll());
                }
            }
            for (int k = 0; k < graph.dependentCount(v); k++) {
                int w = graph.dependent(v, k);
                if (--waiting[w] == 0) {
                    ready.add(w);
                }
            }
        }
        return end;
    }

    /** The estimate of one achievement under this analyzer's bound. */
    public double hours(Achievement achievement) {
        return bound.hours(achievement.estimate());
    }
}
