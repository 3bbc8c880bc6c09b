package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.parallelplan.core.pipeline.BlockFolder;
import io.parallelplan.core.pipeline.PlanData;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
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
        return new Execution(this, context);
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

    /**
     * Reads the plan on a pool thread (the file may sit on an agent) and returns core's plain data. Inside a
     * {@code parallelPlan} block of the same file it returns the plan the block runs, without reading or printing
     * again, so that the branches a script builds match the block's achievements.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "only used when starting")
        private final transient ReadParallelPlanStep step;

        Execution(ReadParallelPlanStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            String file = Workspace.normalize("file", step.file);
            PlanRunRef ref = getContext().get(PlanRunRef.class);
            if (ref != null) {
                BlockFolder block = PlanRunState.get(ref, getContext()).folder();
                if (block.file().equals(file)) {
                    return PlanData.of(block.plan(), file);
                }
            }
            String json = Workspace.read(getContext().get(FilePath.class), "file", file);
            return PlanData.of(Workspace.loadValid(json, file, getContext().get(TaskListener.class)), file);
        }
    }
}
