package io.parallelplan.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import io.parallelplan.core.pipeline.BlockFolder;
import io.parallelplan.core.pipeline.BranchCoordinator;
import io.parallelplan.core.pipeline.BuildPage;
import io.parallelplan.core.pipeline.Decisions;
import io.parallelplan.core.pipeline.PipelineException;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.validate.LoadedPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * One running {@code parallelPlan} block on this controller: core's {@link BlockFolder} and {@link BranchCoordinator}
 * (which decide everything), the {@code achievement} steps that arrived, and the build page. Every change goes
 * through one lock: ask core, then carry out its {@link Decisions} on the steps. Steps find their block by the
 * {@link PlanRunRef} in their context; after a controller restart the first step that asks restores the block from
 * the build directory.
 */
final class PlanRunState {
    private static final Logger LOGGER = Logger.getLogger(PlanRunState.class.getName());
    private static final Map<String, PlanRunState> LIVE = new ConcurrentHashMap<>();

    private final Run<?, ?> run;
    private final PlanRunRef ref;
    private final BlockFolder folder;
    private final BuildPage page;
    private final Map<String, AchievementStep.Execution> branches = new HashMap<>();

    private PlanRunState(Run<?, ?> run, PlanRunRef ref, BlockFolder folder, BuildPage page) {
        this.run = run;
        this.ref = ref;
        this.folder = folder;
        this.page = page;
        page.update(folder.coordinator().records());
        LIVE.put(ref.key(), this);
    }

    /** {@code <build>/parallel-plan/<block>}. */
    static Path directory(Run<?, ?> run, String blockId) {
        return run.getRootDir().toPath().resolve("parallel-plan").resolve(blockId);
    }

    /** A new block: saves the plan in the build directory, starts the run and adds the build page. */
    static PlanRunState create(Run<?, ?> run, PlanRunRef ref, String file, String json, LoadedPlan plan,
            RunOptions options) throws AbortException {
        BlockFolder folder;
        try {
            folder = BlockFolder.create(directory(run, ref.blockId()), run.getExternalizableId(), file, json, plan,
                    options, Instant.now());
        } catch (PipelineException e) {
            throw Workspace.abort(e);
        }
        BuildPage page = BuildPage.of(plan, file, options);
        ParallelPlanAction.attach(run, ref.blockId(), page);
        return new PlanRunState(run, ref, folder, page);
    }

    /**
     * The block a step belongs to; restored from the build directory when this controller has not seen it yet.
     *
     * @param context the context of a step of that build (it gives the build)
     * @throws AbortException when the block's folder is gone or unreadable
     */
    static PlanRunState get(PlanRunRef ref, StepContext context) throws IOException, InterruptedException {
        PlanRunState live = LIVE.get(ref.key());
        if (live != null) {
            return live;
        }
        synchronized (LIVE) {
            live = LIVE.get(ref.key());
            if (live != null) {
                return live;
            }
            Run<?, ?> run = context.get(Run.class);
            if (run == null) {
                throw new AbortException(ref + " cannot resume: the step has no build");
            }
            BlockFolder folder;
            try {
                folder = BlockFolder.restore(directory(run, ref.blockId()));
            } catch (PipelineException e) {
                throw new AbortException(ref + ": " + e.getMessage());
            }
            ParallelPlanAction action = ParallelPlanAction.of(run, ref.blockId());
            if (action == null) {
                action = ParallelPlanAction.attach(
                        run, ref.blockId(), BuildPage.of(folder.plan(), folder.file(), folder.options()));
            }
            return new PlanRunState(run, ref, folder, action.page());
        }
    }

    /** The plan the block runs, and its path as the user named it. */
    BlockFolder folder() {
        return folder;
    }

    BuildPage page() {
        return page;
    }

    /** An achievement step arrived: it waits, starts, is settled at once (BLOCKED...), or is rejected. */
    synchronized void arrive(AchievementStep.Execution step) throws IOException, InterruptedException {
        Decisions decisions = folder.coordinator().arrive(step.id(), Instant.now());
        if (decisions.rejection() != null) {
            throw new AbortException(decisions.rejection());
        }
        branches.put(step.id(), step);
        page.link(step.id(), step.node().getId(), StageMarks.enclosingStageId(step.node()));
        apply(decisions, null, null);
    }

    /** After a restart: a step that was waiting or running reports in again. */
    synchronized void reattach(AchievementStep.Execution step, boolean running) {
        Decisions decisions = folder.coordinator().reattach(step.id(), running, Instant.now());
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
        Decisions decisions = folder.coordinator().attemptEnded(id, outcome, Instant.now());
        if (decisions.rejection() != null) {
            AchievementStep.Execution step = branches.remove(id);
            if (step != null) {
                step.print(decisions.rejection());
                step.end(passOn);
            }
            return;
        }
        apply(decisions, id, passOn);
    }

    /** A waiting step was stopped (the build was aborted). */
    synchronized void leave(AchievementStep.Execution step, Throwable cause) {
        if (branches.get(step.id()) != step) {
            return;
        }
        branches.remove(step.id());
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        apply(folder.coordinator().leave(step.id(), "the build was stopped (" + why + ")", Instant.now()), null,
                null);
    }

    /** The block's body ended: core's verdict, with every achievement that never arrived cancelled. */
    synchronized RunResult finish() {
        apply(folder.coordinator().finish(Instant.now()), null, null);
        RunResult result = folder.coordinator().result();
        page.finish(result);
        LIVE.remove(ref.key());
        try {
            folder.close();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "cannot close the run ledger in " + folder, e);
        }
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot save " + run + " after its parallelPlan block", e);
        }
        return result;
    }

    private void apply(Decisions decisions, String ended, Throwable passOn) {
        page.update(decisions.changed());
        for (Decisions.Note note : decisions.notes()) {
            AchievementStep.Execution step = branches.get(note.id());
            if (step != null) {
                step.print(note.line());
            }
        }
        for (String id : decisions.interrupt()) {
            AchievementStep.Execution step = branches.get(id);
            if (step != null) {
                step.interrupt(decisions.stopReason());
            }
        }
        for (Decisions.Settled settled : decisions.settled()) {
            AchievementStep.Execution step = branches.remove(settled.id());
            if (step != null) {
                step.settle(settled, settled.id().equals(ended) ? passOn : null);
            }
        }
        for (Decisions.Start start : decisions.start()) {
            AchievementStep.Execution step = branches.get(start.id());
            if (step != null) {
                step.startAttempt(start);
            }
        }
    }
}
