package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers "does x depend on y, directly or through others?" on an acyclic graph, for checking hand-written claims.
 *
 * <p>Each question searches from {@code x} through its dependencies, visiting only nodes after {@code y} in
 * topological order (nothing before {@code y} can depend on it). A search that would visit more than
 * {@value #BUDGET} nodes, or any search once all searches together visited {@value #TOTAL_BUDGET}, gives up and
 * answers "unknown": claims on huge plans cost bounded time and never produce a warning that was not proven.
 */
final class Reachability {
    static final int BUDGET = 20_000;
    static final long TOTAL_BUDGET = 5_000_000L;

    enum Answer {
        YES,
        NO,
        UNKNOWN
    }

    private final PlanGraph graph;
    private final int[] rank;
    private int[] seen;
    private int[] parent;
    private int[] stack;
    private int stamp;
    private long spent;

    /** @param order a topological order of {@code graph} */
    Reachability(PlanGraph graph, int[] order) {
        this.graph = graph;
        this.rank = new int[graph.size()];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
    }

    /** Whether node {@code x} depends on node {@code y}, directly or transitively. */
    Answer dependsOn(int x, int y) {
        if (x == y || rank[x] < rank[y]) {
            return Answer.NO;
        }
        for (int k = 0; k < graph.dependencyCount(x); k++) {
            if (graph.dependency(x, k) == y) {
                return Answer.YES;
            }
        }
        return search(x, y);
    }

    /**
     * The ids of a dependency chain from {@code y} up to {@code x} in execution order ({@code y → … → x}), after
     * {@link #dependsOn} answered {@link Answer#YES} for the same pair.
     */
    List<String> chain(int x, int y) {
        List<String> ids = new ArrayList<>();
        ids.add(graph.id(y));
        if (search(x, y) == Answer.YES) {
            for (int v = parent[y]; v != x; v = parent[v]) {
                ids.add(graph.id(v));
            }
        }
        ids.add(graph.id(x));
        return List.copyOf(ids);
    }

    private Answer search(int x, int y) {
        if (seen == null) {
            int n = graph.size();
            seen = new int[n];
            parent = new int[n];
            stack = new int[n];
        }
        stamp++;
        int sp = 0;
        int visited = 0;
        stack[sp++] = x;
        seen[x] = stamp;
        while (sp > 0) {
            int v = stack[--sp];
            if (++visited > BUDGET || ++spent > TOTAL_BUDGET) {
                return Answer.UNKNOWN;
            }
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                int d = graph.dependency(v, k);
                if (seen[d] == stamp || rank[d] < rank[y]) {
                    continue;
                }
                seen[d] = stamp;
                parent[d] = v;
                if (d == y) {
                    return Answer.YES;
                }
                stack[sp++] = d;
            }
        }
        return Answer.NO;
    }
}
