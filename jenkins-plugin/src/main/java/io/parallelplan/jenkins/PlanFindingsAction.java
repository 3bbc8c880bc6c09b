package io.parallelplan.jenkins;

import hudson.model.Run;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.pipeline.PlanCheck;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.validate.ValidationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The findings of one {@code validateParallelPlan} call, on the build page and in {@code /api/json}: core's rows
 * ({@link PlanCheck#rows}). Unchanged once attached; saved with the build.
 */
@ExportedBean
public class PlanFindingsAction extends PlanBuildAction {
    private final String file;
    private final String planMarkdown;
    private final String result;
    private final String counts;
    private final int number;
    private final List<Map<String, Object>> findings;

    private PlanFindingsAction(String file, String planMarkdown, String result, String counts, int number,
            List<Map<String, Object>> findings) {
        this.file = file;
        this.planMarkdown = planMarkdown;
        this.result = result;
        this.counts = counts;
        this.number = number;
        this.findings = findings;
    }

    static PlanFindingsAction attach(
            Run<?, ?> run, String file, String planMarkdown, ValidationReport report, RunStatus verdict) {
        synchronized (run) {
            int number = run.getActions(PlanFindingsAction.class).size() + 1;
            PlanFindingsAction action = new PlanFindingsAction(file, planMarkdown, verdict.name(),
                    ConsoleLines.counts(file, report), number, PlanCheck.rows(report));
            run.addAction(action);
            return action;
        }
    }

    @Override
    public String getDisplayName() {
        return "Parallel Plan findings: " + file;
    }

    @Override
    public String getUrlName() {
        return "parallel-plan-findings-" + number;
    }

    @Exported
    public String getFile() {
        return file;
    }

    @Exported
    public String getPlanMarkdown() {
        return planMarkdown;
    }

    /** SUCCESS, UNSTABLE or FAILURE. */
    @Exported
    public String getResult() {
        return result;
    }

    @Exported
    public String getCounts() {
        return counts;
    }

    /** Copies of the rows: {@code severity}, {@code code}, {@code message}, {@code achievement}, {@code position}. */
    @Exported
    public List<Map<String, Object>> getFindings() {
        return findings.stream().<Map<String, Object>>map(LinkedHashMap::new).toList();
    }
}
