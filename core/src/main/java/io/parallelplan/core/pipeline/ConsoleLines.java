package io.parallelplan.core.pipeline;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Severity;
import io.parallelplan.core.schedule.BlockedChain;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.validate.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The console lines a Pipeline step prints about a plan, in the same shape as the CLI's
 * ({@code file:line:col: severity [code] achievement: message}), with control characters shown as {@code \}{@code uXXXX}
 * so that text from a plan can never forge a console line.
 */
public final class ConsoleLines {
    private ConsoleLines() {}

    /** {@code plans/X/parallel.json:12:5: error [unknown-dependency] 2.1: message} (no position when unknown). */
    public static String finding(String file, Finding finding) {
        return finding(file, finding, UnaryOperator.identity());
    }

    /**
     * {@link #finding(String, Finding)} with the severity label passed through {@code severityStyle} (the CLI
     * colours it on a terminal); everything taken from the plan is cleaned, the style's output is not.
     */
    public static String finding(String file, Finding finding, UnaryOperator<String> severityStyle) {
        StringBuilder line = new StringBuilder(clean(file));
        if (finding.location().isKnown()) {
            line.append(':').append(finding.location().line()).append(':').append(finding.location().column());
        }
        line.append(": ").append(severityStyle.apply(finding.severity().label()))
                .append(" [").append(clean(finding.code())).append("] ");
        if (finding.achievement() != null) {
            line.append(clean(finding.achievement())).append(": ");
        }
        return line.append(clean(finding.message())).toString();
    }

    /** One {@link #finding(String, Finding) line} per finding of a report, in report order. */
    public static List<String> findings(String file, ValidationReport report) {
        List<String> lines = new ArrayList<>(report.findings().size());
        for (Finding finding : report.findings()) {
            lines.add(finding(file, finding));
        }
        return lines;
    }

    /** {@code plans/X/parallel.json: valid plan, 0 errors, 2 warnings, 1 info} (or {@code invalid plan, ...}). */
    public static String counts(String file, ValidationReport report) {
        return clean(file + ": " + (report.isValid() ? "valid" : "invalid") + " plan, " + tally(report));
    }

    /** {@code 0 errors, 2 warnings, 1 info}. */
    public static String tally(ValidationReport report) {
        return plural(report.count(Severity.ERROR), "error") + ", " + plural(report.count(Severity.WARNING), "warning")
                + ", " + report.count(Severity.INFO) + " info";
    }

    /** The message a step fails with when a plan it must run has errors (the errors were printed above it). */
    public static String invalidPlan(String file, ValidationReport report) {
        int errors = report.count(Severity.ERROR);
        return clean(file + " is not a valid plan: " + plural(errors, "error") + " (listed above); fix "
                + (errors == 1 ? "it" : "them") + " and run again, or check locally with: parallel-plan validate "
                + file);
    }

    /**
     * What a {@code parallelPlan} block prints when it ends: why the run stopped starting work (if it did), core's
     * count line, then one indented line per blocked achievement with the chain that blocked it.
     */
    public static List<String> verdict(RunResult result) {
        List<String> lines = new ArrayList<>(result.blockedChains().size() + 2);
        result.stopReason().ifPresent(reason -> lines.add(clean("The run stopped starting work: " + reason)));
        lines.add(clean(result.countLine()));
        for (BlockedChain chain : result.blockedChains()) {
            lines.add("  " + clean(chain.text()));
        }
        return lines;
    }

    /** The text with every control character (line breaks included) written as {@code \}{@code uXXXX}. */
    public static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(control ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
