package io.parallelplan.core.schedule;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.validate.LoadedPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid plan prepared for running, once per plan: its tasks (achievements and {@code parent/child}
 * sub-executions) in plan order, the dependency rows, each task's priority (longest remaining path of estimated
 * hours, then plan order), executors and per-achievement settings. Every {@link RefScheduler} of the plan shares it, as
 * do the ledger's header and resume planning, so the ranking is done once. Immutable and thread-safe.
 *
 * <p><b>Test oracle:</b> a frozen copy of {@code SchedulePlan} as of commit 0100d77, before issue 12 made the scheduler
 * cheaper per event and per task. {@link SchedulerEquivalenceTest} holds the scheduler to it call for call. Do not
 * change it; delete it with that test once the scheduler's behaviour is meant to change.
 */
public final class RefSchedulePlan {
    static final int[] NONE = new int[0];

    final Plan plan;
    final PlanGraph graph;
    final int size;
    final String[] ids;
    final Achievement[] definitions;
    final int[] parent;
    final int[][] children;
    final int[][] dependents;
    final int[] remaining;
    final double[] rank;
    final int[] priority;
    final int[] byPriority;
    final int[] executorOf;
    final String[] executorNames;
    final Integer[] retries;
    final Integer[] timeoutMinutes;
    final boolean[] optional;
    final boolean[] required;
    final double[] weight;
    final int[] topNode;
    final Map<String, Integer> subIndex;
    final int taskCount;
    private final List<String> taskIds;
    private final List<String> allIds;

    private RefSchedulePlan(LoadedPlan loaded) {
        this.plan = loaded.plan();
        PlanGraph graph = loaded.graph();
        int top = graph.size();

        int n = 0;
        for (Achievement a : graph.achievements()) {
            n += 1 + a.subExecutions().size();
        }
        this.size = n;
        ids = new String[n];
        definitions = new Achievement[n];
        parent = new int[n];
        children = new int[n][];
        this.graph = graph;
        topNode = new int[top];
        subIndex = new HashMap<>();
        int v = 0;
        int tasks = 0;
        for (int i = 0; i < top; i++) {
            Achievement a = graph.achievement(i);
            int g = v++;
            topNode[i] = g;
            ids[g] = a.id();
            definitions[g] = a;
            parent[g] = -1;
            List<Achievement> subs = a.subExecutions();
            children[g] = subs.isEmpty() ? NONE : new int[subs.size()];
            if (subs.isEmpty()) {
                tasks++;
            }
            for (int k = 0; k < subs.size(); k++) {
                Achievement s = subs.get(k);
                int c = v++;
                if (s.id().isEmpty()) {
                    throw new IllegalArgumentException("sub-execution " + (k + 1) + " of achievement " + a.id()
                            + " has no execution_id; give each sub-execution an id");
                }
                String id = a.id() + "/" + s.id();
                if (subIndex.putIfAbsent(id, c) != null) {
                    throw new IllegalArgumentException("achievement " + a.id() + " has two sub-executions named \""
                            + s.id() + "\"; give each a distinct execution_id");
                }
                ids[c] = id;
                definitions[c] = s;
                parent[c] = g;
                children[c] = NONE;
                children[g][k] = c;
                tasks++;
            }
        }
        this.taskCount = tasks;

        // Dependency edges, in compressed rows: an edge from -> to means "to waits for from". Edges into a group
        // open its gate; edges out of a group leave it when the whole group is done.
        remaining = new int[n];
        IntPairs edges = new IntPairs(Math.max(16, graph.edgeCount() + n));
        for (int i = 0; i < top; i++) {
            int g = topNode[i];
            for (int k = 0; k < graph.dependencyCount(i); k++) {
                edges.add(topNode[graph.dependency(i, k)], g);
                remaining[g]++;
            }
            for (int c : children[g]) {
                remaining[c] = 1; // the group's gate
                int[] seen = new int[definitions[c].dependencies().size()];
                int seenCount = 0;
                for (String d : definitions[c].dependencies()) {
                    int from = resolveChildDependency(g, c, d);
                    if (from == c || contains(seen, seenCount, from)) {
                        continue;
                    }
                    seen[seenCount++] = from;
                    edges.add(from, c);
                    remaining[c]++;
                }
            }
        }
        dependents = edges.rows(n);

        // Executors, attempts, timeouts, flags, weights.
        executorOf = new int[n];
        Map<String, Integer> executorIds = new LinkedHashMap<>();
        retries = new Integer[n];
        timeoutMinutes = new Integer[n];
        optional = new boolean[n];
        required = new boolean[n];
        weight = new double[n];
        for (int x = 0; x < n; x++) {
            Achievement a = definitions[x];
            Achievement owner = parent[x] < 0 ? null : definitions[parent[x]];
            String executor = firstNonNull(a.executor(), owner == null ? null : owner.executor());
            executorOf[x] = executor == null || isGroup(x) ? -1
                    : executorIds.computeIfAbsent(executor, e -> executorIds.size());
            retries[x] = firstNonNull(a.retries(), owner == null ? null : owner.retries());
            timeoutMinutes[x] = firstNonNull(a.timeoutMinutes(), owner == null ? null : owner.timeoutMinutes());
            Achievement flags = owner == null ? a : owner;
            optional[x] = flags.optional();
            required[x] = flags.required();
            weight[x] = a.estimate().hours();
        }
        executorNames = executorIds.keySet().toArray(new String[0]);
        rank = ranks();
        priority = new int[n];
        byPriority = priorities(rank, priority);

        List<String> taskList = new ArrayList<>(taskCount);
        for (int x = 0; x < n; x++) {
            if (!isGroup(x)) {
                taskList.add(ids[x]);
            }
        }
        taskIds = Collections.unmodifiableList(taskList);
        allIds = Collections.unmodifiableList(Arrays.asList(ids));
    }

