package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code achievement('2.1') { sh './build.sh' }} inside a {@code parallelPlan} block: waits, without holding an
 * executor, until the achievement's dependencies are done and a slot is free, then runs the body (retrying it as the
 * plan says). A failed body is recorded and shown on the stage; the step itself returns normally so that
 * {@code parallel} does not stop the other branches. A blocked achievement never runs its body: its stage is shown
 * as skipped.
 */
public class AchievementStep extends Step {
    private final String id;

    @DataBoundConstructor
    public AchievementStep(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new AchievementExecution(id, context);
    }

    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "achievement";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run one achievement of a Parallel Plan when its dependencies are done";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }
    }
}
