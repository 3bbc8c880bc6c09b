package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.parse.ParsedPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every problem in a parsed plan at once. (First cut: unknown dependencies and cycles; the full set of checks
 * is being added.)
 */
public final class PlanValidator {
    /** Validates a plan, building its graph. */
    public ValidationReport validate(ParsedPlan parsed) {
        return validate(parsed, PlanGraph.of(parsed.plan().achievements()));
    }

    /** Validates a plan whose graph the caller already built (once per plan). */
    public ValidationReport validate(ParsedPlan parsed, PlanGraph graph) {
        List<Finding> findings = new ArrayList<>(parsed.findings());
        for (Achievement a : parsed.plan().achievements()) {
            for (int i = 0; i < a.dependencies().size(); i++) {
                String d = a.dependencies().get(i);
                if (graph.indexOf(d) < 0) {
                    findings.add(Finding.error("unknown-dependency", "depends on \"" + d
                            + "\", which is not an achievement of this plan", a.id(), a.dependencyLocations().get(i)));
                }
            }
        }
        for (int[] component : graph.cyclicComponents()) {
            Achievement first = graph.achievement(component[0]);
            findings.add(Finding.error("cycle", "dependency cycle among " + component.length + " achievements",
                    first.id(), first.location()));
        }
        return new ValidationReport(findings);
    }
}
