package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.parallelplan.core.pipeline.PlanData;
import io.parallelplan.core.validate.LoadedPlan;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Reads the plan on a pool thread (the file may sit on an agent) and returns core's plain data. */
final class ReadParallelPlanExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "only used when starting")
    private final transient ReadParallelPlanStep step;

    ReadParallelPlanExecution(ReadParallelPlanStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        TaskListener listener = getContext().get(TaskListener.class);
        String file = PlanReading.normalize("file", step.getFile());
        LoadedPlan plan = PlanReading.loadValid(getContext().get(FilePath.class), listener, file);
        return PlanData.of(plan, file);
    }
}
