package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.pipeline.PlanCheck;
import io.parallelplan.core.pipeline.ValidationVerdict;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.validate.ValidationReport;
import java.io.PrintStream;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Validates one plan (and its drift against the PLAN markdown) on a pool thread, prints every finding, sets the
 * build result by core's verdict and keeps the findings on the build. Returns the number of errors.
 */
final class ValidateParallelPlanExecution extends SynchronousNonBlockingStepExecution<Integer> {
    private static final long serialVersionUID = 1L;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "only used when starting")
    private final transient ValidateParallelPlanStep step;

    ValidateParallelPlanExecution(ValidateParallelPlanStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Integer run() throws Exception {
        FilePath workspace = getContext().get(FilePath.class);
        PrintStream out = getContext().get(TaskListener.class).getLogger();
        Run<?, ?> run = getContext().get(Run.class);
        String file = PlanReading.normalize("file", step.getFile());
        String markdownFile =
                step.getPlanMarkdown() == null ? null : PlanReading.normalize("planMarkdown", step.getPlanMarkdown());
        String json = WorkspaceFile.read(workspace, "file", file);
        String markdown = markdownFile == null ? null : WorkspaceFile.read(workspace, "planMarkdown", markdownFile);
        ValidationReport report = PlanCheck.of(json, file, markdown, markdownFile);
        for (Finding finding : report.findings()) {
            out.println(ConsoleLines.finding(file, finding));
        }
        out.println(ConsoleLines.counts(file, report));
        RunStatus verdict = ValidationVerdict.of(report, step.isStrict());
        PlanFindingsAction.attach(run, file, markdownFile, report, verdict);
        if (verdict != RunStatus.SUCCESS) {
            run.setResult(Result.fromString(verdict.name()));
        }
        return report.errors().size();
    }
}
