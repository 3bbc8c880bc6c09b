package io.parallelplan.core.validate;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Severity;
import java.util.Comparator;
import java.util.List;

/**
 * Every finding about one plan, sorted by line and column (findings without a location last), and the dependency
 * cycles behind its {@code cycle} findings. The plan is valid when no finding is an error.
 *
 * @param findings every finding, in report order
 * @param cycles each strongly connected component of the plan (and of each achievement's {@code sub_executions}),
 *     once, in plan order
 */
public record ValidationReport(List<Finding> findings, List<DependencyCycle> cycles) {
    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().isKnown() ? 0 : 1)
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column());

    public ValidationReport {
        findings = findings.stream().sorted(ORDER).toList();
        cycles = List.copyOf(cycles);
    }

    /** A report of these findings, without cycle details. */
    public ValidationReport(List<Finding> findings) {
        this(findings, List.of());
    }

    /** Whether no finding is an error. */
    public boolean isValid() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The findings of one severity, in report order. */
    public List<Finding> bySeverity(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** How many findings have this severity. */
    public int count(Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    public List<Finding> errors() {
        return bySeverity(Severity.ERROR);
    }

    public List<Finding> warnings() {
        return bySeverity(Severity.WARNING);
    }

    public List<Finding> infos() {
        return bySeverity(Severity.INFO);
    }
}
