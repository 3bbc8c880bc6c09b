package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.validate.DependencyCycle.Link;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Describes each strongly connected component of a graph as a {@link DependencyCycle}: a shortest cycle through its
 * first node (breadth-first search inside the component) and the edges that break it. A component that is one simple
 * cycle is broken by any of its edges; for a larger one the Eades–Lin–Smyth ordering gives a small feedback arc set
 * (the edges that point backwards in the ordering), which is then pruned of edges that close no cycle while the work
 * stays within a budget. Linear in the component's size (n log n for the ordering).
 */
final class CycleFinder {
    /** Pruning costs one search of the component per candidate edge; above this many steps it is skipped. */
    private static final long PRUNE_BUDGET = 4_000_000L;

    private final PlanGraph graph;
    /** Local index of each node inside the current component, or -1. */
    private final int[] local;

    CycleFinder(PlanGraph graph) {
        this.graph = graph;
        this.local = new int[graph.size()];
        Arrays.fill(local, -1);
    }

    DependencyCycle describe(int[] component, String scope) {
        int c = component.length;
        for (int i = 0; i < c; i++) {
            local[component[i]] = i;
        }
        try {
            // Edges inside the component in execution direction: from a dependency to its dependent.
            int[][] out = new int[c][];
            int edges = 0;
            for (int i = 0; i < c; i++) {
                int v = component[i];
                int k = 0;
                int[] targets = new int[graph.dependentCount(v)];
                for (int e = 0; e < targets.length; e++) {
                    int w = local[graph.dependent(v, e)];
                    if (w >= 0) {
                        targets[k++] = w;
                    }
                }
                out[i] = Arrays.copyOf(targets, k);
                edges += k;
            }
            int[] cycle = shortestCycleThroughFirst(out);
            List<String> path = new ArrayList<>(cycle.length + 1);
            for (int v : cycle) {
                path.add(graph.id(component[v]));
            }
            path.add(path.get(0));
            List<String> members = new ArrayList<>(c);
            for (int v : component) {
                members.add(graph.id(v));
            }
            boolean simple = edges == c;
            List<Link> breaking = new ArrayList<>();
            if (simple) {
                for (int i = 0; i + 1 < path.size(); i++) {
                    breaking.add(new Link(path.get(i), path.get(i + 1)));
                }
            } else {
                for (int[] e : feedbackArcs(out, edges)) {
                    breaking.add(new Link(graph.id(component[e[0]]), graph.id(component[e[1]])));
                }
            }
            return new DependencyCycle(scope, members, path, simple, breaking);
        } finally {
            for (int v : component) {
                local[v] = -1;
            }
        }
    }

    /** A shortest cycle through local node 0, as local nodes from 0 (not repeated at the end). */
    private static int[] shortestCycleThroughFirst(int[][] out) {
        int c = out.length;
        int[] parent = new int[c];
        Arrays.fill(parent, -1);
        int[] queue = new int[c];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        parent[0] = 0;
        while (head < tail) {
            int v = queue[head++];
            for (int w : out[v]) {
                if (w == 0) {
                    int length = 0;
                    for (int x = v; x != 0; x = parent[x]) {
                        length++;
                    }
                    int[] cycle = new int[length + 1];
                    int i = length;
                    for (int x = v; x != 0; x = parent[x]) {
                        cycle[i--] = x;
                    }
                    cycle[0] = 0;
                    return cycle;
                }
                if (parent[w] < 0) {
                    parent[w] = v;
                    queue[tail++] = w;
                }
            }
        }
        throw new IllegalStateException("a strongly connected component must hold a cycle through each node");
    }

    /** Edges {from, to} (local nodes) whose removal makes the component acyclic. */
    private static List<int[]> feedbackArcs(int[][] out, int edgeCount) {
        int c = out.length;
        int[] position = elsOrder(out);
        List<int[]> arcs = new ArrayList<>();
        boolean[][] cut = new boolean[c][];
        for (int v = 0; v < c; v++) {
            cut[v] = new boolean[out[v].length];
            for (int k = 0; k < out[v].length; k++) {
                if (position[out[v][k]] <= position[v]) {
                    cut[v][k] = true;
                    arcs.add(new int[] {v, k});
                }
            }
        }
        if ((long) arcs.size() * (c + edgeCount) <= PRUNE_BUDGET) {
            // Put back every cut edge that closes no cycle among the edges kept so far.
            int[] seen = new int[c];
            int stamp = 0;
            int[] stack = new int[c];
            List<int[]> kept = new ArrayList<>();
            for (int[] arc : arcs) {
                int from = arc[0];
                int to = out[from][arc[1]];
                stamp++;
                if (!reaches(out, cut, to, from, seen, stamp, stack)) {
                    cut[from][arc[1]] = false;
                } else {
                    kept.add(arc);
                }
            }
            arcs = kept;
        }
        List<int[]> result = new ArrayList<>(arcs.size());
        for (int[] arc : arcs) {
            result.add(new int[] {arc[0], out[arc[0]][arc[1]]});
        }
        return result;
    }