    /**
     * Prepares a valid plan.
     *
     * @throws io.parallelplan.core.validate.InvalidPlanException if the plan has errors
     * @throws IllegalArgumentException if sub_executions name an unknown dependency or form a cycle
     */
    public static RefSchedulePlan of(LoadedPlan loaded) {
        Objects.requireNonNull(loaded, "plan cannot be null");
        return new RefSchedulePlan(loaded.requireValid());
    }

    /** The plan. */
    public Plan plan() {
        return plan;
    }

    /** The ids of the runnable tasks in plan order (achievements without sub_executions, and sub-executions). */
    public List<String> tasks() {
        return taskIds;
    }

    /** Every achievement and sub-execution id in plan order, each sub-execution right after its achievement. */
    public List<String> ids() {
        return allIds;
    }

    /** Whether the id names an achievement or sub-execution of this plan. */
    public boolean contains(String id) {
        return graph.indexOf(id) >= 0 || subIndex.containsKey(id);
    }

    /** The definition of an achievement or sub-execution (for {@code command}, {@code title}, ...). */
    public Achievement achievement(String id) {
        return definitions[node(id)];
    }

    /** Whether the id is an achievement with sub_executions (a group, not itself a task). */
    public boolean isGroup(String id) {
        return isGroup(node(id));
    }

    /** The sub-execution ids of an achievement ({@code parent/child}), empty for a task. */
    public List<String> children(String id) {
        return names(children[node(id)]);
    }

    /**
     * The achievements and sub-executions that wait directly for this one, in plan order (for an achievement with
     * sub_executions: those that wait for the whole achievement).
     */
    public List<String> dependents(String id) {
        return names(dependents[node(id)]);
    }

    /** The achievement a sub-execution belongs to. */
    public Optional<String> parentOf(String id) {
        int p = parent[node(id)];
        return p < 0 ? Optional.empty() : Optional.of(ids[p]);
    }

    /** The executor a task runs on (its own, else its achievement's), if any. */
    public Optional<String> executor(String taskId) {
        int e = executorOf[task(taskId)];
        return e < 0 ? Optional.empty() : Optional.of(executorNames[e]);
    }

    /** Whether its failure only makes the run UNSTABLE (a sub-execution: its achievement's {@code optional}). */
    public boolean isOptional(String id) {
        return optional[node(id)];
    }

    /** Whether it is a hard gate under threshold (a sub-execution: its achievement's {@code required}). */
    public boolean isRequired(String id) {
        return required[node(id)];
    }

    /** Its estimated hours (1 if missing): its weight in the threshold score. */
    public double weight(String id) {
        return weight[node(id)];
    }

    /** The priority of a task: its longest remaining path of estimated hours, itself included. */
    public double remainingHours(String id) {
        return rank[node(id)];
    }

    private List<String> names(int[] nodes) {
        String[] out = new String[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            out[i] = ids[nodes[i]];
        }
        return List.of(out);
    }

    boolean isGroup(int x) {
        return children[x].length > 0;
    }

    int node(String id) {
        Objects.requireNonNull(id, "id cannot be null");
        int t = graph.indexOf(id);
        if (t >= 0) {
            return topNode[t];
        }
        Integer x = subIndex.get(id);
        if (x == null) {
            throw new IllegalArgumentException("\"" + id + "\" is not an achievement or sub-execution of plan "
                    + plan.name());
        }
        return x;
    }

