package io.parallelplan.jenkins;

import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.schedule.BlockedChain;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.schedule.RunStatus;
import java.io.PrintStream;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs when the {@code parallelPlan} body ends: closes the run, prints core's count line and blocked-by chains, and
 * sets the build result by the policy. The step returns normally (as {@code catchError} does), or passes on the
 * body's own failure.
 */
final class BlockCallback extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;

    private final PlanRunRef ref;

    BlockCallback(PlanRunRef ref) {
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
            PlanRunState state = PlanRuns.get(ref, context);
            RunResult result = state.finish();
            PlanRuns.remove(ref);
            PrintStream out = context.get(TaskListener.class).getLogger();
            result.stopReason()
                    .ifPresent(reason -> out.println(ConsoleLines.clean("The run stopped starting work: " + reason)));
            out.println(ConsoleLines.clean(result.countLine()));
            for (BlockedChain chain : result.blockedChains()) {
                out.println("  " + ConsoleLines.clean(chain.text()));
            }
            if (result.status() != RunStatus.SUCCESS) {
                context.get(Run.class)
                        .setResult(Result.fromString(result.status().name()));
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
