package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.TaskListener;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.pipeline.Decisions;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * One {@code achievement} step: asynchronous like the {@code lock} step. {@link #start()} hands the step to its
 * block's scheduler and returns {@code false}; the scheduler later starts the body (possibly several attempts) or
 * settles the step without running it (BLOCKED, CANCELLED). No executor and no CPS thread is held while waiting.
 */
final class AchievementExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(AchievementExecution.class.getName());

    private final String id;
    private PlanRunRef ref;
    /** The attempt under way, or null while waiting; kept with the program so a restart finds it. */
    private BodyExecution body;
    /** When the attempt under way runs out of time (epoch millis), or 0. */
    private long deadline;
    /** The time limit of the attempt under way, for its message. */
    private int timeoutMinutes;

    private transient ScheduledFuture<?> timer;

    AchievementExecution(String id, StepContext context) {
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
            throw new AbortException("achievement('" + id + "') must run inside a parallelPlan(file: ...) { } block;"
                    + " wrap the parallel branches in parallelPlan");
        }
        PlanRuns.get(ref, getContext()).arrive(this);
        return false;
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        cancelTimer();
        if (ref != null) {
            PlanRuns.get(ref, getContext()).leave(this, cause);
        }
        getContext().onFailure(cause);
    }

    @Override
    public void onResume() {
        if (ref == null) {
            return;
        }
        try {
            PlanRuns.get(ref, getContext()).reattach(this, body != null && !body.isDone());
        } catch (IOException | InterruptedException | RuntimeException e) {
            getContext().onFailure(e);
        }
    }

    @Override
    public String getStatus() {
        return body == null ? "waiting for its dependencies or a free slot" : "running";
    }

    TaskListener listener() throws IOException, InterruptedException {
        return getContext().get(TaskListener.class);
    }

    FlowNode node() throws IOException, InterruptedException {
        return getContext().get(FlowNode.class);
    }

    void print(String line) {
        try {
            listener().getLogger().println(ConsoleLines.clean(line));
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "cannot print to the log of achievement " + id, e);
        }
    }

    /** Starts one attempt of the body. */
    void startAttempt(Decisions.Start start) {
        print(start.line());
        body = getContext()
                .newBodyInvoker()
                .withCallback(new AttemptCallback(ref, id))
                .start();
        timeoutMinutes = start.timeoutMinutes();
        deadline =
                timeoutMinutes > 0 ? System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(start.timeoutMinutes()) : 0;
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
        String reason = "timed out after " + timeoutMinutes + (timeoutMinutes == 1 ? " minute" : " minutes");
        timer = Timer.get()
                .schedule(
                        () -> attempt.cancel(
                                new FlowInterruptedException(Result.ABORTED, true, PlanStop.timedOut(reason))),
                        Math.max(0, deadline - System.currentTimeMillis()),
                        TimeUnit.MILLISECONDS);
    }

    /** Interrupts the attempt under way because the run stopped (fail-fast). */
    void interrupt(String reason) {
        cancelTimer();
        BodyExecution attempt = body;
        if (attempt != null && !attempt.isDone()) {
            attempt.cancel(new FlowInterruptedException(Result.ABORTED, true, PlanStop.runStopped(reason)));
        }
    }

    /**
     * Ends the step: prints the line, marks the stage, and returns normally (or passes on an interruption that came
     * from outside the plan).
     */
    void settle(Decisions.Settled settled, Throwable passOn) {
        cancelTimer();
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
