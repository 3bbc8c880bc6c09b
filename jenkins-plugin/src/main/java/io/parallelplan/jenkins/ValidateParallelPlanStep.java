package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
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
        return new ValidateParallelPlanExecution(this, context);
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
}