    private static boolean reaches(int[][] out, boolean[][] cut, int from, int target, int[] seen, int stamp,
            int[] stack) {
        int sp = 0;
        stack[sp++] = from;
        seen[from] = stamp;
        while (sp > 0) {
            int v = stack[--sp];
            if (v == target) {
                return true;
            }
            for (int k = 0; k < out[v].length; k++) {
                int w = out[v][k];
                if (!cut[v][k] && seen[w] != stamp) {
                    seen[w] = stamp;
                    stack[sp++] = w;
                }
            }
        }
        return false;
    }

    /**
     * The Eades–Lin–Smyth ordering: sinks go to the end, sources to the front, otherwise the node with the largest
     * out-degree minus in-degree goes to the front. Returns each node's position.
     */
    private static int[] elsOrder(int[][] out) {
        int c = out.length;
        int[][] in = reverse(out);
        int[] outDeg = new int[c];
        int[] inDeg = new int[c];
        for (int v = 0; v < c; v++) {
            outDeg[v] = out[v].length;
            inDeg[v] = in[v].length;
        }
        boolean[] removed = new boolean[c];
        int[] position = new int[c];
        int front = 0;
        int back = c - 1;
        int[] sinks = new int[c];
        int[] sources = new int[c];
        int sinkTop = 0;
        int sourceTop = 0;
        // Max-heap on out-degree minus in-degree, ties to the smaller node; stale entries are skipped.
        PriorityQueue<long[]> byDelta = new PriorityQueue<>((a, b) -> a[0] != b[0]
                ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        for (int v = 0; v < c; v++) {
            byDelta.add(new long[] {outDeg[v] - inDeg[v], v});
        }
        int left = c;
        while (left > 0) {
            int chosen = -1;
            boolean toBack = false;
            while (sinkTop > 0 && chosen < 0) {
                int v = sinks[--sinkTop];
                if (!removed[v] && outDeg[v] == 0) {
                    chosen = v;
                    toBack = true;
                }
            }
            while (sourceTop > 0 && chosen < 0) {
                int v = sources[--sourceTop];
                if (!removed[v] && inDeg[v] == 0) {
                    chosen = v;
                }
            }
            while (chosen < 0) {
                long[] top = byDelta.poll();
                int v = (int) top[1];
                if (!removed[v] && top[0] == outDeg[v] - inDeg[v]) {
                    chosen = v;
                }
            }
            removed[chosen] = true;
            left--;
            position[chosen] = toBack ? back-- : front++;
            for (int w : out[chosen]) {
                if (!removed[w]) {
                    inDeg[w]--;
                    byDelta.add(new long[] {outDeg[w] - inDeg[w], w});
                    if (inDeg[w] == 0) {
                        sources[sourceTop++] = w;
                    }
                }
            }
            for (int u : in[chosen]) {
                if (!removed[u]) {
                    outDeg[u]--;
                    byDelta.add(new long[] {outDeg[u] - inDeg[u], u});
                    if (outDeg[u] == 0) {
                        sinks[sinkTop++] = u;
                    }
                }
            }
        }
        return position;
    }

    private static int[][] reverse(int[][] out) {
        int c = out.length;
        int[] count = new int[c];
        for (int[] targets : out) {
            for (int w : targets) {
                count[w]++;
            }
        }
        int[][] in = new int[c][];
        for (int v = 0; v < c; v++) {
            in[v] = new int[count[v]];
        }
        int[] fill = new int[c];
        for (int v = 0; v < c; v++) {
            for (int w : out[v]) {
                in[w][fill[w]++] = v;
            }
        }
        return in;
    }
}
