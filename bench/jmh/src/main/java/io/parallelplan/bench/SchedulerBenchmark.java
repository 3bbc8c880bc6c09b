package io.parallelplan.bench;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.parse.ParsedPlan;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.SchedulePlan;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scheduler alone, without persistence: one whole run of a random 100,000-achievement plan (up to 3
 * dependencies each among the previous 1,000, estimates of 1–8 hours, one in ten on one of 50 executors),
 * max parallel 64, driven the way a runner drives it — start what is startable, finish the oldest running task, again.
 * Every achievement succeeds, so a run is exactly 3 events per achievement (READY, RUNNING, SUCCEEDED); the score is
 * events per second. {@link #runWholePlan} includes building the scheduler of the plan (its state arrays and the
 * first 25,000 READY events); preparing the plan itself (indexing and ranking it, done once per plan like building its
 * graph) is {@link #preparePlan}, in milliseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SchedulerBenchmark {
    static final int ACHIEVEMENTS = 100_000;
    static final int EVENTS = 3 * ACHIEVEMENTS;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private LoadedPlan plan;
    private SchedulePlan prepared;
    private RunOptions options;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<Achievement> list = new ArrayList<>(ACHIEVEMENTS);
        for (int i = 0; i < ACHIEVEMENTS; i++) {
            Achievement.Builder b = Achievement.builder("a" + i).position(i).hours(1 + random.nextInt(8));
            int deps = i == 0 ? 0 : random.nextInt(4);
            for (int k = 0; k < deps; k++) {
                b.dependsOn("a" + Math.max(0, i - 1 - random.nextInt(Math.min(i, 1000))));
            }
            if (random.nextInt(10) == 0) {
                b.executor("executor-" + random.nextInt(50));
            }
            list.add(b.build());
        }
        plan = new PlanLoader().load(new ParsedPlan(Plan.of("bench", list), List.of())).requireValid();
        prepared = SchedulePlan.of(plan);
        options = RunOptions.builder().maxParallel(64).build();
    }

    /** One whole run: a scheduler of the prepared plan (its arrays, the first READY events), driven to the end. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long runWholePlan() {
        long[] events = new long[1];
        Scheduler s = new Scheduler(prepared, options, T0, e -> events[0]++);
        return drive(s, events);
    }

    /** Preparing the plan, once per plan: index the tasks, build the dependency rows, rank by remaining hours. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SchedulePlan preparePlan() {
        return SchedulePlan.of(plan);
    }

    private static long drive(Scheduler s, long[] events) {
        ArrayDeque<String> running = new ArrayDeque<>();
        AttemptOutcome ok = AttemptOutcome.success();
        while (!s.isFinished()) {
            for (String id : s.startable()) {
                s.start(id, T0);
                running.add(id);
            }
            s.finish(running.poll(), ok, T0);
        }
        if (events[0] != EVENTS) {
            throw new IllegalStateException("expected " + EVENTS + " events, got " + events[0]);
        }
        return events[0];
    }
}
