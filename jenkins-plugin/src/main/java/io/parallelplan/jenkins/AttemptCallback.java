package io.parallelplan.jenkins;

import hudson.AbortException;
import io.parallelplan.core.schedule.AttemptOutcome;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Reports how one attempt of an achievement's body ended to the block's scheduler. */
final class AttemptCallback extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;

    private final PlanRunRef ref;
    private final String id;

    AttemptCallback(PlanRunRef ref, String id) {
        this.ref = ref;
        this.id = id;
    }

    @Override
    public void onSuccess(StepContext context, Object result) {
        report(context, AttemptOutcome.success(), null);
    }

    @Override
    public void onFailure(StepContext context, Throwable t) {
        if (t instanceof FlowInterruptedException interrupted) {
            for (CauseOfInterruption cause : interrupted.getCauses()) {
                if (cause instanceof PlanStop stop) {
                    report(
                            context,
                            stop.isTimeout()
                                    ? AttemptOutcome.timeout(stop.reason())
                                    : AttemptOutcome.interrupted(stop.reason()),
                            null);
                    return;
                }
            }
            if (interrupted.isActualInterruption()) {
                // aborted from outside (the user, a timeout step around the block): record it, then pass it on
                report(context, AttemptOutcome.interrupted("aborted: " + interrupted.getMessage()), t);
                return;
            }
        }
        String message = t instanceof AbortException ? t.getMessage() : t.toString();
        report(context, AttemptOutcome.failure(message), null);
    }

    private void report(StepContext context, AttemptOutcome outcome, Throwable passOn) {
        try {
            PlanRuns.get(ref, context).attemptEnded(id, outcome, passOn);
        } catch (Exception e) {
            context.onFailure(e);
        }
    }
}
