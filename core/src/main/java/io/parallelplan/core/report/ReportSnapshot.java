package io.parallelplan.core.report;

import io.parallelplan.core.graph.IdIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report shows, in one immutable value: the plan's achievements with their analysis (level, critical
 * path), and, when known, each one's state, attempts and blocked-by chain. Every renderer of this package reads only
 * this value; {@link ReportSnapshots} builds it from a plan, a plan folder or a run. Its JSON form
 * ({@link JsonReportRenderer}) is documented in {@code docs/reports.md}.
 *
 * @param planName the plan's name
 * @param source where the states came from
 * @param runId the run's id, or {@code null} when this is not a run
 * @param result the run's result ({@code SUCCESS}, {@code UNSTABLE}, {@code FAILURE}), or {@code null}
 * @param countLine the run's count line, or {@code null} (then {@link #summaryLine()} makes one from the states)
 * @param chains the blocked-by chains, one line each, e.g. {@code 3.1 BLOCKED ← 2.2 FAILED (exit 2)}
 * @param analysis the plan's analysis
 * @param entries the achievements in plan order
 */
public record ReportSnapshot(
        String planName,
        Source source,
        String runId,
        String result,
        String countLine,
        List<String> chains,
        Analysis analysis,
        List<Entry> entries) {

    /** Where the states of a snapshot came from. */
    public enum Source {
        /** The plan alone: no states. */
        PLAN,
        /** A plan folder's files (SUBPLAN, EXECUTION_TASK, APPROVED, FIX, SKIPPED). */
        FILESYSTEM,
        /** A run's ledger. */
        RUN
    }

    public ReportSnapshot {
        Objects.requireNonNull(planName, "planName cannot be null");
        Objects.requireNonNull(source, "source cannot be null");
        Objects.requireNonNull(analysis, "analysis cannot be null");
        chains = List.copyOf(chains);
        entries = List.copyOf(entries);
        if (source == Source.RUN && runId == null) {
            throw new IllegalArgumentException("a run snapshot needs a run id");
        }
    }

    /** How many blocked-by chains the HTML and Markdown summaries list before saying how many more there are. */
    public static final int CHAINS_SHOWN = 20;

    /** Whether this snapshot has run data (attempts and times) to draw a timeline from. */
    public boolean isRun() {
        return source == Source.RUN;
    }

    /** The entries by id (first occurrence wins), computed on each call. */
    public Map<String, Integer> indexById() {
        Map<String, Integer> index = new HashMap<>(Math.max(16, entries.size() * 2));
        for (int i = 0; i < entries.size(); i++) {
            index.putIfAbsent(entries.get(i).id(), i);
        }
        return index;
    }

    /** The entry indices of each level, level 0 first, plan order inside a level. */
    public List<List<Integer>> entriesByLevel() {
        List<List<Integer>> levels = new ArrayList<>();
        for (int v = 0; v < entries.size(); v++) {
            int l = entries.get(v).level();
            while (levels.size() <= l) {
                levels.add(new ArrayList<>());
            }
            levels.get(l).add(v);
        }
        return levels;
    }

    /**
     * The edges of the critical path as {@link #edgeKey} values (dependency index, dependent index), given the
     * index from {@link #indexById()}.
     */
    public java.util.Set<Long> criticalEdges(Map<String, Integer> index) {
        java.util.Set<Long> edges = new java.util.HashSet<>();
        List<String> path = analysis.criticalPath();
        for (int i = 0; i + 1 < path.size(); i++) {
            Integer u = index.get(path.get(i));
            Integer v = index.get(path.get(i + 1));
            if (u != null && v != null) {
                edges.add(edgeKey(u, v));
            }
        }
        return edges;
    }

    /** How a report draws a dependency edge. */
    public enum EdgeKind {
        /** An ordinary dependency. */
        PLAIN,
        /** Between two consecutive achievements of the critical path. */
        CRITICAL,
        /** From a FAILED, BLOCKED or CANCELLED achievement to a BLOCKED dependent: what the failure blocked. */
        BLOCKING
    }

    /** Receives the edges of {@link #forEachEdge}. */
    @FunctionalInterface
    public interface EdgeVisitor {
        /** One edge from entry {@code dependency} to entry {@code dependent}. */
        void edge(int dependency, int dependent, EdgeKind kind);
    }

    /**
     * Visits every dependency edge between entries, by dependent in plan order and then in the order its
     * dependencies are listed, with how it is drawn (BLOCKING wins over CRITICAL). O(entries + edges).
     */
    public void forEachEdge(EdgeVisitor visitor) {
        forEachEdge(dependencyIndices(), visitor);
    }

    /**
     * Each entry's dependencies as entry indices, in the order listed, leaving out those that name no entry or the
     * entry itself: the edges {@link #forEachEdge} visits.
     */
    EntryEdges dependencyIndices() {
        // The first entry of an id, as indexById() gives, without a map entry and a boxed index per entry.
        IdIndex index = new IdIndex(entries.stream().map(Entry::id).toList());
        int[] start = new int[entries.size() + 1];
        int[] to = new int[16];
        int edges = 0;
        for (int v = 0; v < entries.size(); v++) {
            for (String id : entries.get(v).dependencies()) {
                int u = index.get(id);
                if (u >= 0 && u != v) {
                    if (edges == to.length) {
                        to = Arrays.copyOf(to, edges * 2);
                    }
                    to[edges++] = u;
                }
            }
            start[v + 1] = edges;
        }
        return new EntryEdges(start, Arrays.copyOf(to, edges));
    }

    /** {@link #forEachEdge} over dependencies already resolved by {@link #dependencyIndices()}. */
    void forEachEdge(EntryEdges dependencies, EdgeVisitor visitor) {
        java.util.Set<Long> critical = criticalEdges();
        for (int v = 0; v < entries.size(); v++) {
            Entry e = entries.get(v);
            for (int k = dependencies.start[v]; k < dependencies.start[v + 1]; k++) {
                int d = dependencies.to[k];
                EdgeKind kind = isBlockingEdge(entries.get(d), e) ? EdgeKind.BLOCKING
                        : critical.contains(edgeKey(d, v)) ? EdgeKind.CRITICAL : EdgeKind.PLAIN;
                visitor.edge(d, v, kind);
            }
        }
    }

    /** {@link #criticalEdges(Map)} without indexing every entry: one pass finds the few on the path. */
    private java.util.Set<Long> criticalEdges() {
        Map<String, Integer> onPath = new HashMap<>();
        for (String id : analysis.criticalPath()) {
            onPath.put(id, -1);
        }
        for (int v = 0; v < entries.size(); v++) {
            Integer at = onPath.get(entries.get(v).id());
            if (at != null && at < 0) {
                onPath.put(entries.get(v).id(), v); // the first entry of an id, as indexById() keeps
            }
        }
        onPath.values().removeIf(v -> v < 0);
        return criticalEdges(onPath);
    }

    /** One number for the edge from entry {@code dependency} to entry {@code dependent}. */
    public static long edgeKey(int dependency, int dependent) {
        return ((long) dependency << 32) | dependent;
    }

    /** Whether the edge from {@code dependency} to {@code dependent} runs from a failure to what it blocked. */
    public static boolean isBlockingEdge(Entry dependency, Entry dependent) {
        return StatePalette.isBlocking(dependency.state())
                && StatePalette.tone(dependent.state()) == StatePalette.Tone.BLOCKED;
    }

    /** How many entries are in each state (entries without a state are not counted), in palette order. */
    public Map<String, Integer> stateCounts() {
        Map<StatePalette.Tone, Map<String, Integer>> byTone = new EnumMap<>(StatePalette.Tone.class);
        for (Entry e : entries) {
            if (e.state() != null) {
                byTone.computeIfAbsent(StatePalette.tone(e.state()), t -> new java.util.TreeMap<>())
                        .merge(e.state(), 1, Integer::sum);
            }
        }
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        byTone.values().forEach(counts::putAll);
        return Collections.unmodifiableMap(counts);
    }

    /**
     * The line a report opens with: the run's count line when there is one, else a count of the states, e.g.
     * {@code 12 achievements: 5 complete, 1 failed, 6 not_started}, else the achievement count.
     */
    public String summaryLine() {
        if (countLine != null) {
            return countLine;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(entries.size()).append(entries.size() == 1 ? " achievement" : " achievements");
        Map<String, Integer> counts = stateCounts();
        if (!counts.isEmpty()) {
            sb.append(": ");
            List<String> parts = new ArrayList<>();
            counts.forEach((state, n) -> parts.add(n + " " + state.toLowerCase(java.util.Locale.ROOT)));
            sb.append(String.join(", ", parts));
        }
        if (result != null) {
            sb.append(" — ").append(result);
        }
        return sb.toString();
    }

    /**
     * The plan's analysis as reports show it.
     *
     * @param levels the number of levels (waves)
     * @param width the size of the largest level
     * @param criticalPath the ids of the critical path, first to last
     * @param criticalHours the estimated hours of the critical path
     * @param sequentialHours the sum of all estimates
     */
    public record Analysis(
            int levels, int width, List<String> criticalPath, double criticalHours, double sequentialHours) {
        public Analysis {
            criticalPath = List.copyOf(criticalPath);
        }
    }

    /**
     * One achievement of the report.
     *
     * @param id its id
     * @param title its title ({@code ""} when none)
     * @param dependencies the ids it depends on that name an achievement of the plan, without repeats
     * @param estimate the estimate as written, or {@code null}
     * @param estimateHours the hours analysis counts for it
     * @param executor who runs it, or {@code null}
     * @param optional whether its failure only makes a run UNSTABLE
     * @param level its level (0 for no dependencies)
     * @param critical whether it lies on the critical path
     * @param state its state (a run state such as {@code FAILED}, or a folder status such as {@code complete}),
     *     or {@code null} when unknown
     * @param reason why it is in that state (e.g. {@code exit 2 after 2 attempts}, a skip reason), or {@code null}
     * @param blockedBy for a BLOCKED achievement, the chain of ids to the root cause, nearest first; else empty
     * @param attempts its attempts in order (empty when it never ran)
     * @param logTail the end of its last failed attempt's log, or {@code null}
     */
    public record Entry(
            String id,
            String title,
            List<String> dependencies,
            String estimate,
            double estimateHours,
            String executor,
            boolean optional,
            int level,
            boolean critical,
            String state,
            String reason,
            List<String> blockedBy,
            List<Attempt> attempts,
            String logTail) {
        public Entry {
            Objects.requireNonNull(id, "id cannot be null");
            title = title == null ? "" : title;
            dependencies = List.copyOf(dependencies);
            blockedBy = List.copyOf(blockedBy);
            attempts = List.copyOf(attempts);
        }

        /** The same entry with run data. */
        public Entry withRun(String state, String reason, List<String> blockedBy, List<Attempt> attempts,
                String logTail) {
            return new Entry(id, title, dependencies, estimate, estimateHours, executor, optional, level, critical,
                    state, reason, blockedBy, attempts, logTail);
        }

        /**
         * The blocked-by chain for display, nearest first: whole up to three links, else the two nearest, how many
         * are left out, and the root cause ({@code 2.3 ← 2.2 ← … 4 more … ← 1.1}). Empty when not blocked.
         */
        public String blockedByText() {
            if (blockedBy.size() <= 3) {
                return String.join(" ← ", blockedBy);
            }
            return blockedBy.get(0) + " ← " + blockedBy.get(1) + " ← … " + (blockedBy.size() - 3) + " more … ← "
                    + blockedBy.get(blockedBy.size() - 1);
        }

        /** The time spent in its finished attempts, or {@code null} when no attempt finished. */
        public Duration duration() {
            Duration total = null;
            for (Attempt a : attempts) {
                Duration d = a.duration();
                if (d != null) {
                    total = total == null ? d : total.plus(d);
                }
            }
            return total;
        }
    }

    /**
     * One attempt of an achievement.
     *
     * @param number 1 for the first attempt
     * @param startedAt when it started
     * @param finishedAt when it ended, or {@code null} while running
     * @param exitCode the process's exit code, or {@code null}
     * @param outcome how it ended ({@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT}, ...), or {@code null}
     *     while running
     */
    public record Attempt(int number, Instant startedAt, Instant finishedAt, Integer exitCode, String outcome) {
        public Attempt {
            Objects.requireNonNull(startedAt, "startedAt cannot be null");
            if (finishedAt != null && finishedAt.isBefore(startedAt)) {
                throw new IllegalArgumentException("an attempt cannot finish before it starts");
            }
        }

        /** How long it took, or {@code null} while running. */
        public Duration duration() {
            return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
        }
    }
}
