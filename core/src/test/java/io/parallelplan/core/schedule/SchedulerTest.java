package io.parallelplan.core.schedule;

import static io.parallelplan.core.schedule.Plans.a;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.validate.LoadedPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private Instant clock = T0;
    private final List<RunEvent> events = new ArrayList<>();

    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    private Scheduler scheduler(LoadedPlan plan, RunOptions options) {
        return new Scheduler(plan, options, T0, events::add);
    }

    /** Runs everything startable until the run ends; failing ids fail every attempt. */
    private static void runAll(Scheduler s, List<String> failing, Instant time) {
        while (!s.isFinished()) {
            List<String> next = s.startable();
            if (next.isEmpty() && s.runningCount() == 0) {
                throw new AssertionError("stuck: " + s.records());
            }
            for (String id : next) {
                s.start(id, time);
            }
            for (String id : s.running()) {
                s.finish(id, failing.contains(id) ? AttemptOutcome.failure(2, "boom") : AttemptOutcome.success(),
                        time);
            }
        }
    }

    @Test
    void shouldRunDependenciesBeforeDependentsAndSucceed() {
        Scheduler s = scheduler(Plans.of(a("1.1"), a("1.2", "1.1"), a("1.3", "1.1"), a("2.1", "1.2", "1.3")),
                RunOptions.defaults());

        assertThat(s.startable()).containsExactly("1.1");
        s.start("1.1", tick());
        assertThat(s.startable()).isEmpty();
        s.finish("1.1", AttemptOutcome.success(), tick());
        assertThat(s.startable()).containsExactly("1.2", "1.3");
        s.start("1.2", tick());
        s.start("1.3", tick());
        s.finish("1.2", AttemptOutcome.success(), tick());
        assertThat(s.state("2.1")).isEqualTo(TaskState.PENDING);
        s.finish("1.3", AttemptOutcome.success(), tick());
        s.start("2.1", tick());
        s.finish("2.1", AttemptOutcome.success(), tick());

        assertThat(s.isFinished()).isTrue();
        RunResult r = s.result();
        assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(r.countLine()).isEqualTo(
                "4 achievements: 4 succeeded, 0 flaky, 0 failed, 0 blocked, 0 cancelled, 0 skipped — SUCCESS");
        assertThat(events).first().hasToString("1.1 PENDING → READY");
    }

    @Test
    void shouldPreferLongestRemainingPathThenPlanOrder() {
        Scheduler s = scheduler(Plans.of(a("1").hours(1), a("2").hours(1), a("3").hours(1), a("4", "3").hours(5)),
                RunOptions.builder().maxParallel(2).build());

        assertThat(s.startable()).containsExactly("3", "1");
    }

    @Test
    void shouldRunTasksOfOneExecutorOneAtATime() {
        Scheduler s = scheduler(Plans.of(a("1").executor("ann"), a("2").executor("ann"), a("3")),
                RunOptions.defaults());

        assertThat(s.startable()).containsExactly("1", "3");
        s.start("1", tick());
        assertThat(s.canStart("2")).isFalse();
        assertThat(s.startable()).containsExactly("3");
        s.finish("1", AttemptOutcome.success(), tick());
        assertThat(s.startable()).containsExactly("2", "3");
    }

    @Test
    void shouldBlockDependentsOfFailedAchievementWithChain() {
        Scheduler s = scheduler(Plans.of(a("2.2").retries(1), a("2.3", "2.2"), a("3.1", "2.3"), a("9")),
                RunOptions.defaults());

        runAll(s, List.of("2.2"), tick());

        RunResult r = s.result();
        assertThat(s.attempts("2.2")).isEqualTo(2);
        assertThat(r.status()).isEqualTo(RunStatus.FAILURE);
        assertThat(s.state("9")).isEqualTo(TaskState.SUCCEEDED);
        assertThat(r.blockedChains()).extracting(BlockedChain::text).containsExactly(
                "2.3 BLOCKED ← 2.2 FAILED (exit 2 after 2 attempts)",
                "3.1 BLOCKED ← 2.3 BLOCKED ← 2.2 FAILED (exit 2 after 2 attempts)");
        assertThat(r.summary().achievements().get("3.1").blockedBy()).containsExactly("2.3", "2.2");
    }

    @Test
    void shouldEndFlakyWhenRetrySucceeds() {
        Scheduler s = scheduler(Plans.of(a("1").retries(2)), RunOptions.defaults());
        s.start("1", tick());
        s.finish("1", AttemptOutcome.failure(1, "flaky"), tick());
        assertThat(s.state("1")).isEqualTo(TaskState.READY);
        assertThat(s.startable()).containsExactly("1");
        s.start("1", tick());
        s.finish("1", AttemptOutcome.success(), tick());

        assertThat(s.state("1")).isEqualTo(TaskState.FLAKY);
        assertThat(s.result().status()).isEqualTo(RunStatus.UNSTABLE);
    }

    @Test
    void shouldTakeTimeoutAndRetriesFromAchievementElseDefaults() {
        Scheduler s = scheduler(Plans.of(a("1").timeoutMinutes(5).retries(3), a("2")),
                RunOptions.builder().defaultRetries(1).defaultTimeoutMinutes(30).build());

        assertThat(s.timeout("1")).contains(Duration.ofMinutes(5));
        assertThat(s.maxAttempts("1")).isEqualTo(4);
        assertThat(s.timeout("2")).contains(Duration.ofMinutes(30));
        assertThat(s.maxAttempts("2")).isEqualTo(2);
    }

    @Test
    void shouldRefuseIllegalTransitionsNamingTaskAndStates() {
        Scheduler s = scheduler(Plans.of(a("1"), a("2", "1")), RunOptions.defaults());

        assertThatThrownBy(() -> s.start("2", tick()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("illegal transition of 2: PENDING → RUNNING");
        s.start("1", tick());
        s.finish("1", AttemptOutcome.success(), tick());
        assertThatThrownBy(() -> s.finish("1", AttemptOutcome.success(), tick()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1")
                .hasMessageContaining("SUCCEEDED");
    }

    @Test
    void shouldRunSubExecutionsAsChildrenOfTheirAchievement() {
        Achievement.Builder group = a("2.1", "1.1").subExecutions(List.of(
                Achievement.builder("2.1.1").build(),
                Achievement.builder("2.1.2").dependsOn("2.1.1").build()));
        Scheduler s = scheduler(Plans.of(a("1.1"), group, a("3.1", "2.1")), RunOptions.defaults());

        assertThat(s.tasks()).containsExactly("1.1", "2.1/2.1.1", "2.1/2.1.2", "3.1");
        s.start("1.1", tick());
        s.finish("1.1", AttemptOutcome.success(), tick());
        assertThat(s.state("2.1")).isEqualTo(TaskState.READY);
        assertThat(s.startable()).containsExactly("2.1/2.1.1");
        s.start("2.1/2.1.1", tick());
        assertThat(s.state("2.1")).isEqualTo(TaskState.RUNNING);
        s.finish("2.1/2.1.1", AttemptOutcome.success(), tick());
        s.start("2.1/2.1.2", tick());
        s.finish("2.1/2.1.2", AttemptOutcome.failure(3, null), tick());

        assertThat(s.state("2.1")).isEqualTo(TaskState.FAILED);
        assertThat(s.state("3.1")).isEqualTo(TaskState.BLOCKED);
        assertThat(s.blockedChain("3.1")).get().hasToString(
                "3.1 BLOCKED ← 2.1 FAILED ← 2.1/2.1.2 FAILED (exit 3 after 1 attempt)");
    }
}
