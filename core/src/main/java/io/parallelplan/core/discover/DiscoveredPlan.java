package io.parallelplan.core.discover;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a PLAN markdown says: its achievements in order of first appearance, and what reading it found (achievements
 * without a dependency statement, ids a statement names that are not in the plan, a cycle).
 *
 * @param name the plan name ({@code PLAN_<NAME>.md} gives NAME)
 * @param source the markdown file
 * @param achievements in order of first appearance
 * @param findings what reading found; an error (a stated cycle) means no {@code parallel.json} can be written
 */
public record DiscoveredPlan(String name, Path source, List<DiscoveredAchievement> achievements,
        List<Finding> findings) {
    public DiscoveredPlan {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(source, "source cannot be null");
        achievements = List.copyOf(achievements);
        findings = List.copyOf(findings);
    }

    /** The achievement with this id. */
    public Optional<DiscoveredAchievement> achievement(String id) {
        return achievements.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Ids of achievements whose dependencies the text does not state, in order. */
    public List<String> withoutStatement() {
        return achievements.stream().filter(a -> !a.stated()).map(DiscoveredAchievement::id).toList();
    }

    /** Whether a {@code parallel.json} can be written (no error finding, such as a stated cycle). */
    public boolean isWritable() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The plan as a model: stated dependencies only, estimates and priorities as found. */
    public Plan toPlan() {
        List<Achievement> list = new ArrayList<>(achievements.size());
        for (int i = 0; i < achievements.size(); i++) {
            DiscoveredAchievement d = achievements.get(i);
            list.add(Achievement.builder(d.id())
                    .title(d.title())
                    .dependsOn(d.dependencies())
                    .estimate(d.estimate())
                    .priority(d.priority())
                    .location(d.location())
                    .position(i)
                    .build());
        }
        return new Plan(source, name, "level_2", list, io.parallelplan.core.model.PlanClaims.NONE, Map.of());
    }

    /** Index of achievements by id. */
    Map<String, DiscoveredAchievement> byId() {
        Map<String, DiscoveredAchievement> map = new HashMap<>(achievements.size() * 2);
        achievements.forEach(a -> map.put(a.id(), a));
        return map;
    }
}
