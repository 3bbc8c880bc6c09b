package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.pipeline.PlanCheck;
import io.parallelplan.core.pipeline.ValidationVerdict;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.validate.ValidationReport;
import java.io.PrintStream;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code validateParallelPlan file: 'plans/X/parallel.json', planMarkdown: 'plans/X/PLAN.md', strict: true}: for
 * scheduled validation jobs. Prints every finding (with drift against the PLAN markdown when given), makes the build
 * FAILURE on errors (UNSTABLE on warnings when {@code strict}) and keeps the findings on the build page. Returns the
 * number of errors.
 */
public class ValidateParallelPlanStep extends Step {
    private final String file;
    private String planMarkdown;
    private boolean strict;

    @DataBoundConstructor
    public ValidateParallelPlanStep(String file) {
        this.file = file;
    }

    public String getFile() {
        return file;
    }

    public String getPlanMarkdown() {
        return planMarkdown;
    }

    /** The PLAN markdown to compare the plan with (drift findings); none by default. */
    @DataBoundSetter
    public void setPlanMarkdown(String planMarkdown) {
        this.planMarkdown = planMarkdown == null || planMarkdown.isBlank() ? null : planMarkdown;
    }

    public boolean isStrict() {
        return strict;
    }

    /** Whether warnings make the build UNSTABLE. */
    @DataBoundSetter
    public void setStrict(boolean strict) {
        this.strict = strict;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "validateParallelPlan";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Validate a Parallel Plan (parallel.json) and report every finding";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }
    }

    /**
     * Validates one plan (and its drift against the PLAN markdown) on a pool thread, prints every finding, sets the
     * build result by core's verdict and keeps the findings on the build. Returns the number of errors.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Integer> {
        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "only used when starting")
        private final transient ValidateParallelPlanStep step;

        Execution(ValidateParallelPlanStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Integer run() throws Exception {
            FilePath workspace = getContext().get(FilePath.class);
            PrintStream out = getContext().get(TaskListener.class).getLogger();
            Run<?, ?> run = getContext().get(Run.class);
            String file = Workspace.normalize("file", step.file);
            String markdownFile = step.planMarkdown == null ? null : Workspace.normalize("planMarkdown",
                    step.planMarkdown);
            String json = Workspace.read(workspace, "file", file);
            String markdown = markdownFile == null ? null : Workspace.read(workspace, "planMarkdown", markdownFile);
            ValidationReport report = PlanCheck.of(json, file, markdown, markdownFile);
            ConsoleLines.findings(file, report).forEach(out::println);
            out.println(ConsoleLines.counts(file, report));
            RunStatus verdict = ValidationVerdict.of(report, step.strict);
            PlanFindingsAction.attach(run, file, markdownFile, report, verdict);
            if (verdict != RunStatus.SUCCESS) {
                run.setResult(Result.fromString(verdict.name()));
            }
            return report.errors().size();
        }
    }
}
