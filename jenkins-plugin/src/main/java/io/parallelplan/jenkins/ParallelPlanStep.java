package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
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
        return new ParallelPlanExecution(this, context);
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
}
