package io.parallelplan.core.discover;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Severity;
import java.util.List;

/**
 * The differences between a PLAN markdown and its {@code parallel.json}, each also as a warning {@link Finding} with
 * a stable code: {@code drift-missing-in-json}, {@code drift-missing-in-markdown}, {@code drift-title},
 * {@code drift-dependencies}, {@code drift-estimate}; plus {@code drift-not-stated} informations for achievements
 * whose dependencies the PLAN does not state (they cannot be compared).
 *
 * @param missingInJson ids the PLAN has and {@code parallel.json} lacks, in PLAN order
 * @param missingInMarkdown ids {@code parallel.json} has and the PLAN lacks, in file order
 * @param titles titles that differ
 * @param dependencies dependency lists that differ, edge by edge
 * @param estimates estimates that differ
 * @param notStated ids on both sides whose dependencies the PLAN does not state
 * @param findings all of the above as findings: achievements missing in {@code parallel.json} first, then each
 *     {@code parallel.json} achievement's in file order, then the not-stated information
 */
public record DriftReport(
        List<String> missingInJson,
        List<String> missingInMarkdown,
        List<TitleDrift> titles,
        List<DependencyDrift> dependencies,
        List<EstimateDrift> estimates,
        List<String> notStated,
        List<Finding> findings) {
    public DriftReport {
        missingInJson = List.copyOf(missingInJson);
        missingInMarkdown = List.copyOf(missingInMarkdown);
        titles = List.copyOf(titles);
        dependencies = List.copyOf(dependencies);
        estimates = List.copyOf(estimates);
        notStated = List.copyOf(notStated);
        findings = List.copyOf(findings);
    }

    /** Whether the two agree on everything that can be compared. */
    public boolean inSync() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.WARNING);
    }

    /** A title that differs: {@code markdown} is the PLAN's, {@code json} the file's. */
    public record TitleDrift(String id, String markdown, String json) {}

    /**
     * Dependencies that differ for one achievement.
     *
     * @param onlyInMarkdown ids the PLAN states and {@code parallel.json} lacks
     * @param onlyInJson ids {@code parallel.json} lists and the PLAN does not state
     */
    public record DependencyDrift(String id, List<String> onlyInMarkdown, List<String> onlyInJson) {
        public DependencyDrift {
            onlyInMarkdown = List.copyOf(onlyInMarkdown);
            onlyInJson = List.copyOf(onlyInJson);
        }
    }

    /** An estimate that differs, as written on each side. */
    public record EstimateDrift(String id, String markdown, String json) {}
}
