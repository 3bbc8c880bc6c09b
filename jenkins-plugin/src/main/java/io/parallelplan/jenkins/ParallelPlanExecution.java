package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.pipeline.PipelineOptions;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.validate.LoadedPlan;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The {@code parallelPlan} block: reads and validates the plan, creates the run (saved in the build directory),
 * attaches the build action, and runs the body with the run's handle in its context. {@link BlockCallback} closes
 * the run when the body ends.
 */
final class ParallelPlanExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "only used when starting")
    private final transient ParallelPlanStep step;

    ParallelPlanExecution(ParallelPlanStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        FlowNode node = getContext().get(FlowNode.class);
        String file = PlanReading.normalize("file", step.getFile());
        RunOptions options;
        try {
            options = PipelineOptions.of(
                    step.getMaxParallel(),
                    step.getFailurePolicy(),
                    step.getMinScore(),
                    step.getRetries(),
                    step.getTimeoutMinutes());
        } catch (IllegalArgumentException e) {
            throw new AbortException("parallelPlan(file: '" + file + "'): " + e.getMessage());
        }
        String json = WorkspaceFile.read(getContext().get(FilePath.class), "file", file);
        LoadedPlan plan = PlanReading.parse(json, file);
        PlanReading.print(listener, file, plan);
        if (!plan.report().isValid()) {
            throw new AbortException(ConsoleLines.invalidPlan(file, plan.report()));
        }
        PlanRunRef ref = new PlanRunRef(run.getExternalizableId(), node.getId());
        ParallelPlanAction action = ParallelPlanAction.attach(run, ref.blockId(), file, plan, options);
        PlanRunState state = PlanRunState.create(run, ref, file, json, plan, step, options, action);
        PlanRuns.register(ref, state);
        listener.getLogger()
                .println(ConsoleLines.clean(
                        "Running " + file + " (" + plan.plan().achievements().size() + " achievements, "
                                + action.getPolicy() + ", " + action.getLimit() + ")"));
        getContext()
                .newBodyInvoker()
                .withContext(ref)
                .withCallback(new BlockCallback(ref))
                .start();
        return false;
    }

    @Override
    public void onResume() {
        // the body resumes by itself; the run is restored from the build directory when a step asks for it
    }
}
