package io.parallelplan.cli.run;

import io.parallelplan.core.schedule.EventReason;
import io.parallelplan.core.schedule.RunEvent;
import io.parallelplan.core.schedule.TaskState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * One line per event, for CI logs and pipes: {@code [12:00:01] 2.1 RUNNING (attempt 1)}, {@code [12:00:03] 2.1
 * SUCCEEDED in 2.0s}, {@code [12:00:04] 3.1 BLOCKED ← 2.2}. Dependencies becoming satisfied are not shown.
 */
public final class EventLines implements RunDisplay {
    private final PrintWriter out;
    private final ZoneId zone;
    private final Map<String, Instant> started = new HashMap<>();
    /** The clock text of the last second shown: events come thousands per second, the clock changes once. */
    private long clockSecond = Long.MIN_VALUE;
    private String clockText;

    public EventLines(PrintWriter out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    @Override
    public void onEvent(RunEvent e) {
        String text = describe(e, started);
        if (text != null) {
            out.append('[').append(clock(e.time())).append("] ").append(text).append('\n');
        }
    }

    @Override
    public void onStop(EventReason kind, String reason, Instant time) {
        out.append('[').append(clock(time)).append("] ").append("stopping: ").append(reason).append('\n');
    }

    /** {@code HH:mm:ss} in the display's time zone. */
    private String clock(Instant time) {
        long second = time.getEpochSecond();
        if (second != clockSecond) {
            LocalTime local = LocalTime.ofInstant(time, zone);
            clockText = twoDigits(local.getHour()) + ":" + twoDigits(local.getMinute()) + ":"
                    + twoDigits(local.getSecond());
            clockSecond = second;
        }
        return clockText;
    }

    @Override
    public void flush() {
        out.flush();
    }

    /**
     * The text of one event without the clock, or {@code null} for events not worth a line. {@code started} keeps
     * each task's last start, to say how long it ran.
     */
    static String describe(RunEvent e, Map<String, Instant> started) {
        String id = e.taskId();
        TaskState to = e.to();
        switch (to) {
            case PENDING:
                return null;
            case READY:
                if (e.from() != TaskState.RUNNING) {
                    return null;
                }
                return id + " attempt " + e.attempt() + " failed (" + failure(e) + ") — will retry";
            case RUNNING:
                started.put(id, e.time());
                return e.attempt() > 0 ? id + " RUNNING (attempt " + e.attempt() + ")" : id + " RUNNING";
            case SUCCEEDED:
                return id + " SUCCEEDED" + took(e, started);
            case FLAKY:
                return id + " FLAKY" + took(e, started) + " (passed on attempt " + e.attempt() + ")";
            case FAILED:
                return id + " FAILED (" + failure(e) + (e.attempt() > 1 ? " on attempt " + e.attempt() : "") + ")";
            case BLOCKED:
                return id + " BLOCKED" + (e.cause() != null ? " ← " + e.cause() : "");
            case CANCELLED:
            case SKIPPED:
                return id + " " + to + (e.message() != null ? " (" + e.message() + ")" : "");
            default:
                return id + " " + to;
        }
    }

    /** {@code exit 2}, {@code timed out after 5m00s}, or the failure's message. */
    private static String failure(RunEvent e) {
        if (e.reason() == EventReason.TIMEOUT) {
            return e.message() != null && e.message().startsWith("timed out") ? e.message() : "timed out";
        }
        if (e.reason() == EventReason.SUB_EXECUTIONS && e.cause() != null) {
            return "sub-execution " + e.cause() + " failed";
        }
        if (e.exitCode() != null) {
            return "exit " + e.exitCode();
        }
        return e.message() != null ? e.message() : "failed";
    }

    private static String took(RunEvent e, Map<String, Instant> started) {
        Instant from = started.remove(e.taskId());
        return from == null ? "" : " in " + seconds(Duration.between(from, e.time()));
    }

    /** A duration as {@code 2.0s}, {@code 1m05s} or {@code 1h02m}. */
    static String seconds(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 60_000) {
            long tenths = (ms + 50) / 100; // rounded half up, as %.1f does
            return tenths / 10 + "." + tenths % 10 + "s";
        }
        long s = ms / 1000;
        if (s < 3600) {
            return s / 60 + "m" + twoDigits(s % 60) + "s";
        }
        return s / 3600 + "h" + twoDigits((s % 3600) / 60) + "m";
    }

    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
