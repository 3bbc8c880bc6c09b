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
    /** Stands for "no topological order: the graph has a cycle" in {@link #order}. */
    private static final int[] CYCLIC = new int[0];

    private final List<Achievement> achievements;
    private final IdIndex index;
    /**
     * The resolved dependencies of node {@code i} are {@code dependencyList[dependencyStart[i] ..
     * dependencyStart[i + 1])}; the dependents likewise: two arrays each instead of an array per node (a million
     * small arrays are 36 MB, and scattered).
     */
    private final int[] dependencyStart;
    private final int[] dependencyList;
    private final int[] dependentStart;
    private final int[] dependentList;
    private final int edgeCount;
    /**
     * The topological order once computed (validation computes it, analysis and scheduling ask again), or
     * {@link #CYCLIC}; volatile so that another thread sees a complete array.
     */
    private volatile int[] order;

    private PlanGraph(List<Achievement> achievements) {
        this.achievements = List.copyOf(achievements);
        int n = this.achievements.size();
        String[] ids = new String[n];
        int listed = 0;
        for (int i = 0; i < n; i++) {
            Achievement a = this.achievements.get(i);
            ids[i] = a.id();
            listed += a.dependencies().size();
        }
        this.index = new IdIndex(Arrays.asList(ids));
        int[] starts = new int[n + 1];
        int[] targets = new int[listed];
        int[] outDegree = new int[n + 1];
        int edges = 0;
        for (int i = 0; i < n; i++) {
            starts[i] = edges;
            int first = edges;
            for (String d : this.achievements.get(i).dependencies()) {
                int j = index.get(d);
                if (j < 0 || j == i || contains(targets, first, edges, j)) {
                    continue;
                }
                targets[edges++] = j;
                outDegree[j]++;
            }
        }
        starts[n] = edges;
        this.dependencyStart = starts;
        this.dependencyList = edges == listed ? targets : Arrays.copyOf(targets, edges);
        this.edgeCount = edges;
        // Dependents: counting sort of the edges by dependency, in plan order of the dependents.
        int[] dependentStarts = new int[n + 1];
        for (int j = 0; j < n; j++) {
            dependentStarts[j + 1] = dependentStarts[j] + outDegree[j];
        }
        int[] fill = outDegree; // reused as the next free place of each node
        System.arraycopy(dependentStarts, 0, fill, 0, n + 1);
        int[] dependents = new int[edges];
        for (int i = 0; i < n; i++) {
            for (int k = starts[i]; k < starts[i + 1]; k++) {
                dependents[fill[dependencyList[k]]++] = i;
            }
        }
        this.dependentStart = dependentStarts;
        this.dependentList = dependents;
    }

    private static boolean contains(int[] a, int from, int to, int value) {
        // Dependency lists are short; a linear scan beats hashing.
        for (int i = from; i < to; i++) {
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

    /** Whether two or more nodes have the same id (then {@link #indexOf} gives the first of them). */
    public boolean hasRepeatedIds() {
        return index.repeats();
    }

    /** How many resolved dependencies {@code node} has. */
    public int dependencyCount(int node) {
        return dependencyStart[node + 1] - dependencyStart[node];
    }

    /** The {@code k}-th resolved dependency of {@code node}. */
    public int dependency(int node, int k) {
        return dependencyList[dependencyStart[node] + k];
    }

    /** A copy of the resolved dependencies of {@code node}. */
    public int[] dependencies(int node) {
        return Arrays.copyOfRange(dependencyList, dependencyStart[node], dependencyStart[node + 1]);
    }

    /** How many achievements depend directly on {@code node}. */
    public int dependentCount(int node) {
        return dependentStart[node + 1] - dependentStart[node];
    }

    /** The {@code k}-th direct dependent of {@code node}. */
    public int dependent(int node, int k) {
        return dependentList[dependentStart[node] + k];
    }

    /** A copy of the direct dependents of {@code node}. */
    public int[] dependents(int node) {
        return Arrays.copyOfRange(dependentList, dependentStart[node], dependentStart[node + 1]);
    }

    /**
     * A topological order (every dependency before its dependents; among ready nodes, plan order first), or
     * {@code null} when the graph has a cycle. Computed once; each call returns a new copy.
     */
    public int[] topologicalOrder() {
        int[] known = order;
        if (known == null) {
            known = kahn();
            order = known;
        }
        return known == CYCLIC ? null : known.clone();
    }

    /** Kahn's algorithm: the topological order, or {@link #CYCLIC}. */
    private int[] kahn() {
        int n = size();
        int[] remaining = new int[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            remaining[i] = dependencyStart[i + 1] - dependencyStart[i];
            if (remaining[i] == 0) {
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int v = queue[head++];
            for (int k = dependentStart[v]; k < dependentStart[v + 1]; k++) {
                int w = dependentList[k];
                if (--remaining[w] == 0) {
                    queue[tail++] = w;
                }
            }
        }
        return tail == n ? queue : CYCLIC;
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
                if (callEdge[depth] < dependentCount(v)) {
                    int w = dependentList[dependentStart[v] + callEdge[depth]++];
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
