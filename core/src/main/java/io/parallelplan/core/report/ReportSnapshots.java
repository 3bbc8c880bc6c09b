package io.parallelplan.core.report;

import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds {@link ReportSnapshot}s: from a plan alone, from a plan with the statuses of its folder, and (through
 * {@link #withRun}) from a run. The plan's analysis (levels, critical path) is computed here once.
 */
public final class ReportSnapshots {
    private ReportSnapshots() {}

    /**
     * A snapshot of a plan without states.
     *
     * @throws IllegalArgumentException if the graph has a cycle (validate the plan first)
     */
    public static ReportSnapshot ofPlan(Plan plan, PlanGraph graph) {
        return ofPlan(plan, graph, Map.of());
    }

    /**
     * A snapshot of a plan with the status of each achievement as its folder says (e.g. {@code complete},
     * {@code execution_created}); statuses are upper-cased, achievements missing from the map have no state.
     *
     * @throws IllegalArgumentException if the graph has a cycle (validate the plan first)
     */
    public static ReportSnapshot ofPlan(Plan plan, PlanGraph graph, Map<String, String> statuses) {
        Objects.requireNonNull(plan, "plan cannot be null");
        Objects.requireNonNull(graph, "graph cannot be null");
        Objects.requireNonNull(statuses, "statuses cannot be null");
        PlanAnalyzer analyzer = new PlanAnalyzer();
        PlanAnalysis analysis = analyzer.analyze(graph, Integer.MAX_VALUE);
        int n = graph.size();
        int[] level = new int[n];
        for (int l = 0; l < analysis.levels().size(); l++) {
            for (String id : analysis.levels().get(l)) {
                level[graph.indexOf(id)] = l;
            }
        }
        Set<String> critical = new HashSet<>(analysis.criticalPath().ids());
        List<ReportSnapshot.Entry> entries = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            Achievement a = graph.achievement(v);
            List<String> deps = dependencies(graph, v, a);
            String status = statuses.get(a.id());
            entries.add(new ReportSnapshot.Entry(
                    a.id(),
                    a.title(),
                    deps,
                    a.estimate().raw(),
                    analyzer.hours(a),
                    a.executor(),
                    a.optional(),
                    level[v],
                    critical.contains(a.id()) && graph.indexOf(a.id()) == v,
                    status == null ? null : status.toUpperCase(Locale.ROOT),
                    null,
                    List.of(),
                    List.of(),
                    null));
        }
        ReportSnapshot.Analysis summary = new ReportSnapshot.Analysis(
                analysis.levels().size(),
                analysis.width(),
                analysis.criticalPath().ids(),
                analysis.criticalPath().hours(),
                analysis.sequentialHours());
        return new ReportSnapshot(
                plan.name(),
                statuses.isEmpty() ? ReportSnapshot.Source.PLAN : ReportSnapshot.Source.FILESYSTEM,
                null,
                null,
                null,
                List.of(),
                summary,
                entries);
    }

    /**
     * The ids node {@code v} depends on in the graph: the achievement's own list when it is the same (as in any valid
     * plan), so that a snapshot of a large plan holds no second copy of every dependency list.
     */
    private static List<String> dependencies(PlanGraph graph, int v, Achievement a) {
        List<String> written = a.dependencies();
        int count = graph.dependencyCount(v);
        boolean same = written.size() == count;
        for (int k = 0; same && k < count; k++) {
            same = graph.id(graph.dependency(v, k)).equals(written.get(k));
        }
        if (same) {
            return written;
        }
        List<String> deps = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            deps.add(graph.id(graph.dependency(v, k)));
        }
        return deps;
    }

    /**
     * The snapshot of a plan with a run's data laid over it.
     *
     * @param plan the plan-only snapshot ({@link #ofPlan})
     * @param runId the run's id
     * @param result the run's result, or {@code null} while it runs
     * @param countLine the run's count line, or {@code null}
     * @param chains the blocked-by chains, one line each
     * @param runs the run data of each achievement by id; achievements missing here keep no state
     */
    public static ReportSnapshot withRun(
            ReportSnapshot plan,
            String runId,
            String result,
            String countLine,
            List<String> chains,
            Map<String, RunData> runs) {
        Objects.requireNonNull(runId, "runId cannot be null");
        List<ReportSnapshot.Entry> entries = new ArrayList<>(plan.entries().size());
        for (ReportSnapshot.Entry e : plan.entries()) {
            RunData r = runs.get(e.id());
            entries.add(r == null
                    ? e.withRun(null, null, List.of(), List.of(), null)
                    : e.withRun(r.state(), r.reason(), r.blockedBy(), r.attempts(), r.logTail()));
        }
        return new ReportSnapshot(plan.planName(), ReportSnapshot.Source.RUN, runId, result, countLine, chains,
                plan.analysis(), entries);
    }

    /**
     * What a run knows about one achievement.
     *
     * @param state its state name, e.g. {@code FAILED}
     * @param reason why (exit code and attempts, skip reason), or {@code null}
     * @param blockedBy the chain of ids to the root cause, nearest first (empty unless BLOCKED)
     * @param attempts its attempts in order
     * @param logTail the end of its last failed attempt's log, or {@code null}
     */
    public record RunData(
            String state,
            String reason,
            List<String> blockedBy,
            List<ReportSnapshot.Attempt> attempts,
            String logTail) {
        public RunData {
            Objects.requireNonNull(state, "state cannot be null");
            blockedBy = List.copyOf(blockedBy);
            attempts = List.copyOf(attempts);
        }
    }
}
