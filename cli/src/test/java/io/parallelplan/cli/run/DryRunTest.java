package io.parallelplan.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.parse.ParsedPlan;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunListener;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.SchedulePlan;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.schedule.TaskState;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DryRunTest {
    /** The text of the hours as RunCommand made it before, with Estimate.formatHours (String.format). */
    private static String oldHours(double h) {
        return Estimate.formatHours(Math.round(h * 100) / 100.0) + "h";
    }

    @Property(tries = 5000)
    void shouldWriteHoursAsEstimateFormatsThem(@ForAll("hours") double hours) {
        assertThat(DryRun.hours(hours)).isEqualTo(oldHours(hours));
    }

    @Provide
    Arbitrary<Double> hours() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 100_000_000).map(cents -> cents / 100.0),
                Arbitraries.integers().between(0, 2_000_000).map(thousandths -> thousandths / 1000.0),
                Arbitraries.doubles().between(0, 1e6),
                Arbitraries.doubles().between(1e9, 2e11),
                Arbitraries.doubles().between(-1e3, 1e17),
                Arbitraries.of(0.005, 0.015, 0.125, 1.005, 2.675, 99.995, 1e11 - 0.005, 1e11, -0.004, -0.5,
                        Double.NaN, Double.POSITIVE_INFINITY, 4.5e15, 1e15 + 0.5));
    }

    /**
     * The start order as the dry run prints it now (streamed, in blocks) is the one it printed before: the starts of
     * the simulation as it was made before (a priority queue of records, a clock instant per event), formatted line
     * by line with String.format.
     */
    @Property(tries = 60)
    void shouldPrintTheStartOrderAsBefore(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3000) int size,
            @ForAll @IntRange(min = 1, max = 9) int parallel) {
        Random random = new Random(seed);
        LoadedPlan plan = plan(random, size);
        Scheduler probe = scheduler(plan, parallel);
        AttemptCommands commands = new AttemptCommands(Path.of("."), "P",
                new ExecTemplate(random.nextBoolean() ? "true" : "make {nn} # {title}"), probe::achievement);
        for (String id : probe.tasks()) {
            commands.add(id, probe.achievement(id));
        }
        StringBuilder expected = new StringBuilder();
        Scheduler before = scheduler(plan, parallel);
        double expectedEnd = oldSimulate(before, (id, atHours) -> {
            String title = before.achievement(id).title();
            expected.append(String.format(Locale.ROOT, "  +%-7s %s%s", oldHours(atHours), id,
                    title.isEmpty() ? "" : "  " + title)).append(System.lineSeparator());
            expected.append("            $ " + commands.command(id)).append(System.lineSeparator());
        });

        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        double end = DryRun.printStartOrder(scheduler(plan, parallel), commands, out);
        out.flush();

        assertThat(text.toString()).isEqualTo(expected.toString());
        assertThat(end).isEqualTo(expectedEnd);
    }

    /** The simulation as DryRun made it before. */
    private static double oldSimulate(Scheduler scheduler, java.util.function.ObjDoubleConsumer<String> starts) {
        Instant origin = Instant.EPOCH;
        record Running(String id, double endHours) {}
        PriorityQueue<Running> running = new PriorityQueue<>((a, b) -> {
            int c = Double.compare(a.endHours(), b.endHours());
            return c != 0 ? c : a.id().compareTo(b.id());
        });
        double now = 0;
        double end = 0;
        while (true) {
            for (String id : scheduler.startable()) {
                scheduler.start(id, origin.plus(Duration.ofMillis(Math.round(now * 3_600_000))));
                starts.accept(id, now);
                running.add(new Running(id, now + scheduler.achievement(id).estimate().hours()));
            }
            Running next = running.poll();
            if (next == null) {
                break;
            }
            now = next.endHours();
            end = Math.max(end, now);
            if (scheduler.state(next.id()) == TaskState.RUNNING) {
                scheduler.finish(next.id(), AttemptOutcome.success(),
                        origin.plus(Duration.ofMillis(Math.round(now * 3_600_000))));
            }
        }
        return end;
    }

    private static Scheduler scheduler(LoadedPlan plan, int parallel) {
        return new Scheduler(SchedulePlan.of(plan), RunOptions.builder().maxParallel(parallel).build(), Instant.EPOCH,
                RunListener.NONE);
    }

    /**
     * A random plan: up to three dependencies among the previous 50, titles (some empty, some long), estimates (many
     * equal, so that tasks end together), a few executors.
     */
    private static LoadedPlan plan(Random random, int size) {
        List<Achievement> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String title = random.nextInt(5) == 0 ? "" : "Achievement " + i + " " + "x".repeat(random.nextInt(80));
            Achievement.Builder b = Achievement.builder((1 + i / 100) + "." + (i % 100)).position(i).title(title);
            switch (random.nextInt(4)) {
                case 0 -> b.hours(random.nextInt(12));
                case 1 -> b.hours(random.nextInt(1000) / 100.0);
                case 2 -> b.estimate(random.nextInt(4) + "-" + (4 + random.nextInt(4)));
                default -> { } // no estimate: 1 hour
            }
            if (random.nextInt(8) == 0) {
                b.executor("e" + random.nextInt(3));
            }
            for (int k = random.nextInt(4); k > 0 && i > 0; k--) {
                int d = Math.max(0, i - 1 - random.nextInt(Math.min(i, 50)));
                b.dependsOn((1 + d / 100) + "." + (d % 100));
            }
            list.add(b.build());
        }
        return new PlanLoader().load(new ParsedPlan(Plan.of("test", list), List.of())).requireValid();
    }
}
