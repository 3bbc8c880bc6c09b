package io.parallelplan.core.pipeline;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Severity;
import io.parallelplan.core.validate.ValidationReport;

/** The console lines a Pipeline step prints about a plan's findings. */
public final class ConsoleLines {
    private ConsoleLines() {}

    /** {@code plans/X/parallel.json:12:5: ERROR unknown-dependency: message} (no position when unknown). */
    public static String finding(String file, Finding finding) {
        StringBuilder line = new StringBuilder(file);
        if (finding.location().isKnown()) {
            line.append(':').append(finding.location().line()).append(':').append(finding.location().column());
        }
        return line.append(": ").append(finding.severity()).append(' ').append(finding.code()).append(": ")
                .append(finding.message()).toString();
    }

    /** {@code plans/X/parallel.json: 2 errors, 1 warning, 0 notes}. */
    public static String counts(String file, ValidationReport report) {
        int errors = report.errors().size();
        int warnings = report.warnings().size();
        int notes = report.bySeverity(Severity.INFO).size();
        return file + ": " + plural(errors, "error") + ", " + plural(warnings, "warning") + ", "
                + plural(notes, "note");
    }

    /** The message a step fails with when a plan it must run has errors (the errors were printed above it). */
    public static String invalidPlan(String file, ValidationReport report) {
        int errors = report.errors().size();
        return file + " is not a valid plan: " + plural(errors, "error") + " (listed above); fix "
                + (errors == 1 ? "it" : "them") + " and run again, or check locally with: parallel-plan validate "
                + file;
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
