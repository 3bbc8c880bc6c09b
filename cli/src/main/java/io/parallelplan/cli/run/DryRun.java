package io.parallelplan.cli.run;

import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.schedule.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The order a run would start its tasks in if every estimate held: the real scheduler, driven with simulated time
 * instead of processes (each task "runs" for its estimated hours and passes).
 */
public final class DryRun {
    /** One simulated start: the task and when it would start, in hours from the beginning. */
    public record Start(String id, double atHours) {}

    /** The simulated starts in order, and when the last task would end. */
    public record Schedule(List<Start> starts, double makespanHours) {}

    private DryRun() {}

    /** Simulates a run on a fresh scheduler, which it consumes. */
    public static Schedule simulate(Scheduler scheduler) {
        Instant origin = Instant.EPOCH;
        record Running(String id, double endHours) {}
        PriorityQueue<Running> running = new PriorityQueue<>((a, b) -> {
            int c = Double.compare(a.endHours(), b.endHours());
            return c != 0 ? c : a.id().compareTo(b.id());
        });
        List<Start> starts = new ArrayList<>();
        double now = 0;
        double end = 0;
        while (true) {
            for (String id : scheduler.startable()) {
                scheduler.start(id, at(origin, now));
                starts.add(new Start(id, now));
                running.add(new Running(id, now + scheduler.achievement(id).estimate().hours()));
            }
            Running next = running.poll();
            if (next == null) {
                break;
            }
            now = next.endHours();
            end = Math.max(end, now);
            if (scheduler.state(next.id()) == TaskState.RUNNING) {
                scheduler.finish(next.id(), AttemptOutcome.success(), at(origin, now));
            }
        }
        return new Schedule(starts, end);
    }

    private static Instant at(Instant origin, double hours) {
        return origin.plus(Duration.ofMillis(Math.round(hours * 3_600_000)));
    }
}
