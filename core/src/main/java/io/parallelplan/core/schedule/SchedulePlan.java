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
 * hours, then plan order), executors and per-achievement settings. Every {@link Scheduler} of the plan shares it, as
 * do the ledger's header and resume planning, so the ranking is done once. Immutable and thread-safe.
 *
 * <p>Nodes are numbered in plan order, each sub-execution right after its achievement. A plan without
 * sub_executions (the common case, and the large one) is <em>flat</em>: its node {@code x} is the graph's node
 * {@code x}, and the graph's own arrays serve for definitions and dependency rows, so that preparing a plan of a
 * million achievements adds about 20 bytes per achievement to the graph.
 */
public final class SchedulePlan {
    final Plan plan;
    final PlanGraph graph;
    final int size;
    final String[] ids;
    final double[] rank;
    final int[] priority;
    final int[] byPriority;
    final String[] executorNames;
    final int taskCount;
    /** The weight of all achievements (not sub-executions), summed in plan order. */
    final double totalWeight;
    /** Whether no achievement has sub_executions; then the fields up to {@link #subIndex} are {@code null}. */
    private final boolean flat;
    private final Achievement[] definitions;
    /** A sub-execution's achievement node; for an achievement, {@code -1 - (its number of sub-executions)}. */
    private final int[] links;
    private final int[] topNode;
    private final int[] dependencyCounts;
    private final int[] dependentStart;
    private final int[] dependentList;
    private final Map<String, Integer> subIndex;
    /** {@code null} when no task names an executor (resp. retries, a timeout). */
    private final int[] executorOf;
    private final Integer[] retries;
    private final Integer[] timeoutMinutes;
    private final List<String> taskIds;
    private final List<String> allIds;

    private SchedulePlan(LoadedPlan loaded) {
        this.plan = loaded.plan();
        PlanGraph graph = loaded.graph();
        this.graph = graph;
        int top = graph.size();

        int n = 0;
        for (Achievement a : graph.achievements()) {
            n += 1 + a.subExecutions().size();
        }
        this.size = n;
        this.flat = n == top;
        ids = new String[n];
        if (flat) {
            definitions = null;
            links = null;
            topNode = null;
            subIndex = Map.of();
        } else {
            definitions = new Achievement[n];
            links = new int[n];
            topNode = new int[top];
            subIndex = new HashMap<>();
            indexSubExecutions();
        }
        int tasks = 0;
        for (int x = 0; x < n; x++) {
            if (!isGroup(x)) {
                tasks++;
            }
        }
        this.taskCount = tasks;

        // Dependency edges, in compressed rows: an edge from -> to means "to waits for from". Edges into a group
        // open its gate; edges out of a group leave it when the whole group is done. A flat plan's are the graph's.
        if (flat) {
            dependencyCounts = null;
            dependentStart = null;
            dependentList = null;
        } else {
            dependencyCounts = new int[n];
            IntPairs edges = new IntPairs(Math.max(16, graph.edgeCount() + n));
            for (int i = 0; i < top; i++) {
                int g = topNode[i];
                for (int k = 0; k < graph.dependencyCount(i); k++) {
                    edges.add(topNode[graph.dependency(i, k)], g);
                    dependencyCounts[g]++;
                }
                for (int c = g + 1, end = g + 1 + childCount(g); c < end; c++) {
                    dependencyCounts[c] = 1; // the group's gate
                    List<String> dependencies = definitions[c].dependencies();
                    int[] seen = new int[dependencies.size()];
                    int seenCount = 0;
                    for (String d : dependencies) {
                        int from = resolveChildDependency(g, c, d);
                        if (from == c || contains(seen, seenCount, from)) {
                            continue;
                        }
                        seen[seenCount++] = from;
                        edges.add(from, c);
                        dependencyCounts[c]++;
                    }
                }
            }
            dependentStart = new int[n + 1];
            dependentList = edges.rows(n, dependentStart);
        }

        // One pass over the definitions, in plan order: a flat plan's ids, the estimates (the ranks start from them),
        // the total weight, and executors, attempts and timeouts (arrays only when some task names one).
        double[] hours = new double[n];
        double total = 0;
        Map<String, Integer> executorIds = new LinkedHashMap<>();
        int[] executors = null;
        Integer[] retryCounts = null;
        Integer[] timeouts = null;
        for (int x = 0; x < n; x++) {
            Achievement a = definition(x);
            if (flat) {
                ids[x] = a.id();
            }
            hours[x] = a.estimate().hours();
            int p = parent(x);
            if (p < 0) {
                total += hours[x];
            }
            Achievement owner = p < 0 ? null : definition(p);
            String executor = firstNonNull(a.executor(), owner == null ? null : owner.executor());
            if (executor != null && !isGroup(x)) {
                if (executors == null) {
                    executors = new int[n];
                    Arrays.fill(executors, -1);
                }
                executors[x] = executorIds.computeIfAbsent(executor, e -> executorIds.size());
            }
            Integer r = firstNonNull(a.retries(), owner == null ? null : owner.retries());
            if (r != null) {
                retryCounts = retryCounts != null ? retryCounts : new Integer[n];
                retryCounts[x] = r;
            }
            Integer t = firstNonNull(a.timeoutMinutes(), owner == null ? null : owner.timeoutMinutes());
            if (t != null) {
                timeouts = timeouts != null ? timeouts : new Integer[n];
                timeouts[x] = t;
            }
        }
        executorOf = executors;
        retries = retryCounts;
        timeoutMinutes = timeouts;
        executorNames = executorIds.keySet().toArray(new String[0]);
        totalWeight = total;
        rank = ranks(hours);
        priority = new int[n];
        byPriority = priorities(rank, priority);

        allIds = Collections.unmodifiableList(Arrays.asList(ids));
        if (tasks == n) {
            taskIds = allIds;
        } else {
            List<String> taskList = new ArrayList<>(tasks);
            for (int x = 0; x < n; x++) {
                if (!isGroup(x)) {
                    taskList.add(ids[x]);
                }
            }
            taskIds = Collections.unmodifiableList(taskList);
        }
    }

