package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.pipeline.PipelineOptions;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.validate.LoadedPlan;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code parallelPlan(file: 'plans/X/parallel.json', maxParallel: 3, failurePolicy: 'keepGoing') { parallel ... }}:
 * creates this block's scheduler, gives it to the {@code achievement} steps inside, and when the body ends sets the
 * build result by the policy, prints the count line and the blocked-by chains, and keeps the report on the build.
 */
public class ParallelPlanStep extends Step {
    private final String file;
    private int maxParallel;
    private String failurePolicy = "keepGoing";
    private double minScore = 1.0;
    private int retries;
    private int timeoutMinutes;

    @DataBoundConstructor
    public ParallelPlanStep(String file) {
        this.file = file;
    }

    public String getFile() {
        return file;
    }

    public int getMaxParallel() {
        return maxParallel;
    }

    /** At most this many achievement bodies run at once; 0 (the default) means no limit. */
    @DataBoundSetter
    public void setMaxParallel(int maxParallel) {
        this.maxParallel = maxParallel;
    }

    public String getFailurePolicy() {
        return failurePolicy;
    }

    /** {@code keepGoing} (default), {@code failFast} or {@code threshold}. */
    @DataBoundSetter
    public void setFailurePolicy(String failurePolicy) {
        this.failurePolicy = failurePolicy;
    }

    public double getMinScore() {
        return minScore;
    }

    /** For {@code threshold}: the smallest share of estimated hours that must pass (0 to 1). */
    @DataBoundSetter
    public void setMinScore(double minScore) {
        this.minScore = minScore;
    }

    public int getRetries() {
        return retries;
    }

    /** Extra attempts for an achievement whose plan entry sets no {@code retries}. */
    @DataBoundSetter
    public void setRetries(int retries) {
        this.retries = retries;
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /** Time limit of one attempt for achievements whose plan entry sets no {@code timeout_minutes}; 0: none. */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "parallelPlan";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run the achievements of a Parallel Plan in dependency order";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, FlowNode.class);
        }

        @Override
        public Set<? extends Class<?>> getProvidedContext() {
            return Set.of(PlanRunRef.class);
        }
    }

    /**
     * Reads and validates the plan, creates the block (saved in the build directory) with its build page, and runs
     * the body with the block's handle in its context; {@link Block} closes the block when the body ends.
     */
    static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "only used when starting")
        private final transient ParallelPlanStep step;

        Execution(ParallelPlanStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        public boolean start() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            String file = Workspace.normalize("file", step.file);
            RunOptions options;
            try {
                options = PipelineOptions.of(
                        step.maxParallel, step.failurePolicy, step.minScore, step.retries, step.timeoutMinutes);
            } catch (IllegalArgumentException e) {
                throw new AbortException("parallelPlan(file: '" + file + "'): " + e.getMessage());
            }
            String json = Workspace.read(getContext().get(FilePath.class), "file", file);
            LoadedPlan plan = Workspace.loadValid(json, file, listener);
            PlanRunRef ref = new PlanRunRef(
                    run.getExternalizableId(), getContext().get(FlowNode.class).getId());
            PlanRunState state = PlanRunState.create(run, ref, file, json, plan, options);
            listener.getLogger().println(state.page().startLine());
            getContext().newBodyInvoker().withContext(ref).withCallback(new Block(ref)).start();
            return false;
        }

        @Override
        public void onResume() {
            // the body resumes by itself; the block is restored from the build directory when a step asks for it
        }
    }

    /**
     * Runs when the body ends: closes the block, prints core's verdict lines and sets the build result by the
     * policy. The step returns normally (as {@code catchError} does), or passes on the body's own failure.
     */
    static final class Block extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        private final PlanRunRef ref;

        Block(PlanRunRef ref) {
            this.ref = ref;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            close(context, null);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            close(context, t);
        }

        private void close(StepContext context, Throwable failure) {
            try {
                RunResult result = PlanRunState.get(ref, context).finish();
                TaskListener listener = context.get(TaskListener.class);
                for (String line : ConsoleLines.verdict(result)) {
                    listener.getLogger().println(line);
                }
                if (result.status() != RunStatus.SUCCESS) {
                    context.get(Run.class).setResult(Result.fromString(result.status().name()));
                }
            } catch (Exception e) {
                context.onFailure(failure != null ? failure : e);
                return;
            }
            if (failure != null) {
                context.onFailure(failure);
            } else {
                context.onSuccess(null);
            }
        }
    }
}
