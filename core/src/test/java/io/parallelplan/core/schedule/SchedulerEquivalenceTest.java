package io.parallelplan.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The scheduler does exactly what it did before issue 12's optimizations ({@link RefScheduler}, a frozen copy): on
 * random plans (sub-executions, executors, retries, skips) driven at random — starts in and out of the offered order,
 * equal copies of ids, illegal calls, failures, timeouts, interrupts, stops — every answer, event, record and result
 * is the same.
 */
class SchedulerEquivalenceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    record Stop(EventReason kind, String reason, Instant time) {}

    static final class Recorder implements RunListener {
        final List<Object> seen = new ArrayList<>();

        @Override
        public void onEvent(RunEvent event) {
            seen.add(event);
        }

        @Override
        public void onStop(EventReason kind, String reason, Instant time) {
            seen.add(new Stop(kind, reason, time));
        }
    }

    private static Object outcome(Supplier<Object> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Property(tries = 500)
    void shouldBehaveExactlyAsBefore(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int size,
            @ForAll @IntRange(min = 1, max = 6) int maxParallel,
            @ForAll FailurePolicy policy,
            @ForAll @IntRange(min = 0, max = 40) int failPercent,
            @ForAll boolean listen) {
        Random random = new Random(seed);
        RandomPlans plans = RandomPlans.generate(random, size);
        RunOptions.Builder b = RunOptions.builder()
                .maxParallel(random.nextInt(10) == 0 ? RunOptions.UNLIMITED : maxParallel)
                .policy(policy)
                .drain(random.nextBoolean())
                .minScore(random.nextInt(11) / 10.0)
                .defaultRetries(random.nextInt(3));
        if (random.nextInt(3) == 0) {
            b.defaultTimeoutMinutes(1 + random.nextInt(3));
        }
        SchedulePlan probe = SchedulePlan.of(plans.plan);
        RefSchedulePlan oldProbe = RefSchedulePlan.of(plans.plan);
        assertThat(probe.ids()).isEqualTo(oldProbe.ids());
        assertThat(probe.tasks()).isEqualTo(oldProbe.tasks());
        for (String id : probe.ids()) {
            assertThat(probe.children(id)).isEqualTo(oldProbe.children(id));
            assertThat(probe.dependents(id)).isEqualTo(oldProbe.dependents(id));
            assertThat(probe.parentOf(id)).isEqualTo(oldProbe.parentOf(id));
            assertThat(probe.isGroup(id)).isEqualTo(oldProbe.isGroup(id));
            assertThat(probe.isOptional(id)).isEqualTo(oldProbe.isOptional(id));
            assertThat(probe.isRequired(id)).isEqualTo(oldProbe.isRequired(id));
            assertThat(probe.weight(id)).isEqualTo(oldProbe.weight(id));
            assertThat(probe.remainingHours(id)).isEqualTo(oldProbe.remainingHours(id));
            assertThat(probe.achievement(id)).isSameAs(oldProbe.achievement(id));
            assertThat(outcome(() -> probe.executor(id))).isEqualTo(outcome(() -> oldProbe.executor(id)));
        }
        if (random.nextInt(4) == 0) {
            for (String id : probe.ids()) {
                if (random.nextInt(5) == 0) {
                    b.skip(id, "skip " + id);
                }
            }
        }
        RunOptions options = b.build();
        Recorder newEvents = new Recorder();
        Recorder oldEvents = new Recorder();
        Scheduler s = new Scheduler(probe, options, T0, listen ? newEvents : RunListener.NONE);
        RefScheduler r = new RefScheduler(oldProbe, options, T0, oldEvents);
        Instant time = T0;
        int guard = 0;
        while (!r.isFinished() && ++guard < 10_000) {
            time = time.plusSeconds(1);
            compare(s, r, listen, newEvents, oldEvents);
            List<String> startable = r.startable();
            for (String given : startable) {
                // Drivers usually hand back the strings they were given, sometimes equal copies.
                String id = random.nextInt(4) == 0 ? new String(given) : given;
                if (r.runningCount() == 0 || random.nextInt(3) > 0) {
                    Instant t = time;
                    assertThat(outcome(() -> { s.start(id, t); return null; }))
                            .isEqualTo(outcome(() -> { r.start(id, t); return null; }));
                }
            }
            // Sometimes an illegal or unusual call: both must refuse or accept it alike.
            String any = r.ids().get(random.nextInt(r.ids().size()));
            if (random.nextInt(5) == 0) {
                Instant t = time;
                assertThat(outcome(() -> { s.start(any, t); return null; }))
                        .isEqualTo(outcome(() -> { r.start(any, t); return null; }));
            }
            if (random.nextInt(8) == 0) {
                Instant t = time;
                assertThat(outcome(() -> s.finish(any, AttemptOutcome.success(), t)))
                        .isEqualTo(outcome(() -> r.finish(any, AttemptOutcome.success(), t)));
            }
            if (random.nextInt(60) == 0) {
                Instant t = time;
                assertThat(s.stop("test stop", t)).isEqualTo(r.stop("test stop", t));
            }
            List<String> running = r.running();
            if (!running.isEmpty()) {
                String picked = running.get(random.nextInt(running.size()));
                String id = random.nextInt(4) == 0 ? new String(picked) : picked;
                int roll = random.nextInt(100);
                AttemptOutcome o = roll < failPercent ? AttemptOutcome.failure(1 + random.nextInt(3), "failed " + roll)
                        : roll < failPercent + 5 ? AttemptOutcome.timeout(random.nextBoolean() ? null : "late")
                        : roll < failPercent + 8 ? AttemptOutcome.interrupted(null)
                        : roll < failPercent + 10 ? AttemptOutcome.failure("no exit")
                        : AttemptOutcome.success();
                Instant t = time;
                List<String> a = s.finish(id, o, t);
                List<String> c = r.finish(id, o, t);
                assertThat(a).isEqualTo(c);
                for (String other : c) {
                    if (r.state(other) == TaskState.RUNNING) {
                        assertThat(s.finish(other, AttemptOutcome.interrupted(null), t))
                                .isEqualTo(r.finish(other, AttemptOutcome.interrupted(null), t));
                    }
                }
            }
        }
        compare(s, r, listen, newEvents, oldEvents);
    }

    private static void compare(Scheduler s, RefScheduler r, boolean listen, Recorder n, Recorder o) {
        if (listen) {
            assertThat(n.seen).isEqualTo(o.seen);
        }
        assertThat(s.startable()).isEqualTo(r.startable());
        assertThat(s.running()).isEqualTo(r.running());
        assertThat(s.runningCount()).isEqualTo(r.runningCount());
        assertThat(s.isFinished()).isEqualTo(r.isFinished());
        assertThat(s.isStopping()).isEqualTo(r.isStopping());
        assertThat(s.stopReason()).isEqualTo(r.stopReason());
        assertThat(s.counts()).isEqualTo(r.counts());
        assertThat(s.records()).isEqualTo(r.records());
        assertThat(s.result()).usingRecursiveComparison().isEqualTo(r.result());
        for (String id : r.ids()) {
            assertThat(s.state(id)).isEqualTo(r.state(id));
            assertThat(s.record(id)).isEqualTo(r.record(id));
            assertThat(s.blockedChain(id)).isEqualTo(r.blockedChain(id));
            assertThat(outcome(() -> s.canStart(id))).isEqualTo(outcome(() -> r.canStart(id)));
            assertThat(outcome(() -> s.attempts(id))).isEqualTo(outcome(() -> r.attempts(id)));
            assertThat(outcome(() -> s.maxAttempts(id))).isEqualTo(outcome(() -> r.maxAttempts(id)));
            assertThat(outcome(() -> s.timeout(id))).isEqualTo(outcome(() -> r.timeout(id)));
            assertThat(outcome(() -> s.executor(id))).isEqualTo(outcome(() -> r.executor(id)));
        }
        assertThat(outcome(() -> s.state("nope"))).isEqualTo(outcome(() -> r.state("nope")));
    }
}
