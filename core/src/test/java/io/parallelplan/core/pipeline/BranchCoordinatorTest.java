package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunListener;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.schedule.StageOutcome;
import io.parallelplan.core.schedule.TaskState;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BranchCoordinatorTest {
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private static final String FILE = "plans/X/parallel.json";

    /** a (8h) and b (1h) are independent; c needs both; d is independent. */
    private static final String DIAMOND = """
            {"achievements": [
              {"id": "a", "estimated_hours": 8},
              {"id": "b", "estimated_hours": 1},
              {"id": "c", "dependencies": ["a", "b"]},
              {"id": "d", "estimated_hours": 2}
            ]}""";

    private static LoadedPlan plan(String json) {
        return new PlanLoader().load(new PlanParser().parse(json, Path.of(FILE)));
    }

    private static BranchCoordinator coordinator(String json, RunOptions options) {
        return BranchCoordinator.start(plan(json), options, FILE, RunListener.NONE, T);
    }

    private static RunOptions options(int maxParallel, String policy) {
        return PipelineOptions.of(maxParallel, policy, 0.5, 0, 0);
    }

    private static List<String> started(Decisions d) {
        return d.start().stream().map(Decisions.Start::id).toList();
    }

    private static List<String> settledIds(Decisions d) {
        return d.settled().stream().map(Decisions.Settled::id).toList();
    }

    @Test
    void shouldStartOnlyWhenDependenciesAreDoneAndASlotIsFree() {
        BranchCoordinator run = coordinator(DIAMOND, options(1, "keepGoing"));

        Decisions c = run.arrive("c", T);
        assertThat(started(c)).isEmpty();
        assertThat(c.notes()).extracting(Decisions.Note::line).containsExactly("c waiting for a (READY), b (READY)");
        assertThat(started(run.arrive("a", T))).containsExactly("a");
        Decisions b = run.arrive("b", T);
        assertThat(started(b)).isEmpty();
        assertThat(b.notes()).extracting(Decisions.Note::line)
                .containsExactly("b READY, waiting for a free slot (1 running)");

        Decisions afterA = run.attemptEnded("a", AttemptOutcome.success(), T);
        assertThat(afterA.settled()).extracting(Decisions.Settled::line).containsExactly("a SUCCEEDED");
        assertThat(afterA.settled().get(0).stage()).isEqualTo(StageOutcome.RAN_OK);
        assertThat(started(afterA)).containsExactly("b");
        assertThat(started(run.attemptEnded("b", AttemptOutcome.success(), T))).containsExactly("c");
    }

    @Test
    void shouldNeverLetABranchThatHasNotArrivedHoldASlot() {
        BranchCoordinator run = coordinator(DIAMOND, options(1, "keepGoing"));

        Decisions b = run.arrive("b", T);

        assertThat(started(b)).as("a has the longer path but no branch yet").containsExactly("b");
        assertThat(b.start().get(0).line()).isEqualTo("b STARTED");
    }

    @Test
    void shouldStartTheLongestRemainingPathFirstAmongWaitingBranches() {
        BranchCoordinator run = coordinator(DIAMOND, options(1, "keepGoing"));
        run.arrive("b", T);
        run.arrive("d", T);
        run.arrive("a", T);

        assertThat(started(run.attemptEnded("b", AttemptOutcome.success(), T))).containsExactly("a");
    }

    @Test
    void shouldBlockDependentsOfAFailureAndKeepGoingWithIndependentWork() {
        BranchCoordinator run = coordinator(DIAMOND, options(0, "keepGoing"));
        run.arrive("a", T);
        run.arrive("c", T);
        run.arrive("d", T);

        Decisions failed = run.attemptEnded("a", AttemptOutcome.failure("script returned exit code 2"), T);

        assertThat(failed.settled()).extracting(Decisions.Settled::id, Decisions.Settled::state,
                        Decisions.Settled::stage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", TaskState.FAILED, StageOutcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple("c", TaskState.BLOCKED, StageOutcome.SKIPPED_BLOCKED));
        assertThat(failed.settled().get(0).line())
                .isEqualTo("a FAILED (script returned exit code 2 after 1 attempt)");
        assertThat(failed.settled().get(1).line()).startsWith("c BLOCKED ← a FAILED");
        assertThat(failed.interrupt()).isEmpty();
        assertThat(run.arrive("b", T).start()).hasSize(1);
        run.attemptEnded("b", AttemptOutcome.success(), T);
        run.attemptEnded("d", AttemptOutcome.success(), T);
        run.finish(T);
        assertThat(run.result().status()).isEqualTo(RunStatus.FAILURE);
        assertThat(run.result().countLine())
                .isEqualTo("4 achievements: 2 succeeded, 0 flaky, 1 failed, 1 blocked, 0 cancelled, 0 skipped — FAILURE");
        assertThat(run.result().blockedChains()).extracting(Object::toString)
                .containsExactly("c BLOCKED ← a FAILED (script returned exit code 2 after 1 attempt)");
    }

    @Test
    void shouldSettleABranchThatArrivesAfterItsAchievementWasBlocked() {
        BranchCoordinator run = coordinator(DIAMOND, options(0, "keepGoing"));
        run.arrive("a", T);
        run.attemptEnded("a", AttemptOutcome.failure("boom"), T);

        Decisions late = run.arrive("c", T);

        assertThat(late.settled()).extracting(Decisions.Settled::state).containsExactly(TaskState.BLOCKED);
        assertThat(late.settled().get(0).line()).isEqualTo("c BLOCKED ← a FAILED (boom after 1 attempt)");
        assertThat(late.start()).isEmpty();
    }

    @Test
    void shouldMakeAnOptionalFailureAWarningAndTheRunUnstable() {
        BranchCoordinator run = coordinator("""
                {"achievements": [{"id": "docs", "optional": true}, {"id": "code"}]}""", options(0, "keepGoing"));
        run.arrive("docs", T);
        run.arrive("code", T);

        Decisions failed = run.attemptEnded("docs", AttemptOutcome.failure("lint"), T);
        run.attemptEnded("code", AttemptOutcome.success(), T);
        run.finish(T);

        assertThat(failed.settled().get(0).stage()).isEqualTo(StageOutcome.OPTIONAL_FAILED);
        assertThat(failed.settled().get(0).line()).endsWith("it is optional, so the build is at worst UNSTABLE");
        assertThat(run.result().status()).isEqualTo(RunStatus.UNSTABLE);
    }

    @Test
    void shouldInterruptRunningAndCancelWaitingBranchesUnderFailFast() {
        BranchCoordinator run = coordinator(DIAMOND, options(2, "failFast"));
        run.arrive("a", T);
        run.arrive("b", T);
        run.arrive("c", T);
        run.arrive("d", T);

        Decisions failed = run.attemptEnded("b", AttemptOutcome.failure("boom"), T);

        assertThat(failed.interrupt()).containsExactly("a");
        assertThat(failed.stopReason()).startsWith("fail-fast: b FAILED");
        assertThat(failed.settled()).extracting(Decisions.Settled::id, Decisions.Settled::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("b", TaskState.FAILED),
                        org.assertj.core.groups.Tuple.tuple("c", TaskState.BLOCKED),
                        org.assertj.core.groups.Tuple.tuple("d", TaskState.CANCELLED));
        assertThat(failed.settled()).filteredOn(s -> s.id().equals("d")).extracting(Decisions.Settled::stage)
                .containsExactly(StageOutcome.CANCELLED);
        assertThat(failed.start()).isEmpty();

        Decisions interrupted = run.attemptEnded("a", AttemptOutcome.interrupted(failed.stopReason()), T);
        assertThat(interrupted.settled()).extracting(Decisions.Settled::state).containsExactly(TaskState.CANCELLED);
        assertThat(interrupted.settled().get(0).line()).startsWith("a CANCELLED (fail-fast: b FAILED");
        run.finish(T);
        assertThat(run.result().status()).isEqualTo(RunStatus.FAILURE);
    }

    @Test
    void shouldRetryAFailedAttemptAndEndFlaky() {
        BranchCoordinator run = BranchCoordinator.start(plan("""
                {"achievements": [{"id": "a", "timeout_minutes": 30}]}"""),
                PipelineOptions.of(0, "keepGoing", 1, 1, 0), FILE, RunListener.NONE, T);

        assertThat(run.arrive("a", T).start()).extracting(Decisions.Start::line, Decisions.Start::timeoutMinutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a STARTED (attempt 1 of 2)", 30));
        Decisions retry = run.attemptEnded("a", AttemptOutcome.timeout("timed out after 30 minutes"), T);
        assertThat(retry.notes()).extracting(Decisions.Note::line)
                .containsExactly("a attempt 1 of 2 timed out (timed out after 30 minutes); retrying");
        assertThat(retry.start()).extracting(Decisions.Start::line).containsExactly("a STARTED (attempt 2 of 2)");
        assertThat(retry.settled()).isEmpty();

        Decisions passed = run.attemptEnded("a", AttemptOutcome.success(), T);
        assertThat(passed.settled()).extracting(Decisions.Settled::line)
                .containsExactly("a FLAKY (passed on attempt 2 of 2)");
        assertThat(passed.settled().get(0).stage()).isEqualTo(StageOutcome.RAN_FLAKY);
    }

    @Test
    void shouldUseTheDefaultTimeoutOfTheBlockWhenThePlanSetsNone() {
        BranchCoordinator run = BranchCoordinator.start(plan("""
                {"achievements": [{"id": "a"}]}"""), PipelineOptions.of(0, "keepGoing", 1, 0, 45), FILE,
                RunListener.NONE, T);

        assertThat(run.arrive("a", T).start().get(0).timeoutMinutes()).isEqualTo(45);
    }

    @Test
    void shouldRejectAnUnknownIdAndTheSameIdTwice() {
        BranchCoordinator run = coordinator(DIAMOND, options(0, "keepGoing"));

        assertThat(run.arrive("9.9", T).rejection()).isEqualTo("achievement('9.9') is not in plans/X/parallel.json;"
                + " use an id the plan defines (readParallelPlan returns them), e.g. a, b, c, d");
        run.arrive("a", T);
        assertThat(run.arrive("a", T).rejection()).isEqualTo("achievement('a') appears twice in this parallelPlan"
                + " block of plans/X/parallel.json; give each achievement exactly one branch");
    }

    @Test
    void shouldCancelAchievementsThatNeverGotABranchWhenTheBodyEnds() {
        BranchCoordinator run = coordinator(DIAMOND, options(0, "keepGoing"));
        run.arrive("a", T);
        run.attemptEnded("a", AttemptOutcome.success(), T);

        run.finish(T);

        assertThat(run.result().counts().get(TaskState.CANCELLED)).isEqualTo(3);
        assertThat(run.result().stopReason()).hasValue("the parallelPlan body ended without an achievement step"
                + " for b, c, d; give each achievement a branch with achievement(id) { }");
        assertThat(run.result().status()).isEqualTo(RunStatus.FAILURE);
    }

    @Test
    void shouldJudgeAThresholdRunByItsScore() {
        BranchCoordinator run = coordinator("""
                {"achievements": [{"id": "big", "estimated_hours": 9}, {"id": "small", "estimated_hours": 1}]}""",
                options(0, "threshold"));
        run.arrive("big", T);
        run.arrive("small", T);
        run.attemptEnded("small", AttemptOutcome.failure("x"), T);
        run.attemptEnded("big", AttemptOutcome.success(), T);
        run.finish(T);

        assertThat(run.result().status()).isEqualTo(RunStatus.UNSTABLE);
        assertThat(run.result().countLine()).endsWith("— UNSTABLE (score 0.90 ≥ 0.50)");
    }

    @Test
    void shouldStopTheRunWhenAWaitingBranchIsStopped() {
        BranchCoordinator run = coordinator(DIAMOND, options(1, "keepGoing"));
        run.arrive("a", T);
        run.arrive("b", T);
        run.arrive("d", T);

        Decisions stopped = run.leave("b", "stopped: aborted by the user", T);

        assertThat(stopped.interrupt()).containsExactly("a");
        assertThat(settledIds(stopped)).containsExactly("d");
        assertThat(stopped.settled().get(0).line()).isEqualTo("d CANCELLED (stopped: aborted by the user)");
    }

    @Test
    void shouldReportChangedRecordsForTheBuildPage() {
        BranchCoordinator run = coordinator(DIAMOND, options(0, "keepGoing"));

        Decisions started = run.arrive("a", T);

        assertThat(started.changed()).extracting(r -> r.id() + " " + r.state()).containsExactly("a RUNNING");
    }

    @Test
    void shouldRestartABodyThatWasRecordedAsStartedButNeverBeganAfterARestart() {
        LoadedPlan plan = BranchCoordinator.branchPlan(plan(DIAMOND));
        RunOptions options = options(0, "keepGoing");
        BranchCoordinator run = BranchCoordinator.of(listener -> {
            Scheduler s = new Scheduler(plan, options, T, listener);
            s.start("a", T);
            s.start("b", T);
            s.finish("b", AttemptOutcome.success(), T);
            return s;
        }, FILE);

        Decisions a = run.reattach("a", false, T);
        Decisions c = run.reattach("c", false, T);
        Decisions b = run.reattach("b", true, T);

        assertThat(a.start()).extracting(Decisions.Start::line)
                .containsExactly("a STARTED again after a restart of the controller");
        assertThat(c.start()).isEmpty();
        assertThat(b.settled()).isEmpty();
        assertThat(started(run.attemptEnded("a", AttemptOutcome.success(), T))).containsExactly("c");
    }

    @Test
    void shouldRunAnAchievementWithSubExecutionsAsOneBranch() {
        BranchCoordinator run = coordinator("""
                {"achievements": [{"id": "a", "sub_executions": [{"execution_id": "a.1"}, {"execution_id": "a.2"}]},
                                  {"id": "b", "dependencies": ["a"]}]}""", options(0, "keepGoing"));

        assertThat(run.arrive("a/a.1", T).rejection()).startsWith("achievement('a/a.1') is not in");
        assertThat(started(run.arrive("a", T))).containsExactly("a");
        run.arrive("b", T);
        assertThat(started(run.attemptEnded("a", AttemptOutcome.success(), T))).containsExactly("b");
    }

    @Test
    void shouldRefuseTheLateEndOfAnAttemptWithoutChangingTheRun() {
        BranchCoordinator run = coordinator(DIAMOND, options(0, "keepGoing"));
        run.arrive("a", T);
        run.attemptEnded("a", AttemptOutcome.success(), T);

        Decisions late = run.attemptEnded("a", AttemptOutcome.failure("again"), T);

        assertThat(late.rejection()).isEqualTo("a is SUCCEEDED, not running; the end of its attempt came too late and"
                + " changes nothing");
        assertThat(run.records().get(0).state()).isEqualTo(TaskState.SUCCEEDED);
    }
}
