package io.parallelplan.jenkins;

import hudson.model.Run;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.validate.ValidationReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The findings of one {@code validateParallelPlan} call, on the build page and in {@code /api/json}. Immutable once
 * attached; plain fields only (it is saved with the build).
 */
@ExportedBean
public class PlanFindingsAction extends PlanBuildAction {
    private final String file;
    private final String planMarkdown;
    private final String result;
    private final String counts;
    private final int number;
    private final List<Row> findings;

    private PlanFindingsAction(
            String file, String planMarkdown, String result, String counts, int number, List<Row> findings) {
        this.file = file;
        this.planMarkdown = planMarkdown;
        this.result = result;
        this.counts = counts;
        this.number = number;
        this.findings = findings;
    }

    static PlanFindingsAction attach(
            Run<?, ?> run, String file, String planMarkdown, ValidationReport report, RunStatus verdict) {
        List<Row> rows = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) {
            rows.add(new Row(
                    f.severity().name(),
                    f.code(),
                    f.message(),
                    f.achievement(),
                    f.location().isKnown()
                            ? f.location().line() + ":" + f.location().column()
                            : ""));
        }
        synchronized (run) {
            int number = run.getActions(PlanFindingsAction.class).size() + 1;
            PlanFindingsAction action = new PlanFindingsAction(
                    file, planMarkdown, verdict.name(), ConsoleLines.counts(file, report), number, rows);
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

    @Exported
    public List<Row> getFindings() {
        return Collections.unmodifiableList(findings);
    }

    /** One finding, as shown and exported. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Row {
        private final String severity;
        private final String code;
        private final String message;
        private final String achievement;
        private final String position;

        Row(String severity, String code, String message, String achievement, String position) {
            this.severity = severity;
            this.code = code;
            this.message = message;
            this.achievement = achievement;
            this.position = position;
        }

        @Exported
        public String getSeverity() {
            return severity;
        }

        @Exported
        public String getCode() {
            return code;
        }

        @Exported
        public String getMessage() {
            return message;
        }

        @Exported
        public String getAchievement() {
            return achievement;
        }

        /** {@code line:column}, or empty. */
        @Exported
        public String getPosition() {
            return position;
        }
    }
}
