package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.pipeline.Decisions;
import io.parallelplan.core.schedule.AttemptOutcome;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.CauseOfInterruption;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
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
        return new Execution(id, context);
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

    /**
     * Asynchronous like the {@code lock} step: {@link #start()} hands the step to its block and returns
     * {@code false}; the block later starts the body (possibly several attempts) or settles the step without running
     * it (BLOCKED, CANCELLED). No executor and no CPS thread is held while waiting.
     */
    static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;
        private static final Logger LOGGER = Logger.getLogger(Execution.class.getName());

        private final String id;
        private PlanRunRef ref;
        /** The attempt under way, or null while waiting; kept with the program so a restart finds it. */
        private BodyExecution body;
        /** When the attempt under way runs out of time (epoch millis), or 0. */
        private long deadline;
        /** The time limit of the attempt under way, for its message. */
        private int timeoutMinutes;

        private transient ScheduledFuture<?> timer;

        Execution(String id, StepContext context) {
            super(context);
            this.id = id;
        }

        String id() {
            return id;
        }

        @Override
        public boolean start() throws Exception {
            ref = getContext().get(PlanRunRef.class);
            if (ref == null) {
                throw new AbortException("achievement('" + id + "') must run inside a parallelPlan(file: ...) { }"
                        + " block; wrap the parallel branches in parallelPlan");
            }
            PlanRunState.get(ref, getContext()).arrive(this);
            return false;
        }

        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            cancelTimer();
            if (ref != null) {
                PlanRunState.get(ref, getContext()).leave(this, cause);
            }
            getContext().onFailure(cause);
        }

        @Override
        public void onResume() {
            if (ref == null) {
                return;
            }
            try {
                PlanRunState.get(ref, getContext()).reattach(this, body != null && !body.isDone());
            } catch (IOException | InterruptedException | RuntimeException e) {
                getContext().onFailure(e);
            }
        }

        @Override
        public String getStatus() {
            return body == null ? "waiting for its dependencies or a free slot" : "running";
        }

        FlowNode node() throws IOException, InterruptedException {
            return getContext().get(FlowNode.class);
        }

        void print(String line) {
            try {
                getContext().get(TaskListener.class).getLogger().println(ConsoleLines.clean(line));
            } catch (IOException | InterruptedException e) {
                LOGGER.log(Level.FINE, "cannot print to the log of achievement " + id, e);
            }
        }

        /** Starts one attempt of the body. */
        void startAttempt(Decisions.Start start) {
            print(start.line());
            body = getContext().newBodyInvoker().withCallback(new Attempt(ref, id)).start();
            timeoutMinutes = start.timeoutMinutes();
            deadline = timeoutMinutes > 0 ? System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(timeoutMinutes) : 0;
            scheduleTimeout();
        }

        /** After a restart: the attempt under way keeps its original deadline. */
        void resumeAttempt() {
            scheduleTimeout();
        }

        private void scheduleTimeout() {
            cancelTimer();
            if (deadline <= 0 || body == null) {
                return;
            }
            BodyExecution attempt = body;
            Stop stop = new Stop(true, "timed out after " + timeoutMinutes + (timeoutMinutes == 1 ? " minute"
                    : " minutes"));
            timer = Timer.get().schedule(() -> attempt.cancel(new FlowInterruptedException(Result.ABORTED, true, stop)),
                    Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        }

        /** Interrupts the attempt under way because the run stopped (fail-fast). */
        void interrupt(String reason) {
            cancelTimer();
            BodyExecution attempt = body;
            if (attempt != null && !attempt.isDone()) {
                attempt.cancel(new FlowInterruptedException(Result.ABORTED, true, new Stop(false, reason)));
            }
        }

        /** Ends the step: prints the line, marks the stage as core says, and returns (or passes on). */
        void settle(Decisions.Settled settled, Throwable passOn) {
            print(settled.line());
            try {
                StageMarks.apply(node(), settled.stage(), settled.line());
            } catch (IOException | InterruptedException e) {
                LOGGER.log(Level.WARNING, "cannot mark the stage of achievement " + id, e);
            }
            end(passOn);
        }

        /** Ends the step: normally, or with an interruption that came from outside the plan. */
        void end(Throwable passOn) {
            cancelTimer();
            if (passOn != null) {
                getContext().onFailure(passOn);
            } else {
                getContext().onSuccess(null);
            }
        }

        private void cancelTimer() {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
                timer = null;
            }
        }
    }

    /** Reports how one attempt of an achievement's body ended to its block. */
    static final class Attempt extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        private final PlanRunRef ref;
        private final String id;

        Attempt(PlanRunRef ref, String id) {
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
                    if (cause instanceof Stop stop) {
                        report(context, stop.timeout ? AttemptOutcome.timeout(stop.reason)
                                : AttemptOutcome.interrupted(stop.reason), null);
                        return;
                    }
                }
                if (interrupted.isActualInterruption()) {
                    // aborted from outside (the user, a timeout step around the block): record it, then pass it on
                    report(context, AttemptOutcome.interrupted("aborted: " + interrupted.getMessage()), t);
                    return;
                }
            }
            report(context, AttemptOutcome.failure(t instanceof AbortException ? t.getMessage() : t.toString()), null);
        }

        private void report(StepContext context, AttemptOutcome outcome, Throwable passOn) {
            try {
                PlanRunState.get(ref, context).attemptEnded(id, outcome, passOn);
            } catch (IOException | InterruptedException | RuntimeException e) {
                context.onFailure(e);
            }
        }
    }

    /** Why the block interrupted an attempt: the run stopped (fail-fast), or the attempt ran out of time. */
    static final class Stop extends CauseOfInterruption {
        private static final long serialVersionUID = 1L;

        private final boolean timeout;
        private final String reason;

        Stop(boolean timeout, String reason) {
            this.timeout = timeout;
            this.reason = reason;
        }

        @Override
        public String getShortDescription() {
            return reason;
        }
    }
}
