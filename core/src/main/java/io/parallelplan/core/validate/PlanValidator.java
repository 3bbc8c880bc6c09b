package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.parse.ParsedPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every problem in a parsed plan at once and never stops at the first. Every finding has a severity, a stable
 * kebab-case code (listed in {@code docs/format.md}), a message that says how to fix it, the achievement and the
 * line and column.
 *
 * <ul>
 *   <li>Errors: {@code missing-achievements} (from the parser), {@code missing-id}, {@code invalid-id},
 *       {@code duplicate-id}, {@code unknown-dependency} (with "did you mean"), {@code self-dependency},
 *       {@code cycle} (each strongly connected component once, as a real cycle path with the dependencies that
 *       break it); the same inside each achievement's {@code sub_executions}.
 *   <li>Warnings, drift between hand-written claims and the graph: {@code blocks-not-dependent},
 *       {@code blocks-missing-dependent}, {@code parallel-claim-contradicted}, {@code unknown-claim-id},
 *       {@code priority-group-missing}, {@code priority-group-conflict}, {@code cross-dependency-drift},
 *       {@code cross-dependency-unlisted}, {@code wave-order}, {@code wave-membership},
 *       {@code critical-path-drift}, {@code total-achievements-drift}; and {@code unknown-status},
 *       {@code invalid-estimate}, {@code duplicate-dependency}; {@code id-not-file-name} and
 *       {@code id-file-collision} (ids the methodology's file names cannot carry); from the parser, the header
 *       fields the methodology requires ({@code missing-plan-name}, {@code missing-parallelization-level},
 *       {@code unknown-parallelization-level}, {@code plan-name-not-file-name}, {@code empty-achievements}).
 *   <li>Info: {@code id-shape} (an accepted id outside the methodology's X.Y shape, with its file names);
 *       {@code unknown-field} and {@code missing-dependencies} (from the parser).
 * </ul>
 *
 * <p>Linear in achievements plus dependencies on a valid plan; checks of claims that need reachability are bounded
 * per claim. Instances are stateless and thread-safe.
 */
public final class PlanValidator {
    /** Validates a plan, building its graph. */
    public ValidationReport validate(ParsedPlan parsed) {
        return validate(parsed, PlanGraph.of(parsed.plan().achievements()));
    }

    /** Validates a plan whose graph the caller already built (once per plan). */
    public ValidationReport validate(ParsedPlan parsed, PlanGraph graph) {
        List<Finding> findings = new ArrayList<>(parsed.findings());
        List<DependencyCycle> cycles = new ArrayList<>();
        int[] order = new ListChecks(graph, null, findings, cycles).run();
        new FileNameChecks(parsed.plan(), graph, findings).run();
        for (int i = 0; i < graph.size(); i++) {
            Achievement a = graph.achievement(i);
            if (!a.subExecutions().isEmpty()) {
                String scope = Ids.label(null, a, i);
                new ListChecks(PlanGraph.of(a.subExecutions()), scope, findings, cycles).run();
            }
        }
        new PlanClaimChecks(parsed.plan(), graph, order, findings).run();
        return new ValidationReport(findings, cycles);
    }
}
