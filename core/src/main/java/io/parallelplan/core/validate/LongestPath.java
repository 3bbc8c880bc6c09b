package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The sum of all estimates and the longest dependency chain by estimated hours ({@code Estimate.hours()}: a range
 * counts as its upper bound, a missing or unreadable estimate as 1 hour), in one pass over a topological order.
 * Just what checking {@code critical_path_analysis} needs; {@code io.parallelplan.core.analyze} has the full
 * analysis.
 */
record LongestPath(double sequentialHours, double hours, List<String> ids) {
    static LongestPath of(PlanGraph graph, int[] order) {
        int n = graph.size();
        double[] finish = new double[n];
        int[] previous = new int[n];
        double sum = 0;
        int end = -1;
        for (int v : order) {
            double own = graph.achievement(v).estimate().hours();
            sum += own;
            double start = 0;
            previous[v] = -1;
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                int d = graph.dependency(v, k);
                if (previous[v] < 0 || finish[d] > start) {
                    start = finish[d];
                    previous[v] = d;
                }
            }
            finish[v] = start + own;
            if (end < 0 || finish[v] > finish[end]) {
                end = v;
            }
        }
        List<String> ids = new ArrayList<>();
        for (int v = end; v >= 0; v = previous[v]) {
            ids.add(graph.id(v));
        }
        Collections.reverse(ids);
        return new LongestPath(sum, end < 0 ? 0 : finish[end], List.copyOf(ids));
    }
}
