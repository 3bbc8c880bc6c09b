package io.parallelplan.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The hand-written analysis a {@code parallel.json} may carry besides its achievements. None of it drives
 * scheduling: validation checks each claim against the dependency graph and reports drift as warnings.
 *
 * @param priorityGroups {@code priority_groups}
 * @param crossPriorityDependencies {@code cross_priority_dependencies}
 * @param waves {@code parallel_execution_waves}, in file order
 * @param criticalPath {@code critical_path_analysis}, or {@code null}
 * @param totalAchievements {@code total_achievements}, or {@code null}
 */
public record PlanClaims(
        List<PriorityGroup> priorityGroups,
        List<CrossDependency> crossPriorityDependencies,
        List<Wave> waves,
        CriticalPathClaim criticalPath,
        Integer totalAchievements) {

    /** A plan that claims nothing. */
    public static final PlanClaims NONE = new PlanClaims(List.of(), List.of(), List.of(), null, null);

    public PlanClaims {
        priorityGroups = List.copyOf(priorityGroups);
        crossPriorityDependencies = List.copyOf(crossPriorityDependencies);
        waves = List.copyOf(waves);
    }

    /** One entry of {@code priority_groups}: the achievements said to share a priority. */
    public record PriorityGroup(String priority, List<String> achievements, SourceLocation location) {
        public PriorityGroup {
            achievements = List.copyOf(achievements);
            Objects.requireNonNull(location, "location cannot be null");
        }
    }

    /** One entry of {@code cross_priority_dependencies}: {@code from} is said to depend on {@code to}. */
    public record CrossDependency(String from, String to, SourceLocation location) {
        public CrossDependency {
            Objects.requireNonNull(location, "location cannot be null");
        }
    }

    /**
     * One wave of {@code parallel_execution_waves}: achievements said to run together, after the waves before it.
     *
     * @param name the wave's key in the file, e.g. {@code wave_3_baseline_pipeline}
     * @param estimate its {@code estimated_hours}, or {@link Estimate#ABSENT}
     */
    public record Wave(
            String name,
            List<String> achievements,
            List<String> dependencies,
            Estimate estimate,
            SourceLocation location) {
        public Wave {
            achievements = List.copyOf(achievements);
            dependencies = List.copyOf(dependencies);
            Objects.requireNonNull(estimate, "estimate cannot be null");
            Objects.requireNonNull(location, "location cannot be null");
        }
    }

    /**
     * {@code critical_path_analysis}: the hours the author computed by hand.
     *
     * @param sequentialHours {@code sequential_time}, or {@code null}
     * @param parallelHours {@code parallel_time}, or {@code null}
     */
    public record CriticalPathClaim(Double sequentialHours, Double parallelHours, SourceLocation location) {
        public CriticalPathClaim {
            Objects.requireNonNull(location, "location cannot be null");
        }
    }
}
