package io.parallelplan.core.validate;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Severity;
import java.util.Comparator;
import java.util.List;

/**
 * Every finding about one plan, sorted by line and column (findings without a location last). The plan is valid
 * when no finding is an error.
 */
public record ValidationReport(List<Finding> findings) {
    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().isKnown() ? 0 : 1)
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column());

    public ValidationReport {
        findings = findings.stream().sorted(ORDER).toList();
    }

    /** Whether no finding is an error. */
    public boolean isValid() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The findings of one severity, in report order. */
    public List<Finding> bySeverity(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    public List<Finding> errors() {
        return bySeverity(Severity.ERROR);
    }

    public List<Finding> warnings() {
        return bySeverity(Severity.WARNING);
    }
}
