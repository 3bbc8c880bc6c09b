package io.parallelplan.core.pipeline;

import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.validate.LoadedPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plain data (maps, lists, strings, numbers, booleans) a Pipeline script receives for a valid plan: safe to
 * keep in a sandboxed, serialised Pipeline program.
 *
 * <p>Keys: {@code name}, {@code file}, {@code achievements} (in critical-path order: longest remaining path of
 * hours first, then plan order — the order the scheduler prefers), {@code levels}, {@code criticalPath},
 * {@code criticalPathHours}, {@code width}. Each achievement: {@code id}, {@code title}, {@code dependencies},
 * {@code level}, {@code executor} (null when absent), {@code estimate} (hours), {@code optional}.
 */
public final class PlanData {
    private PlanData() {}

    /**
     * The plain data of a valid plan.
     *
     * @param plan a loaded plan without errors
     * @param file the path the user named, shown back as {@code file}
     * @throws IllegalArgumentException if the plan has errors
     */
    public static Map<String, Object> of(LoadedPlan plan, String file) {
        Objects.requireNonNull(plan, "plan cannot be null");
        if (!plan.report().isValid()) {
            throw new IllegalArgumentException("the plan has errors; validate it before reading its data");
        }
        PlanGraph graph = plan.graph();
        PlanAnalyzer analyzer = new PlanAnalyzer();
        PlanAnalysis analysis = analyzer.analyze(graph, Integer.MAX_VALUE);
        double[] remaining = analyzer.remainingHours(graph);
        int[] levelOf = new int[graph.size()];
        List<Object> levels = new ArrayList<>();
        for (int level = 0; level < analysis.levels().size(); level++) {
            List<String> ids = analysis.levels().get(level);
            for (String id : ids) {
                levelOf[graph.indexOf(id)] = level;
            }
            levels.add(Collections.unmodifiableList(new ArrayList<>(ids)));
        }
        List<Integer> order = new ArrayList<>(graph.size());
        for (int v = 0; v < graph.size(); v++) {
            order.add(v);
        }
        order.sort(Comparator.comparingDouble((Integer v) -> -remaining[v]).thenComparingInt(v -> v));
        List<Object> achievements = new ArrayList<>(order.size());
        for (int v : order) {
            achievements.add(achievement(graph.achievement(v), levelOf[v]));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", plan.plan().name());
        data.put("file", file);
        data.put("achievements", Collections.unmodifiableList(achievements));
        data.put("levels", Collections.unmodifiableList(levels));
        data.put("criticalPath", Collections.unmodifiableList(new ArrayList<>(analysis.criticalPath().ids())));
        data.put("criticalPathHours", analysis.criticalPath().hours());
        data.put("width", analysis.width());
        return Collections.unmodifiableMap(data);
    }

    private static Map<String, Object> achievement(Achievement a, int level) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", a.id());
        map.put("title", a.title());
        map.put("dependencies", Collections.unmodifiableList(new ArrayList<>(a.dependencies())));
        map.put("level", level);
        map.put("executor", a.executor());
        map.put("estimate", a.estimate().hours());
        map.put("optional", a.optional());
        return Collections.unmodifiableMap(map);
    }
}
