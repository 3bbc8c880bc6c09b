package io.parallelplan.core.schedule;

import static io.parallelplan.core.schedule.Plans.a;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.ValidationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One example per policy and per rule of docs/semantics.md. */
class FailurePolicyScenariosTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final List<RunEvent> events = new ArrayList<>();
    private final List<String> stops = new ArrayList<>();

    private Scheduler scheduler(RunOptions options, Achievement.Builder... achievements) {
        return new Scheduler(Plans.of(achievements), options, T0, new RunListener() {
            @Override
            public void onEvent(RunEvent event) {
                events.add(event);
            }

            @Override
            public void onStop(EventReason kind, String reason, Instant time) {
                stops.add(kind + ": " + reason);
            }
        });
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void shouldInterruptRunningAndCancelIndependentWorkUnderFailFast() {
        Scheduler s = scheduler(RunOptions.builder().policy(FailurePolicy.FAIL_FAST).build(),
                a("1"), a("2"), a("3", "1"), a("4", "2"), a("5"));
        s.start("1", at(1));
        s.start("2", at(1));

        List<String> interrupt = s.finish("1", AttemptOutcome.failure(2, "compile error"), at(2));

        assertThat(interrupt).containsExactly("2");
        assertThat(s.state("3")).isEqualTo(TaskState.BLOCKED);
        assertThat(s.state("4")).isEqualTo(TaskState.CANCELLED);
        assertThat(s.state("5")).isEqualTo(TaskState.CANCELLED);
        assertThat(s.startable()).isEmpty();
        assertThat(stops).containsExactly("FAIL_FAST: fail-fast: 1 FAILED (exit 2 after 1 attempt)");
        s.finish("2", AttemptOutcome.interrupted(null), at(3));
        assertThat(s.state("2")).isEqualTo(TaskState.CANCELLED);
        assertThat(s.isFinished()).isTrue();
        assertThat(s.result().status()).isEqualTo(RunStatus.FAILURE);
        assertThat(s.result().stopReason()).contains("fail-fast: 1 FAILED (exit 2 after 1 attempt)");
    }

    @Test
    void shouldLetRunningTasksFinishWhenFailFastDrains() {
        Scheduler s = scheduler(RunOptions.builder().policy(FailurePolicy.FAIL_FAST).drain(true).build(),
                a("1"), a("2"), a("3", "2"));
        s.start("1", at(1));
        s.start("2", at(1));

        assertThat(s.finish("1", AttemptOutcome.failure(1, null), at(2))).isEmpty();
        s.finish("2", AttemptOutcome.success(), at(3));

        assertThat(s.state("2")).isEqualTo(TaskState.SUCCEEDED);
        assertThat(s.state("3")).isEqualTo(TaskState.CANCELLED);
        assertThat(s.isFinished()).isTrue();
    }

    @Test
    void shouldNotRetryOnceTheRunIsStopping() {
        Scheduler s = scheduler(RunOptions.builder().policy(FailurePolicy.FAIL_FAST).drain(true).build(),
                a("1"), a("2").retries(3));
        s.start("1", at(1));
        s.start("2", at(1));
        s.finish("1", AttemptOutcome.failure(1, null), at(2));

        s.finish("2", AttemptOutcome.failure(1, null), at(3));

        assertThat(s.state("2")).isEqualTo(TaskState.FAILED);
        assertThat(s.attempts("2")).isEqualTo(1);
    }

    @Test
    void shouldNotStopForAnOptionalFailureUnderFailFast() {
        Scheduler s = scheduler(RunOptions.builder().policy(FailurePolicy.FAIL_FAST).build(),
                a("1").optional(true), a("2"));
        s.start("1", at(1));

        assertThat(s.finish("1", AttemptOutcome.failure(1, null), at(2))).isEmpty();

        assertThat(s.isStopping()).isFalse();
        assertThat(s.startable()).containsExactly("2");
    }

    @Test
    void shouldBeUnstableWhenOnlyOptionalAchievementsFailOrAreBlocked() {
        Scheduler s = scheduler(RunOptions.defaults(), a("1").optional(true), a("2", "1").optional(true), a("3"));
        s.start("1", at(1));
        s.start("3", at(1));
        s.finish("1", AttemptOutcome.failure(4, null), at(2));
        s.finish("3", AttemptOutcome.success(), at(2));

        RunResult r = s.result();

        assertThat(r.status()).isEqualTo(RunStatus.UNSTABLE);
        assertThat(r.countLine()).isEqualTo(
                "3 achievements: 1 succeeded, 0 flaky, 1 failed, 1 blocked, 0 cancelled, 0 skipped — UNSTABLE");
    }

    @Test
    void shouldFailWhenARequiredOutcomeIsMissedUnderKeepGoing() {
        Scheduler s = scheduler(RunOptions.defaults(), a("1"), a("2").optional(true));
        s.start("1", at(1));
        s.start("2", at(1));
        s.finish("2", AttemptOutcome.success(), at(2));
        s.finish("1", AttemptOutcome.failure(1, null), at(2));

        assertThat(s.result().status()).isEqualTo(RunStatus.FAILURE);
    }

    @Test
    void shouldJudgeThresholdRunsByWeightedScore() {
        Scheduler s = scheduler(RunOptions.builder().policy(FailurePolicy.THRESHOLD).minScore(0.75).build(),
                a("1").hours(9), a("2").hours(1), a("3", "2").hours(2));
        s.start("1", at(1));
        s.start("2", at(1));
        s.finish("1", AttemptOutcome.success(), at(2));
        s.finish("2", AttemptOutcome.failure(1, null), at(2));

        RunResult r = s.result();

        assertThat(r.score()).hasValueCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.status()).isEqualTo(RunStatus.UNSTABLE);
        assertThat(r.countLine()).isEqualTo("3 achievements: 1 succeeded, 0 flaky, 1 failed, 1 blocked, 0 cancelled,"
                + " 0 skipped — UNSTABLE (score 0.75 ≥ 0.75)");
    }

    @Test
    void shouldFailThresholdRunWhenARequiredGateFails() {
        Scheduler s = scheduler(RunOptions.builder().policy(FailurePolicy.THRESHOLD).minScore(0.1).build(),
                a("1").hours(9), a("2").required(true));
        s.start("1", at(1));
        s.start("2", at(1));
        s.finish("1", AttemptOutcome.success(), at(2));
        s.finish("2", AttemptOutcome.failure(1, null), at(2));

        RunResult r = s.result();

        assertThat(r.status()).isEqualTo(RunStatus.FAILURE);
        assertThat(r.countLine()).endsWith("— FAILURE (score 0.90 ≥ 0.10, a required achievement did not pass)");
    }

    @Test
    void shouldStopStartingWorkOnceTheThresholdIsUnreachable() {
        Scheduler s = scheduler(RunOptions.builder().policy(FailurePolicy.THRESHOLD).minScore(0.8).maxParallel(2)
                        .build(),
                a("1").hours(2), a("2").hours(4), a("3", "1").hours(2), a("4").hours(2));
        s.start("2", at(1));
        s.start("1", at(1));

        s.finish("1", AttemptOutcome.failure(1, null), at(2));

        assertThat(s.isStopping()).isTrue();
        assertThat(s.state("2")).isEqualTo(TaskState.RUNNING);
        assertThat(s.state("3")).isEqualTo(TaskState.BLOCKED);
        assertThat(s.state("4")).isEqualTo(TaskState.CANCELLED);
        s.finish("2", AttemptOutcome.success(), at(3));
        RunResult r = s.result();
        assertThat(r.status()).isEqualTo(RunStatus.FAILURE);
        assertThat(r.stopReason()).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("threshold unreachable: at most 0.60 of the weight can still pass, min score is 0.80"));
        assertThat(r.countLine()).endsWith("— FAILURE (score 0.40 < 0.80)");
    }

    @Test
    void shouldCountATimeoutAsAFailedAttempt() {
        Scheduler s = scheduler(RunOptions.builder().defaultRetries(1).build(), a("1"), a("2", "1"));
        s.start("1", at(1));
        s.finish("1", AttemptOutcome.timeout(null), at(2));
        assertThat(s.state("1")).isEqualTo(TaskState.READY);
        s.start("1", at(3));
        s.finish("1", AttemptOutcome.timeout(null), at(4));

        assertThat(s.state("1")).isEqualTo(TaskState.FAILED);
        assertThat(s.blockedChain("2")).get().hasToString("2 BLOCKED ← 1 FAILED (timed out after 2 attempts)");
        assertThat(events).filteredOn(e -> e.reason() == EventReason.TIMEOUT).hasSize(2);
    }

    @Test
    void shouldCancelEverythingNotStartedWhenStopped() {
        Scheduler s = scheduler(RunOptions.defaults(), a("1"), a("2", "1"), a("3"));
        s.start("1", at(1));

        List<String> kill = s.stop("interrupted (SIGINT)", at(2));

        assertThat(kill).containsExactly("1");
        assertThat(s.state("2")).isEqualTo(TaskState.CANCELLED);
        assertThat(s.state("3")).isEqualTo(TaskState.CANCELLED);
        assertThatThrownBy(() -> s.start("3", at(3))).isInstanceOf(IllegalStateException.class);
        assertThat(s.stop("again", at(3))).containsExactly("1");
        s.finish("1", AttemptOutcome.interrupted(null), at(3));
        assertThat(s.record("1").message()).isEqualTo("interrupted (SIGINT)");
        assertThat(s.isFinished()).isTrue();
        assertThat(s.result().countLine()).isEqualTo(
                "3 achievements: 0 succeeded, 0 flaky, 0 failed, 0 blocked, 3 cancelled, 0 skipped — FAILURE");
    }

    @Test
    void shouldSkipOnPurposeAndLetDependentsRun() {
        Scheduler s = scheduler(RunOptions.builder().skip("1", "excluded by --only").build(), a("1"), a("2", "1"));

        assertThat(s.state("1")).isEqualTo(TaskState.SKIPPED);
        assertThat(s.record("1").message()).isEqualTo("excluded by --only");
        assertThat(s.startable()).containsExactly("2");
        assertThat(events).extracting(Object::toString)
                .containsExactly("1 PENDING → SKIPPED: excluded by --only", "2 PENDING → READY");
    }

    @Test
    void shouldRefuseToSkipAnUnknownId() {
        assertThatThrownBy(() -> scheduler(RunOptions.builder().skip("9", "x").build(), a("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot skip \"9\": it is not an achievement or sub-execution of this plan");
    }

    @Test
    void shouldSkipAllSubExecutionsWhenTheirAchievementIsSkipped() {
        Achievement.Builder group = a("2").subExecutions(List.of(
                Achievement.builder("2.1").build(), Achievement.builder("2.2").build()));
        Scheduler s = scheduler(RunOptions.builder().skip("2", "done in run r1").build(), group, a("3", "2"));

        assertThat(s.state("2/2.1")).isEqualTo(TaskState.SKIPPED);
        assertThat(s.state("2/2.2")).isEqualTo(TaskState.SKIPPED);
        assertThat(s.startable()).containsExactly("3");
    }

    @Test
    void shouldRunSubExecutionsInParallelAndInheritTheAchievementsSettings() {
        Achievement.Builder group = a("2").retries(2).timeoutMinutes(7).executor("ann").subExecutions(List.of(
                Achievement.builder("2.1").build(),
                Achievement.builder("2.2").executor("bob").build(),
                Achievement.builder("2.3").executor("cid").build()));
        Scheduler s = scheduler(RunOptions.defaults(), group);

        assertThat(s.startable()).containsExactly("2/2.1", "2/2.2", "2/2.3");
        assertThat(s.maxAttempts("2/2.2")).isEqualTo(3);
        assertThat(s.timeout("2/2.3")).contains(java.time.Duration.ofMinutes(7));
        assertThat(s.executor("2/2.1")).contains("ann");
        assertThat(s.executor("2/2.2")).contains("bob");
        assertThatThrownBy(() -> s.start("2", at(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has sub_executions");
        for (String id : s.startable()) {
            s.start(id, at(1));
        }
        s.finish("2/2.1", AttemptOutcome.success(), at(2));
        s.finish("2/2.2", AttemptOutcome.failure(1, null), at(2));
        s.start("2/2.2", at(3));
        s.finish("2/2.2", AttemptOutcome.success(), at(4));
        assertThat(s.state("2")).isEqualTo(TaskState.RUNNING);
        s.finish("2/2.3", AttemptOutcome.success(), at(5));
        assertThat(s.state("2")).isEqualTo(TaskState.FLAKY);
        assertThat(s.record("2").attempts()).isEqualTo(4);
        assertThat(s.result().countLine()).startsWith("1 achievement: 0 succeeded, 1 flaky");
    }

    @Test
    void shouldRefuseSubExecutionsThatFormACycleEvenIfValidationMissedIt() {
        Achievement group = a("2").subExecutions(List.of(
                Achievement.builder("x").dependsOn("y").build(), Achievement.builder("y").dependsOn("x").build()))
                .build();
        Plan plan = Plan.of("cyclic", List.of(group));
        LoadedPlan unchecked = new LoadedPlan(plan, PlanGraph.of(plan.achievements()),
                new ValidationReport(List.of(), List.of()));

        assertThatThrownBy(() -> new Scheduler(unchecked, RunOptions.defaults(), T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sub_executions of achievement 2 form a dependency cycle (through 2/x); remove one of"
                        + " its dependencies");
    }

    @Test
    void shouldDescribeWhatEachFinalStateShowsOnAStage() {
        assertThat(StageOutcome.of(TaskState.FAILED, false)).isEqualTo(StageOutcome.FAILED);
        assertThat(StageOutcome.of(TaskState.FAILED, true).warning()).isTrue();
        assertThat(StageOutcome.of(TaskState.BLOCKED, false).skippedStage()).isTrue();
        assertThat(StageOutcome.of(TaskState.SUCCEEDED, true)).isEqualTo(StageOutcome.RAN_OK);
        assertThat(StageOutcome.of(TaskState.FLAKY, false).warning()).isTrue();
        assertThatThrownBy(() -> StageOutcome.of(TaskState.RUNNING, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
