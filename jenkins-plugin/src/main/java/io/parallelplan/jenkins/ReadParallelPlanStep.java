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

/**
 * {@code readParallelPlan file: 'plans/X/parallel.json'}: reads a plan from the workspace, prints its warnings, fails
 * with every error when it is invalid, and returns plain data for building one branch per achievement.
 */
public class ReadParallelPlanStep extends Step {
    private final String file;

    @DataBoundConstructor
    public ReadParallelPlanStep(String file) {
        this.file = file;
    }

    public String getFile() {
        return file;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new ReadParallelPlanExecution(this, context);
    }

    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "readParallelPlan";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Read a Parallel Plan (parallel.json) as data";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }
    }
}