    /** Numbers the nodes of a plan with sub_executions: each achievement, then its sub-executions. */
    private void indexSubExecutions() {
        int v = 0;
        for (int i = 0; i < graph.size(); i++) {
            Achievement a = graph.achievement(i);
            int g = v++;
            topNode[i] = g;
            ids[g] = a.id();
            definitions[g] = a;
            List<Achievement> subs = a.subExecutions();
            links[g] = -1 - subs.size();
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
                links[c] = g;
            }
        }
    }

    /**
     * Prepares a valid plan.
     *
     * @throws io.parallelplan.core.validate.InvalidPlanException if the plan has errors
     * @throws IllegalArgumentException if sub_executions name an unknown dependency or form a cycle
     */
    public static SchedulePlan of(LoadedPlan loaded) {
        Objects.requireNonNull(loaded, "plan cannot be null");
        return new SchedulePlan(loaded.requireValid());
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
        return definition(node(id));
    }

    /** Whether the id is an achievement with sub_executions (a group, not itself a task). */
    public boolean isGroup(String id) {
        return isGroup(node(id));
    }

    /** The sub-execution ids of an achievement ({@code parent/child}), empty for a task. */
    public List<String> children(String id) {
        int g = node(id);
        String[] out = new String[childCount(g)];
        for (int k = 0; k < out.length; k++) {
            out[k] = ids[g + 1 + k];
        }
        return List.of(out);
    }

    /**
     * The achievements and sub-executions that wait directly for this one, in plan order (for an achievement with
     * sub_executions: those that wait for the whole achievement).
     */
    public List<String> dependents(String id) {
        int x = node(id);
        String[] out = new String[dependentCount(x)];
        for (int k = 0; k < out.length; k++) {
            out[k] = ids[dependent(x, k)];
        }
        return List.of(out);
    }

    /** The achievement a sub-execution belongs to. */
    public Optional<String> parentOf(String id) {
        int p = parent(node(id));
        return p < 0 ? Optional.empty() : Optional.of(ids[p]);
    }

    /** The executor a task runs on (its own, else its achievement's), if any. */
    public Optional<String> executor(String taskId) {
        int e = executorOf(task(taskId));
        return e < 0 ? Optional.empty() : Optional.of(executorNames[e]);
    }

    /** Whether its failure only makes the run UNSTABLE (a sub-execution: its achievement's {@code optional}). */
    public boolean isOptional(String id) {
        return isOptional(node(id));
    }

    /** Whether it is a hard gate under threshold (a sub-execution: its achievement's {@code required}). */
    public boolean isRequired(String id) {
        return isRequired(node(id));
    }

    /** Its estimated hours (1 if missing): its weight in the threshold score. */
    public double weight(String id) {
        return weight(node(id));
    }

    /** The priority of a task: its longest remaining path of estimated hours, itself included. */
    public double remainingHours(String id) {
        return rank[node(id)];
    }

    // ------------------------------------------------------------------ nodes (for the scheduler)

    Achievement definition(int x) {
        return flat ? graph.achievement(x) : definitions[x];
    }

    /** The achievement node of a sub-execution, -1 for an achievement. */
    int parent(int x) {
        return flat ? -1 : Math.max(-1, links[x]);
    }

    /** The number of sub-executions of an achievement (nodes {@code x + 1 ... x + count}); 0 for a task. */
    int childCount(int x) {
        return flat || links[x] >= 0 ? 0 : -1 - links[x];
    }

    boolean isGroup(int x) {
        return childCount(x) > 0;
    }

    /** How many nodes {@code x} waits for before it may start (for a sub-execution, its group's gate included). */
    int dependencyCount(int x) {
        return flat ? graph.dependencyCount(x) : dependencyCounts[x];
    }

    int dependentCount(int x) {
        return flat ? graph.dependentCount(x) : dependentStart[x + 1] - dependentStart[x];
    }

    /** The {@code k}-th node that waits for {@code x}, in plan order. */
    int dependent(int x, int k) {
        return flat ? graph.dependent(x, k) : dependentList[dependentStart[x] + k];
    }

    /** The executor number of a task, -1 for none. */
    int executorOf(int x) {
        return executorOf == null ? -1 : executorOf[x];
    }

    /** Its own {@code retries}, else its achievement's, or {@code null}. */
    Integer retries(int x) {
        return retries == null ? null : retries[x];
    }

    /** Its own {@code timeout_minutes}, else its achievement's, or {@code null}. */
    Integer timeoutMinutes(int x) {
        return timeoutMinutes == null ? null : timeoutMinutes[x];
    }

    boolean isOptional(int x) {
        return owner(x).optional();
    }

    boolean isRequired(int x) {
        return owner(x).required();
    }

    double weight(int x) {
        return definition(x).estimate().hours();
    }

    /** The definition that holds the flags of a node: its achievement's for a sub-execution. */
    private Achievement owner(int x) {
        int p = parent(x);
        return definition(p < 0 ? x : p);
    }

    int node(String id) {
        Objects.requireNonNull(id, "id cannot be null");
        int t = graph.indexOf(id);
        if (t >= 0) {
            return flat ? t : topNode[t];
        }
        Integer x = subIndex.get(id);
        if (x == null) {
            throw new IllegalArgumentException("\"" + id + "\" is not an achievement or sub-execution of plan "
                    + plan.name());
        }
        return x;
    }

    int task(String id) {
        return task(node(id), id);
    }

    /** Node {@code x}, the node of {@code id}, if it is a task. */
    int task(int x, String id) {
        if (isGroup(x)) {
            throw new IllegalArgumentException("achievement " + id + " has sub_executions; its tasks are "
                    + ids[x + 1] + " and its siblings");
        }
        return x;
    }

    private int resolveChildDependency(int g, int c, String d) {
        for (int sibling = g + 1, end = g + 1 + childCount(g); sibling < end; sibling++) {
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
     *
     * @param value each node's estimated hours, turned into its remaining hours (a group's: its best child's)
     */
    private double[] ranks(double[] value) {
        int[] order = graph.topologicalOrder();
        for (int k = order.length - 1; k >= 0; k--) {
            int x = flat ? order[k] : topNode[order[k]];
            double tail = 0;
            for (int j = 0, count = dependentCount(x); j < count; j++) {
                tail = Math.max(tail, value[dependent(x, j)]);
            }
            if (!isGroup(x)) {
                value[x] += tail;
                continue;
            }
            int kids = childCount(x);
            int first = x + 1;
            int[] pending = new int[kids];
            int[] queue = new int[kids];
            int head = 0;
            int end = 0;
            for (int i = 0; i < kids; i++) {
                pending[i] = dependencyCounts[first + i] - 1; // sibling dependencies, without the gate
                if (pending[i] == 0) {
                    queue[end++] = first + i;
                }
            }
            while (head < end) {
                int c = queue[head++];
                for (int j = 0, count = dependentCount(c); j < count; j++) {
                    int y = dependent(c, j);
                    if (--pending[y - first] == 0) {
                        queue[end++] = y;
                    }
                }
            }
            if (end < kids) {
                int at = 0;
                while (pending[at] == 0) {
                    at++;
                }
                throw new IllegalArgumentException("the sub_executions of achievement " + ids[x]
                        + " form a dependency cycle (through " + ids[first + at] + "); remove one of its dependencies");
            }
            double best = 0;
            for (int i = end - 1; i >= 0; i--) {
                int c = queue[i];
                double after = tail;
                for (int j = 0, count = dependentCount(c); j < count; j++) {
                    after = Math.max(after, value[dependent(c, j)]);
                }
                value[c] += after;
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

        /** The {@code to} of every pair grouped by {@code from} (in the order added); fills {@code start}. */
        int[] rows(int n, int[] start) {
            for (int i = 0; i < count; i++) {
                start[from[i] + 1]++;
            }
            for (int x = 0; x < n; x++) {
                start[x + 1] += start[x];
            }
            int[] list = new int[count];
            int[] fill = Arrays.copyOf(start, n);
            for (int i = 0; i < count; i++) {
                list[fill[from[i]]++] = to[i];
            }
            return list;
        }
    }
}
