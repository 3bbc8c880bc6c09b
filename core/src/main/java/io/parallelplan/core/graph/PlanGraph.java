package io.parallelplan.core.graph;

import io.parallelplan.core.model.Achievement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dependency graph of a list of achievements (a plan's, or one achievement's {@code sub_executions}), as
 * integer adjacency arrays: linear memory, and no boxing on the hot paths of validation, analysis and scheduling.
 *
 * <p>Node {@code i} is {@code achievements.get(i)}. Ids resolve to their first occurrence. Dependencies that name no
 * achievement, self-dependencies and repeated dependencies are left out of the edges (validation reports them).
 * Instances are immutable.
 */
public final class PlanGraph {
    private final List<Achievement> achievements;
    private final IdIndex index;
    private final int[][] dependencies;
    private final int[][] dependents;
    private final int edgeCount;

    private PlanGraph(List<Achievement> achievements) {
        this.achievements = List.copyOf(achievements);
        int n = this.achievements.size();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = this.achievements.get(i).id();
        }
        this.index = new IdIndex(Arrays.asList(ids));
        this.dependencies = new int[n][];
        int[] outDegree = new int[n];
        int edges = 0;
        int[] scratch = new int[8];
        for (int i = 0; i < n; i++) {
            List<String> deps = this.achievements.get(i).dependencies();
            if (scratch.length < deps.size()) {
                scratch = new int[deps.size()];
            }
            int k = 0;
            for (String d : deps) {
                int j = index.get(d);
                if (j < 0 || j == i || contains(scratch, k, j)) {
                    continue;
                }
                scratch[k++] = j;
                outDegree[j]++;
            }
            dependencies[i] = Arrays.copyOf(scratch, k);
            edges += k;
        }
        this.edgeCount = edges;
        this.dependents = new int[n][];
        for (int j = 0; j < n; j++) {
            dependents[j] = new int[outDegree[j]];
        }
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j : dependencies[i]) {
                dependents[j][fill[j]++] = i;
            }
        }
    }

    private static boolean contains(int[] a, int length, int value) {
        // Dependency lists are short; a linear scan beats hashing.
        for (int i = 0; i < length; i++) {
            if (a[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** Builds the graph of these achievements. */
    public static PlanGraph of(List<Achievement> achievements) {
        return new PlanGraph(achievements);
    }

    /** Number of nodes. */
    public int size() {
        return achievements.size();
    }

    /** Number of distinct resolved edges. */
    public int edgeCount() {
        return edgeCount;
    }

    public Achievement achievement(int node) {
        return achievements.get(node);
    }

    public List<Achievement> achievements() {
        return achievements;
    }

    public String id(int node) {
        return achievements.get(node).id();
    }

    /** The node of the first achievement with this id, or -1. */
    public int indexOf(String id) {
        return index.get(id);
    }

    /** How many resolved dependencies {@code node} has. */
    public int dependencyCount(int node) {
        return dependencies[node].length;
    }

    /** The {@code k}-th resolved dependency of {@code node}. */
    public int dependency(int node, int k) {
        return dependencies[node][k];
    }

    /** A copy of the resolved dependencies of {@code node}. */
    public int[] dependencies(int node) {
        return dependencies[node].clone();
    }

    /** How many achievements depend directly on {@code node}. */
    public int dependentCount(int node) {
        return dependents[node].length;
    }

    /** The {@code k}-th direct dependent of {@code node}. */
    public int dependent(int node, int k) {
        return dependents[node][k];
    }

    /** A copy of the direct dependents of {@code node}. */
    public int[] dependents(int node) {
        return dependents[node].clone();
    }

    /**
     * A topological order (every dependency before its dependents; among ready nodes, plan order first), or
     * {@code null} when the graph has a cycle.
     */
    public int[] topologicalOrder() {
        int n = size();
        int[] remaining = new int[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            remaining[i] = dependencies[i].length;
            if (remaining[i] == 0) {
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int v = queue[head++];
            for (int w : dependents[v]) {
                if (--remaining[w] == 0) {
                    queue[tail++] = w;
                }
            }
        }
        return tail == n ? queue : null;
    }

    /**
     * The strongly connected components with more than one node (each holds at least one cycle), each sorted by
     * node, listed in order of their smallest node. Iterative Tarjan: linear time, no recursion.
     */
    public List<int[]> cyclicComponents() {
        int n = size();
        int[] order = new int[n];
        int[] low = new int[n];
        Arrays.fill(order, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        List<int[]> components = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            order[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                int[] out = dependents[v];
                if (callEdge[depth] < out.length) {
                    int w = out[callEdge[depth]++];
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                if (low[v] == order[v]) {
                    int start = sp;
                    do {
                        start--;
                    } while (stack[start] != v);
                    int size = sp - start;
                    if (size > 1) {
                        int[] comp = Arrays.copyOfRange(stack, start, sp);
                        Arrays.sort(comp);
                        components.add(comp);
                    }
                    for (int k = start; k < sp; k++) {
                        onStack[stack[k]] = false;
                    }
                    sp = start;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        components.sort((a, b) -> Integer.compare(a[0], b[0]));
        return components;
    }
}
