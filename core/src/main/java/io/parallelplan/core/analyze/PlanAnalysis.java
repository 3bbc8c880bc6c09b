package io.parallelplan.core.analyze;

import java.util.List;
import java.util.Objects;

/**
 * The analysis of one valid plan.
 *
 * @param levels achievement ids by level (wave): level 0 has no dependencies, level k depends on something of level
 *     k-1; plan order within a level
 * @param criticalPath the longest dependency chain by estimated hours
 * @param width the size of the largest level
 * @param sequentialHours the sum of all estimates (one person doing everything in order)
 * @param executors the number of executors the makespan was computed for ({@link PlanAnalyzer#UNLIMITED}: as many
 *     as can be used)
 * @param makespanHours the finish time of critical-path list scheduling on that many executors (named
 *     {@code executor}s run one at a time)
 * @param peakExecutors the most achievements that schedule runs at once: with unlimited executors, how many it takes
 *     to finish in {@code makespanHours} (it can exceed {@code width}, since levels overlap in time)
 * @param bound which end of range estimates was counted
 */
public record PlanAnalysis(
        List<List<String>> levels,
        CriticalPath criticalPath,
        int width,
        double sequentialHours,
        int executors,
        double makespanHours,
        int peakExecutors,
        EstimateBound bound) {

    public PlanAnalysis {
        levels = levels.stream().map(List::copyOf).toList();
        Objects.requireNonNull(criticalPath, "criticalPath cannot be null");
        Objects.requireNonNull(bound, "bound cannot be null");
        if (executors < 1) {
            throw new IllegalArgumentException("executors must be at least 1");
        }
    }

    /** Whether the makespan assumes as many executors as can be used. */
    public boolean unlimitedExecutors() {
        return executors == PlanAnalyzer.UNLIMITED;
    }

    /** Hours saved against doing everything in sequence. */
    public double savingHours() {
        return sequentialHours - makespanHours;
    }

    /** The saving as a fraction of the sequential time (0 for an empty plan). */
    public double savingFraction() {
        return sequentialHours <= 0 ? 0 : savingHours() / sequentialHours;
    }

    /** The lower bound no schedule can beat: max(critical path, sequential hours ÷ executors). */
    public double lowerBoundHours() {
        double perExecutor = unlimitedExecutors() ? 0 : sequentialHours / executors;
        return Math.max(criticalPath.hours(), perExecutor);
    }

    /**
     * The longest chain of dependencies by estimated hours.
     *
     * @param ids from the first achievement to the last
     * @param hours the sum of their estimates
     */
    public record CriticalPath(List<String> ids, double hours) {
        public CriticalPath {
            ids = List.copyOf(ids);
        }
    }
}
