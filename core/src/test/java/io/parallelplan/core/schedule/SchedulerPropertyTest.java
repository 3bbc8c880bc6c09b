package io.parallelplan.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.ledger.LedgerState;
import io.parallelplan.core.ledger.ResumePlan;
import io.parallelplan.core.ledger.RunHeader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the scheduler over random DAGs, random attempt outcomes, limits and policies. */
class SchedulerPropertyTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Drives a scheduler with random choices, checking the invariants that must hold after every call. */
    static final class Driver {
        final RandomPlans plans;
        final Scheduler s;
        final Random random;
        final Map<String, Integer> starts = new HashMap<>();
        final List<RunEvent> events = new ArrayList<>();
        final int failPercent;
        final int timeoutPercent;
        /** Whether ids are handed back as equal copies rather than the strings the scheduler gave. */
        boolean copies;
        boolean stopped;
        Instant time = T0;

        Driver(RandomPlans plans, RunOptions options, Random random, int failPercent) {
            this(plans, options, random, failPercent, failPercent == 0 ? 0 : 5);
        }

        Driver(RandomPlans plans, RunOptions options, Random random, int failPercent, int timeoutPercent) {
            this.plans = plans;
            this.random = random;
            this.failPercent = failPercent;
            this.timeoutPercent = timeoutPercent;
            this.s = new Scheduler(plans.plan, options, T0, events::add);
        }

        void run(boolean mayStop) {
            int guard = 0;
            while (!s.isFinished()) {
                if (++guard > 100_000) {
                    throw new AssertionError("the run does not end: " + s.records());
                }
                time = time.plusSeconds(1);
                List<String> startable = s.startable();
                checkStartable(startable);
                if (startable.isEmpty() && s.runningCount() == 0) {
                    throw new AssertionError("nothing running and nothing startable: " + s.records());
                }
                for (String id : startable) {
                    if (s.runningCount() == 0 || random.nextInt(3) > 0) {
                        start(id);
                    }
                }
                if (mayStop && !stopped && random.nextInt(40) == 0) {
                    stopped = true;
                    interrupt(s.stop("test stop", time));
                    continue;
                }
                List<String> running = s.running();
                if (!running.isEmpty()) {
                    String id = running.get(random.nextInt(running.size()));
                    AttemptOutcome outcome;
                    int roll = random.nextInt(100);
                    if (roll < failPercent) {
                        outcome = AttemptOutcome.failure(1 + random.nextInt(3), "failed");
                    } else if (roll < failPercent + timeoutPercent) {
                        outcome = AttemptOutcome.timeout(null);
                    } else {
                        outcome = AttemptOutcome.success();
                    }
                    interrupt(s.finish(copy(id), outcome, time));
                }
            }
        }

        private void interrupt(List<String> ids) {
            for (String id : ids) {
                if (s.state(copy(id)) == TaskState.RUNNING) {
                    s.finish(copy(id), AttemptOutcome.interrupted(null), time);
                }
            }
        }

        private String copy(String id) {
            return copies ? new String(id) : id;
        }

        private void checkStartable(List<String> startable) {
            assertThat(startable.size()).isLessThanOrEqualTo(s.options().maxParallel() - s.runningCount());
            Set<String> executors = new HashSet<>();
            for (String r : s.running()) {
                s.executor(r).ifPresent(executors::add);
            }
            for (String id : startable) {
                assertThat(s.state(id)).isEqualTo(TaskState.READY);
                s.executor(id).ifPresent(e -> assertThat(executors.add(e))
                        .as("executor %s offered twice or while busy", e).isTrue());
            }
        }

        private void start(String id) {
            for (String d : plans.waitsFor.get(id)) {
                assertThat(s.state(d).satisfiesDependents())
                        .as("%s starts while its dependency %s is %s", id, d, s.state(d)).isTrue();
            }
            s.start(copy(id), time);
            starts.merge(id, 1, Integer::sum);
            assertThat(s.runningCount()).isLessThanOrEqualTo(s.options().maxParallel());
            Set<String> busy = new HashSet<>();
            for (String r : s.running()) {
                s.executor(r).ifPresent(e -> assertThat(busy.add(e)).as("executor %s runs two tasks", e).isTrue());
            }
        }
    }

    private static RunOptions options(Random random, FailurePolicy policy, int maxParallel) {
        return RunOptions.builder()
                .maxParallel(maxParallel)
                .policy(policy)
                .drain(random.nextBoolean())
                .minScore(random.nextInt(11) / 10.0)
                .defaultRetries(random.nextInt(2))
                .build();
    }

    @Property(tries = 300)
    void shouldKeepEveryInvariantOfTheRun(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 25) int size,
            @ForAll @IntRange(min = 1, max = 4) int maxParallel,
            @ForAll FailurePolicy policy,
            @ForAll @IntRange(min = 0, max = 40) int failPercent) {
        Random random = new Random(seed);
        RandomPlans plans = RandomPlans.generate(random, size);
        Driver d = new Driver(plans, options(random, policy, maxParallel), random, failPercent);

        d.run(true);

        Scheduler s = d.s;
        for (String id : s.tasks()) {
            assertThat(d.starts.getOrDefault(id, 0)).as("starts of %s", id).isLessThanOrEqualTo(s.maxAttempts(id));
            TaskState state = s.state(id);
            assertThat(state.isFinal()).isTrue();
            if (state == TaskState.FLAKY) {
                assertThat(d.starts.get(id)).isGreaterThan(1);
            }
            if (state == TaskState.SUCCEEDED) {
                assertThat(d.starts.get(id)).isEqualTo(1);
            }
            if (state == TaskState.BLOCKED || state == TaskState.CANCELLED && !d.starts.containsKey(id)) {
                assertThat(d.starts).doesNotContainKey(id);
            }
        }
        for (String id : s.ids()) {
            for (String dep : plans.waitsFor.get(id)) {
                if (s.state(dep).blocksDependents()) {
                    assertThat(s.state(id)).as("%s waits for %s, which is %s", id, dep, s.state(dep))
                            .isIn(TaskState.BLOCKED, TaskState.CANCELLED);
                }
            }
            if (s.state(id) == TaskState.BLOCKED) {
                checkChain(plans, s, s.blockedChain(id).orElseThrow());
            }
        }
        checkResult(s.result(), s);
    }

    @Property(tries = 200)
    void shouldRunTheSameWhetherIdsComeBackAsGivenOrAsEqualCopies(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 25) int size,
            @ForAll @IntRange(min = 1, max = 4) int maxParallel,
            @ForAll FailurePolicy policy,
            @ForAll @IntRange(min = 0, max = 40) int failPercent) {
        // The scheduler recognizes the strings startable() offered by identity, and those asked about lately: a
        // driver that passes equal strings of its own (read back from a file, say) must see the very same run.
        List<List<RunEvent>> runs = new ArrayList<>();
        for (boolean copies : new boolean[] {false, true}) {
            Random random = new Random(seed);
            RandomPlans plans = RandomPlans.generate(random, size);
            Driver d = new Driver(plans, options(random, policy, maxParallel), random, failPercent);
            d.copies = copies;
            d.run(true);
            runs.add(d.events);
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    @Property(tries = 200)
    void shouldCompleteIndependentWorkUnderKeepGoing(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 25) int size,
            @ForAll @IntRange(min = 1, max = 4) int maxParallel,
            @ForAll @IntRange(min = 0, max = 50) int failPercent) {
        Random random = new Random(seed);
        RandomPlans plans = RandomPlans.generate(random, size);
        Driver d = new Driver(plans, options(random, FailurePolicy.KEEP_GOING, maxParallel), random, failPercent);

        d.run(false);

        Scheduler s = d.s;
        for (String id : s.ids()) {
            TaskState state = s.state(id);
            assertThat(state).as(id).isNotEqualTo(TaskState.CANCELLED);
            boolean depFailed = plans.waitsFor.get(id).stream().anyMatch(dep -> s.state(dep).blocksDependents());
            if (s.isGroup(id)) {
                continue;
            }
            assertThat(state == TaskState.BLOCKED).as("%s is %s", id, state).isEqualTo(depFailed);
            if (!depFailed) {
                assertThat(d.starts.getOrDefault(id, 0)).as("%s ran", id).isPositive();
            }
        }
    }

    @Property(tries = 200)
    void shouldResumeExactlyWhatSemanticsSays(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 20) int size,
            @ForAll @IntRange(min = 0, max = 40) int failPercent,
            @ForAll boolean changeOne) {
        Random random = new Random(seed);
        RandomPlans first = RandomPlans.generate(random, size);
        Driver d = new Driver(first, options(random, FailurePolicy.KEEP_GOING, 3), random, failPercent);
        d.run(true);
        LedgerState previous = new LedgerState(null, RunHeader.of("old", first.plan, d.s.options(), T0),
                d.s.records(), null, null, 0, T0, false);
        int changed = random.nextInt(size);
        RandomPlans next = changeOne ? first.withChangedCommand(changed) : first;

        ResumePlan resume = ResumePlan.of(previous, next.plan);

        // The oracle: a task runs again if it did not pass, if it (or its achievement) changed, or if anything it
        // waits for — directly or not, a whole achievement counting through its sub-executions — runs again.
        Map<String, Boolean> again = new HashMap<>();
        for (String task : d.s.tasks()) {
            rerun(task, next, d.s, changeOne ? "a" + changed : null, again);
        }
        for (String task : d.s.tasks()) {
            String owner = d.s.parentOf(task).orElse(null);
            boolean skipped = resume.skip().containsKey(task) || owner != null && resume.skip().containsKey(owner);
            assertThat(resume.rerun().containsKey(task)).as("%s runs again", task).isEqualTo(again.get(task));
            assertThat(skipped).as("%s is kept", task).isEqualTo(!again.get(task));
        }
        Scheduler resumed = new Scheduler(next.plan, resume.applyTo(RunOptions.builder()).build(), T0);
        Driver all = new Driver(next, resumed.options(), random, 0);
        all.run(false);
        for (String task : d.s.tasks()) {
            assertThat(all.starts.containsKey(task)).as("%s started in the resumed run", task)
                    .isEqualTo(again.get(task));
        }
    }

    private static boolean rerun(String task, RandomPlans plans, Scheduler old, String changed,
            Map<String, Boolean> memo) {
        Boolean known = memo.get(task);
        if (known != null) {
            return known;
        }
        String owner = old.parentOf(task).orElse(task);
        boolean again = !old.state(task).satisfiesDependents() || owner.equals(changed);
        for (String dep : plans.waitsFor.get(task)) {
            for (String t : plans.tasksOf(dep)) {
                again |= rerun(t, plans, old, changed, memo);
            }
        }
        memo.put(task, again);
        return again;
    }

    private static void checkChain(RandomPlans plans, Scheduler s, BlockedChain chain) {
        List<String> ids = chain.ids();
        for (int i = 0; i + 1 < ids.size(); i++) {
            String at = ids.get(i);
            String next = ids.get(i + 1);
            boolean dependency = plans.waitsFor.get(at).contains(next);
            boolean decidingChild = s.isGroup(at) && s.children(at).contains(next);
            boolean gate = s.parentOf(at).map(next::equals).orElse(false);
            assertThat(dependency || decidingChild || gate).as("%s links %s to %s", chain, at, next).isTrue();
            if (dependency || gate) {
                assertThat(s.state(at)).isEqualTo(TaskState.BLOCKED);
            }
            assertThat(chain.text()).contains(at + " " + s.state(at));
        }
        String root = chain.root();
        assertThat(s.isGroup(root)).isFalse();
        assertThat(s.state(root)).as(chain.text()).isIn(TaskState.FAILED, TaskState.CANCELLED);
    }

    /** The policy's definition, written out again independently. */
    private static void checkResult(RunResult r, Scheduler s) {
        boolean badMandatory = false;
        boolean badOptional = false;
        boolean badRequired = false;
        boolean flaky = false;
        double passed = 0;
        double counted = 0;
        int achievements = 0;
        for (TaskRecord t : s.records()) {
            if (t.parentId() != null) {
                continue;
            }
            achievements++;
            TaskState st = t.state();
            boolean bad = st == TaskState.FAILED || st == TaskState.BLOCKED || st == TaskState.CANCELLED;
            badMandatory |= bad && !t.optional();
            badOptional |= bad && t.optional();
            badRequired |= bad && t.required();
            flaky |= st == TaskState.FLAKY;
            if (st != TaskState.SKIPPED) {
                counted += t.weight();
                passed += st == TaskState.SUCCEEDED || st == TaskState.FLAKY ? t.weight() : 0;
            }
        }
        RunStatus expected;
        if (s.options().policy() == FailurePolicy.THRESHOLD) {
            double score = counted == 0 ? 1 : passed / counted;
            assertThat(r.score()).hasValueCloseTo(score, org.assertj.core.data.Offset.offset(1e-9));
            expected = badRequired ? RunStatus.FAILURE
                    : score >= 1 - 1e-9 && !flaky ? RunStatus.SUCCESS
                    : score >= s.options().minScore() - 1e-9 ? RunStatus.UNSTABLE : RunStatus.FAILURE;
        } else {
            expected = badMandatory ? RunStatus.FAILURE
                    : badOptional || flaky ? RunStatus.UNSTABLE : RunStatus.SUCCESS;
        }
        assertThat(r.status()).isEqualTo(expected);
        assertThat(r.countLine()).startsWith(achievements + (achievements == 1 ? " achievement: " : " achievements: "))
                .contains("— " + expected);
        if (s.options().policy() == FailurePolicy.FAIL_FAST && r.stopReason().isPresent()
                && r.stopReason().get().startsWith("fail-fast")) {
            assertThat(r.status()).isEqualTo(RunStatus.FAILURE);
        }
    }
}
