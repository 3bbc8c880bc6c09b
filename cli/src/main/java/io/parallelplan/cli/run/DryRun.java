package io.parallelplan.cli.run;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.report.Markup;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.schedule.TaskState;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The order a run would start its tasks in if every estimate held: the real scheduler, driven with simulated time
 * instead of processes (each task "runs" for its estimated hours and passes). The simulated clock is kept here, in
 * hours; the scheduler is told {@link Instant#EPOCH} for every event (nothing reads its times), so that a plan of a
 * million achievements costs no clock object per event. Nothing is kept per start: each is handed on as it happens.
 */
public final class DryRun {
    /** Receives each simulated start, in order. */
    @FunctionalInterface
    public interface Starts {
        /** Task {@code id}, defined by {@code task}, would start {@code atHours} hours after the run's beginning. */
        void started(String id, Achievement task, double atHours);
    }

    private static final String LINE = System.lineSeparator();
    /** Below this many hours, {@link #hours} formats the cents itself (see there). */
    private static final double PLAIN_HOURS = 1e11;

    private DryRun() {}

    /**
     * Simulates a run on a fresh scheduler, which it consumes, telling {@code starts} about each start as it happens.
     *
     * @return when the last task would end, in hours from the beginning
     */
    public static double simulate(Scheduler scheduler, Starts starts) {
        Running running = new Running();
        double now = 0;
        double end = 0;
        while (true) {
            List<String> startable = scheduler.startable();
            for (int i = 0; i < startable.size(); i++) {
                String id = startable.get(i);
                scheduler.start(id, Instant.EPOCH);
                Achievement task = scheduler.achievement(id);
                starts.started(id, task, now);
                running.add(id, now + task.estimate().hours());
            }
            if (running.isEmpty()) {
                break;
            }
            String next = running.firstId();
            now = running.firstEnd();
            running.removeFirst();
            end = Math.max(end, now);
            if (scheduler.state(next) == TaskState.RUNNING) {
                scheduler.finish(next, AttemptOutcome.success(), Instant.EPOCH);
            }
        }
        return end;
    }

    /**
     * Simulates a run (as {@link #simulate}) and prints its start order as it goes, two lines per start: {@code
     * "  +HOURS   ID  TITLE"} (hours padded to 7 characters; no title part when the title is empty) and {@code
     * "            $ COMMAND"}. The lines go out in blocks, without a flush per line.
     *
     * @return when the last task would end, in hours from the beginning
     */
    public static double printStartOrder(Scheduler scheduler, AttemptCommands commands, PrintWriter out) {
        Markup lines = new Markup(out);
        StringBuilder hours = new StringBuilder(16);
        double makespan = simulate(scheduler, (id, task, atHours) -> {
            String title = task.title();
            hours.setLength(0);
            hours(hours, atHours);
            lines.append("  +").append(hours);
            for (int pad = hours.length(); pad < 7; pad++) {
                lines.append(' ');
            }
            lines.append(' ').append(id);
            if (!title.isEmpty()) {
                lines.append("  ").append(title);
            }
            lines.append(LINE).append("            $ ").append(commands.command(id)).append(LINE).spill();
        });
        lines.flush();
        return makespan;
    }

    /**
     * Hours as the dry run shows them: rounded to the hundredth, without trailing zeros, and an {@code h}
     * ({@code 2h}, {@code 2.5h}, {@code 2.25h}) — the text of {@code Estimate.formatHours(Math.round(hours * 100) /
     * 100.0) + "h"}.
     */
    public static String hours(double hours) {
        StringBuilder out = new StringBuilder(12);
        hours(out, hours);
        return out.toString();
    }

    /**
     * Appends {@link #hours(double)}. Up to {@value #PLAIN_HOURS} hours it writes the digits of the rounded cents
     * itself — which is what {@code String.format("%.2f")} makes of them there, where a double's error is far below
     * a cent — and leaves other values (negative, huge, not a number) to {@link Estimate#formatHours}.
     */
    static void hours(StringBuilder out, double hours) {
        if (!(hours >= 0 && hours < PLAIN_HOURS)) {
            out.append(Estimate.formatHours(Math.round(hours * 100) / 100.0)).append('h');
            return;
        }
        long cents = Math.round(hours * 100);
        out.append(cents / 100);
        int fraction = (int) (cents % 100);
        if (fraction != 0) {
            out.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                out.append(fraction % 10);
            }
        }
        out.append('h');
    }

    /** The running tasks, the first to end first (then by id): a binary heap in two arrays, no object per start. */
    private static final class Running {
        private double[] ends = new double[16];
        private String[] ids = new String[16];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        double firstEnd() {
            return ends[0];
        }

        String firstId() {
            return ids[0];
        }

        void add(String id, double end) {
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, 2 * size);
                ids = Arrays.copyOf(ids, 2 * size);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!before(end, id, ends[parent], ids[parent])) {
                    break;
                }
                ends[i] = ends[parent];
                ids[i] = ids[parent];
                i = parent;
            }
            ends[i] = end;
            ids[i] = id;
        }

        void removeFirst() {
            size--;
            double end = ends[size];
            String id = ids[size];
            ids[size] = null;
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && before(ends[child + 1], ids[child + 1], ends[child], ids[child])) {
                    child++;
                }
                if (!before(ends[child], ids[child], end, id)) {
                    break;
                }
                ends[i] = ends[child];
                ids[i] = ids[child];
                i = child;
            }
            if (size > 0) {
                ends[i] = end;
                ids[i] = id;
            }
        }

        private static boolean before(double end, String id, double otherEnd, String otherId) {
            int c = Double.compare(end, otherEnd);
            return c < 0 || c == 0 && id.compareTo(otherId) < 0;
        }
    }
}
