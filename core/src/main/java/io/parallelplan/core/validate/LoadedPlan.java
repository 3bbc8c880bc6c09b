package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Plan;
import java.util.Objects;

/**
 * A plan read and validated, with its graph built once: what every command that goes beyond validation starts
 * from.
 */
public record LoadedPlan(Plan plan, PlanGraph graph, ValidationReport report) {
    public LoadedPlan {
        Objects.requireNonNull(plan, "plan cannot be null");
        Objects.requireNonNull(graph, "graph cannot be null");
        Objects.requireNonNull(report, "report cannot be null");
    }

    /** This plan, if it has no errors. */
    public LoadedPlan requireValid() {
        if (!report.isValid()) {
            throw new InvalidPlanException(plan.source().orElse(null), report);
        }
        return this;
    }
}