    int task(String id) {
        int x = node(id);
        if (isGroup(x)) {
            throw new IllegalArgumentException("achievement " + id + " has sub_executions; its tasks are "
                    + ids[children[x][0]] + " and its siblings");
        }
        return x;
    }

    private int resolveChildDependency(int g, int c, String d) {
        for (int sibling : children[g]) {
            if (definitions[sibling].id().equals(d) || ids[sibling].equals(d)) {
                return sibling;
            }
        }
        throw new IllegalArgumentException("sub-execution " + ids[c] + " depends on \"" + d
                + "\", which is not a sub-execution of " + ids[g] + "; a sub-execution depends only on its siblings");
    }

    /**
     * Longest remaining path of estimated hours from each node (itself included), in reverse topological order of
     * the achievements; inside a group, in reverse topological order of its sub-executions, each of which is
     * followed by the group's dependents. Also proves that the sub_executions of each achievement have no cycle.
     */
    private double[] ranks() {
        double[] value = new double[size];
        int[] order = graph.topologicalOrder();
        for (int k = order.length - 1; k >= 0; k--) {
            int x = topNode[order[k]];
            double tail = 0;
            for (int y : dependents[x]) {
                tail = Math.max(tail, value[y]);
            }
            if (!isGroup(x)) {
                value[x] = definitions[x].estimate().hours() + tail;
                continue;
            }
            int[] kids = children[x];
            int first = kids[0];
            int[] pending = new int[kids.length];
            int[] queue = new int[kids.length];
            int head = 0;
            int end = 0;
            for (int i = 0; i < kids.length; i++) {
                pending[i] = remaining[kids[i]] - 1; // sibling dependencies, without the gate
                if (pending[i] == 0) {
                    queue[end++] = kids[i];
                }
            }
            while (head < end) {
                for (int y : dependents[queue[head++]]) {
                    if (--pending[y - first] == 0) {
                        queue[end++] = y;
                    }
                }
            }
            if (end < kids.length) {
                int at = 0;
                while (pending[at] == 0) {
                    at++;
                }
                throw new IllegalArgumentException("the sub_executions of achievement " + ids[x]
                        + " form a dependency cycle (through " + ids[kids[at]] + "); remove one of its dependencies");
            }
            double best = 0;
            for (int i = end - 1; i >= 0; i--) {
                int c = queue[i];
                double after = tail;
                for (int y : dependents[c]) {
                    after = Math.max(after, value[y]);
                }
                value[c] = definitions[c].estimate().hours() + after;
                best = Math.max(best, value[c]);
            }
            value[x] = best;
        }
        return value;
    }

    /**
     * Ranks nodes once by (remaining hours descending, plan order): {@code priority[node]} is its place (0 first),
     * the returned array the node at each place. Two primitive sorts, no boxing.
     */
    private static int[] priorities(double[] rank, int[] priority) {
        int n = rank.length;
        double[] distinct = rank.clone();
        Arrays.sort(distinct);
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (d == 0 || distinct[d - 1] != distinct[i]) {
                distinct[d++] = distinct[i];
            }
        }
        long[] keys = new long[n];
        for (int x = 0; x < n; x++) {
            long level = Arrays.binarySearch(distinct, 0, d, rank[x]);
            keys[x] = ((d - 1 - level) << 32) | x;
        }
        Arrays.sort(keys);
        int[] byPriority = new int[n];
        for (int p = 0; p < n; p++) {
            int x = (int) keys[p];
            byPriority[p] = x;
            priority[x] = p;
        }
        return byPriority;
    }

    private static boolean contains(int[] a, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (a[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }

    /** A growable list of (from, to) pairs turned into compressed rows. */
    private static final class IntPairs {
        private int[] from;
        private int[] to;
        private int count;

        IntPairs(int capacity) {
            from = new int[capacity];
            to = new int[capacity];
        }

        void add(int f, int t) {
            if (count == from.length) {
                from = Arrays.copyOf(from, count * 2);
                to = Arrays.copyOf(to, count * 2);
            }
            from[count] = f;
            to[count] = t;
            count++;
        }

        int[][] rows(int n) {
            int[] degree = new int[n];
            for (int i = 0; i < count; i++) {
                degree[from[i]]++;
            }
            int[][] rows = new int[n][];
            for (int x = 0; x < n; x++) {
                rows[x] = degree[x] == 0 ? NONE : new int[degree[x]];
            }
            int[] fill = new int[n];
            for (int i = 0; i < count; i++) {
                rows[from[i]][fill[from[i]]++] = to[i];
            }
            return rows;
        }
    }
}
