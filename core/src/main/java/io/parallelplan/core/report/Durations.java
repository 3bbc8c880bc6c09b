package io.parallelplan.core.report;

import io.parallelplan.core.model.Estimate;
import java.time.Duration;
import java.util.Locale;

/** How reports write durations and hours: short, fixed-width-ish and locale-independent. */
final class Durations {
    private Durations() {}

    /** {@code 0.4s}, {@code 12s}, {@code 3m 05s}, {@code 2h 07m}, {@code 3d 04h}; {@code —} for {@code null}. */
    static String format(Duration d) {
        if (d == null) {
            return "—";
        }
        long ms = d.toMillis();
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, (s % 86_400) / 3600);
    }

    /** {@code 2h}, {@code 1.5h}. */
    static String hours(double hours) {
        return Estimate.formatHours(hours) + "h";
    }

    /** Seconds with millisecond precision, for JUnit's {@code time} attribute. */
    static String seconds(Duration d) {
        return d == null ? "0" : String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }
}
