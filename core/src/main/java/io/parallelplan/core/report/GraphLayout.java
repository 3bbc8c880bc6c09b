package io.parallelplan.core.report;

import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.graph.PlanGraph;
import java.util.List;
import java.util.Objects;

/**
 * What the graph renderers share: the nodes of each level and which nodes and edges lie on the critical path,
 * resolved to node indexes once.
 */
final class GraphLayout {
    private final PlanGraph graph;
    private final int[][] levels;
    /** For a node on the critical path, the next node on it (-1 at its end); -2 for nodes off the path. */
    private final int[] next;

    private GraphLayout(PlanGraph graph, int[][] levels, int[] next) {
        this.graph = graph;
        this.levels = levels;
        this.next = next;
    }

    static GraphLayout of(PlanGraph graph, PlanAnalysis analysis) {
        Objects.requireNonNull(graph, "graph cannot be null");
        Objects.requireNonNull(analysis, "analysis cannot be null");
        int[][] levels = new int[analysis.levels().size()][];
        int placed = 0;
        for (int l = 0; l < levels.length; l++) {
            List<String> ids = analysis.levels().get(l);
            levels[l] = new int[ids.size()];
            for (int k = 0; k < ids.size(); k++) {
                levels[l][k] = node(graph, ids.get(k));
            }
            placed += ids.size();
        }
        if (placed != graph.size()) {
            throw new IllegalArgumentException("the analysis does not belong to this graph: it places " + placed
                    + " achievements in levels, the graph has " + graph.size());
        }
        int[] next = new int[graph.size()];
        java.util.Arrays.fill(next, -2);
        List<String> path = analysis.criticalPath().ids();
        for (int i = 0; i < path.size(); i++) {
            next[node(graph, path.get(i))] = i + 1 < path.size() ? node(graph, path.get(i + 1)) : -1;
        }
        return new GraphLayout(graph, levels, next);
    }

    private static int node(PlanGraph graph, String id) {
        int v = graph.indexOf(id);
        if (v < 0) {
            throw new IllegalArgumentException("the analysis names \"" + id + "\", which is not in the graph");
        }
        return v;
    }

    PlanGraph graph() {
        return graph;
    }

    int levelCount() {
        return levels.length;
    }

    /** The nodes of level {@code l}, in plan order. */
    int[] level(int l) {
        return levels[l];
    }

    boolean critical(int node) {
        return next[node] != -2;
    }

    /** Whether the edge from dependency {@code from} to its dependent {@code to} is on the critical path. */
    boolean critical(int from, int to) {
        return next[from] == to;
    }
}
