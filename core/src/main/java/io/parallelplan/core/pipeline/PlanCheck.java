package io.parallelplan.core.pipeline;

import io.parallelplan.core.discover.MarkdownDiscovery;
import io.parallelplan.core.discover.PlanDrift;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.parse.PlanReadException;
import io.parallelplan.core.validate.PlanLoader;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.ValidationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scheduled validation job reports about one plan: every validation finding and, when the PLAN markdown is
 * given, every drift finding between it and the {@code parallel.json}, in one report.
 */
public final class PlanCheck {
    private PlanCheck() {}

    /**
     * Reads, validates and compares plan text. A file that cannot be read as a plan at all (not JSON, not an object)
     * is one {@code unreadable} error; a PLAN markdown that cannot be read is one {@code unreadable-markdown} error.
     *
     * @param json the {@code parallel.json} text
     * @param file its path as the user named it
     * @param planMarkdown the PLAN markdown text, or {@code null} to skip drift
     * @param markdownFile its path as the user named it
     */
    public static ValidationReport of(String json, String file, String planMarkdown, String markdownFile) {
        LoadedPlan plan;
        try {
            plan = new PlanLoader().load(new PlanParser().parse(json, Path.of(file)));
        } catch (PlanReadException e) {
            return new ValidationReport(List.of(Finding.error("unreadable", e.problem(), null, e.location())));
        }
        try {
            return of(plan, planMarkdown, markdownFile);
        } catch (PlanReadException e) {
            List<Finding> findings = new ArrayList<>(plan.report().findings());
            findings.add(Finding.error("unreadable-markdown", markdownFile + ": " + e.problem(), null,
                    SourceLocation.UNKNOWN));
            return new ValidationReport(findings);
        }
    }

    /**
     * Reads and validates plan text a step will run or return, valid or not (its findings are in the report).
     *
     * @param json the {@code parallel.json} text
     * @param file its path as the user named it
     * @throws PipelineException when the text cannot be read as a plan at all: the one-line message, then the
     *     offending line and a caret under the column when there is one
     */
    public static LoadedPlan load(String json, String file) throws PipelineException {
        try {
            return new PlanLoader().load(new PlanParser().parse(json, Path.of(file)));
        } catch (PlanReadException e) {
            StringBuilder message = new StringBuilder(e.getMessage());
            for (String line : e.excerpt()) {
                message.append(System.lineSeparator()).append(line);
            }
            throw new PipelineException(message.toString(), e);
        }
    }

    /**
     * The findings of a report as rows for a build page and {@code /api/json}: plain, mutable maps and lists (a
     * build saves them as they are) with {@code severity}, {@code code}, {@code message}, {@code achievement} and
     * {@code position} ({@code line:column}, or empty).
     */
    public static List<Map<String, Object>> rows(ValidationReport report) {
        List<Map<String, Object>> rows = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", f.severity().name());
            row.put("code", f.code());
            row.put("message", f.message());
            row.put("achievement", f.achievement());
            row.put("position", f.location().isKnown() ? f.location().line() + ":" + f.location().column() : "");
            rows.add(row);
        }
        return rows;
    }

    /**
     * @param plan the plan as loaded (valid or not)
     * @param planMarkdown the PLAN markdown text, or {@code null} to skip drift
     * @param markdownFile its path as the user named it, for findings
     */
    public static ValidationReport of(LoadedPlan plan, String planMarkdown, String markdownFile) {
        List<Finding> findings = new ArrayList<>(plan.report().findings());
        if (planMarkdown != null) {
            Path source = Path.of(markdownFile);
            findings.addAll(new PlanDrift().compare(new MarkdownDiscovery().discover(planMarkdown, source),
                    plan.plan()).findings());
        }
        return new ValidationReport(findings);
    }
}
