package io.parallelplan.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import io.parallelplan.core.pipeline.BranchCoordinator;
import io.parallelplan.core.pipeline.Decisions;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.validate.LoadedPlan;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One running {@code parallelPlan} block on this controller: core's {@link BranchCoordinator} (which decides
 * everything), the {@code achievement} steps that arrived, and the build action. Every change goes through one lock:
 * ask core, then carry out its {@link Decisions} on the steps.
 */
final class PlanRunState {
    private static final Logger LOGGER = Logger.getLogger(PlanRunState.class.getName());

    private final Run<?, ?> run;
    private final PlanRunFolder folder;
    private final BranchCoordinator coordinator;
    private final ParallelPlanAction action;
    private final Map<String, AchievementExecution> branches = new HashMap<>();

    private PlanRunState(
            Run<?, ?> run, PlanRunFolder folder, BranchCoordinator coordinator, ParallelPlanAction action) {
        this.run = run;
        this.folder = folder;
        this.coordinator = coordinator;
        this.action = action;
    }

    /** A new block: saves the plan and the step's parameters in the build directory and starts the ledger. */
    static PlanRunState create(
            Run<?, ?> run,
            PlanRunRef ref,
            String file,
            String json,
            LoadedPlan plan,
            ParallelPlanStep step,
            RunOptions options,
            ParallelPlanAction action)
            throws IOException {
        PlanRunFolder folder = PlanRunFolder.of(run, ref);
        BranchCoordinator coordinator = folder.start(run.getExternalizableId(), file, json, plan, step, options);
        action.update(coordinator.records());
        return new PlanRunState(run, folder, coordinator, action);
    }

    /** A block this controller has not seen: after a restart, rebuilt from the build directory's journal. */
    static PlanRunState restore(Run<?, ?> run, PlanRunRef ref) throws IOException {
        PlanRunFolder folder = PlanRunFolder.of(run, ref);
        if (!folder.exists()) {
            throw new AbortException("the parallelPlan block " + ref.blockId() + " of " + run.getFullDisplayName()
                    + " left no state in " + folder + "; run the build again");
        }
        LoadedPlan plan = PlanReading.parse(folder.planJson(), folder.file());
        BranchCoordinator coordinator = folder.restore(plan);
        ParallelPlanAction action = ParallelPlanAction.of(run, ref.blockId());
        if (action == null) {
            action = ParallelPlanAction.attach(run, ref.blockId(), folder.file(), plan, folder.options());
        }
        action.update(coordinator.records());
        return new PlanRunState(run, folder, coordinator, action);
    }

    /** An achievement step arrived: it waits, starts, is settled at once (BLOCKED...), or is rejected. */
    synchronized void arrive(AchievementExecution step) throws IOException, InterruptedException {
        Decisions decisions = coordinator.arrive(step.id(), Instant.now());
        if (decisions.rejection() != null) {
            throw new AbortException(decisions.rejection());
        }
        branches.put(step.id(), step);
        action.linkNode(step.id(), step.node().getId(), StageMarks.enclosingStageId(step.node()));
        apply(decisions, null, null);
    }

    /** After a restart: a step that was waiting or running reports in again. */
    synchronized void reattach(AchievementExecution step, boolean running) {
        Decisions decisions = coordinator.reattach(step.id(), running, Instant.now());
        if (decisions.rejection() != null) {
            step.getContext().onFailure(new AbortException(decisions.rejection()));
            return;
        }
        branches.put(step.id(), step);
        if (running) {
            step.resumeAttempt();
        }
        apply(decisions, null, null);
    }

    /** One attempt's body ended. {@code passOn}: an interruption from outside the plan, passed on to the step. */
    synchronized void attemptEnded(String id, AttemptOutcome outcome, Throwable passOn) {
        Decisions decisions = coordinator.attemptEnded(id, outcome, Instant.now());
        if (decisions.rejection() != null) {
            AchievementExecution step = branches.remove(id);
            if (step != null) {
                step.print(decisions.rejection());
                step.end(passOn);
            }
            return;
        }
        apply(decisions, id, passOn);
    }

    /** A waiting step was stopped (the build was aborted). */
    synchronized void leave(AchievementExecution step, Throwable cause) {
        if (branches.get(step.id()) != step) {
            return;
        }
        branches.remove(step.id());
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        apply(coordinator.leave(step.id(), "the build was stopped (" + why + ")", Instant.now()), null, null);
    }

    /** The block's body ended: core's verdict, with every achievement that never arrived cancelled. */
    synchronized RunResult finish() {
        Decisions decisions = coordinator.finish(Instant.now());
        apply(decisions, null, null);
        RunResult result = coordinator.result();
        action.finish(result);
        folder.close();
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot save " + run + " after its parallelPlan block", e);
        }
        return result;
    }

    private void apply(Decisions decisions, String ended, Throwable passOn) {
        action.update(decisions.changed());
        for (Decisions.Note note : decisions.notes()) {
            AchievementExecution step = branches.get(note.id());
            if (step != null) {
                step.print(note.line());
            }
        }
        for (String id : decisions.interrupt()) {
            AchievementExecution step = branches.get(id);
            if (step != null) {
                step.interrupt(decisions.stopReason());
            }
        }
        for (Decisions.Settled settled : decisions.settled()) {
            AchievementExecution step = branches.remove(settled.id());
            if (step != null) {
                step.settle(settled, settled.id().equals(ended) ? passOn : null);
            }
        }
        for (Decisions.Start start : decisions.start()) {
            AchievementExecution step = branches.get(start.id());
            if (step != null) {
                step.startAttempt(start);
            }
        }
    }
}
