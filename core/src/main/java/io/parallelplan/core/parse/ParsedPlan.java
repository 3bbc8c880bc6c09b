package io.parallelplan.core.parse;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Plan;
import java.util.List;
import java.util.Objects;

/**
 * A plan as read, with what reading it found (fields of the wrong type, a missing {@code achievements} array,
 * unknown fields). Validation adds the graph's findings to these.
 */
public record ParsedPlan(Plan plan, List<Finding> findings) {
    public ParsedPlan {
        Objects.requireNonNull(plan, "plan cannot be null");
        findings = List.copyOf(findings);
    }
}
