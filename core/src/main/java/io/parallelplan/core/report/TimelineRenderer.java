package io.parallelplan.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The timeline (Gantt chart) of a run as an SVG element: one lane per concurrent slot, one bar per attempt coloured
 * by how it ended (so retries show as a failed bar followed by another), and under each achievement's last bar a
 * grey line as long as its estimate, clipped at the chart's end. Lanes are assigned greedily by start time (the
 * lowest free lane), which uses exactly as many lanes as attempts ever ran at once. Presentation attributes only, as
 * in {@link SvgGraphRenderer}.
 */
public final class TimelineRenderer {
    static final int WIDTH = 1200;
    static final int GUTTER = 64;
    static final int LANE_HEIGHT = 26;
    static final int BAR_HEIGHT = 17;
    static final int AXIS_HEIGHT = 24;
    private static final long[] TICK_STEPS_MS = {
        100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
        1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000, 604_800_000
    };

    /** One bar: an attempt of an entry, and the lane it was drawn in. */
    record Bar(int entry, ReportSnapshot.Attempt attempt, Instant end, int lane) {}

    /** The bars of a snapshot with their lanes, in start order, and the time span they cover. */
    record Lanes(List<Bar> bars, int count, Instant start, Instant end) {
        long spanMillis() {
            return Math.max(1, Duration.between(start, end).toMillis());
        }
    }

    /** Whether the snapshot has any attempt to draw. */
    public static boolean hasAttempts(ReportSnapshot snapshot) {
        for (ReportSnapshot.Entry e : snapshot.entries()) {
            if (!e.attempts().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    static Lanes lanes(ReportSnapshot snapshot) {
        List<ReportSnapshot.Entry> entries = snapshot.entries();
        Instant start = null;
        Instant last = null;
        List<Bar> raw = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            for (ReportSnapshot.Attempt a : entries.get(i).attempts()) {
                raw.add(new Bar(i, a, null, -1));
                start = start == null || a.startedAt().isBefore(start) ? a.startedAt() : start;
                Instant t = a.finishedAt() == null ? a.startedAt() : a.finishedAt();
                last = last == null || t.isAfter(last) ? t : last;
            }
        }
        if (raw.isEmpty()) {
            return new Lanes(List.of(), 0, Instant.EPOCH, Instant.EPOCH);
        }
        raw.sort(Comparator.comparing((Bar b) -> b.attempt().startedAt())
                .thenComparingInt(Bar::entry)
                .thenComparingInt(b -> b.attempt().number()));
        // An attempt still running (no end) is drawn up to the latest instant the snapshot knows.
        PriorityQueue<long[]> busy = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        PriorityQueue<Integer> free = new PriorityQueue<>();
        int lanes = 0;
        List<Bar> bars = new ArrayList<>(raw.size());
        for (Bar b : raw) {
            Instant end = b.attempt().finishedAt() == null ? last : b.attempt().finishedAt();
            long s = b.attempt().startedAt().toEpochMilli();
            while (!busy.isEmpty() && busy.peek()[0] <= s) {
                free.add((int) busy.poll()[1]);
            }
            int lane = free.isEmpty() ? lanes++ : free.poll();
            busy.add(new long[] {end.toEpochMilli(), lane});
            bars.add(new Bar(b.entry(), b.attempt(), end, lane));
        }
        return new Lanes(bars, lanes, start, last);
    }

    /** The SVG element; an empty string when no achievement has an attempt. */
    public String render(ReportSnapshot snapshot) {
        Markup out = new Markup(1024);
        render(snapshot, out);
        return out.toString();
    }

    void render(ReportSnapshot snapshot, Markup sb) {
        Lanes lanes = lanes(snapshot);
        if (lanes.bars().isEmpty()) {
            return;
        }
        List<ReportSnapshot.Entry> entries = snapshot.entries();
        int chart = WIDTH - GUTTER - 16;
        int height = AXIS_HEIGHT + lanes.count() * LANE_HEIGHT + 8;
        long span = lanes.spanMillis();
        double scale = chart / (double) span;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pp-timeline\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"Timeline of run ")
                .append(Escape.xml(snapshot.runId())).append("\" font-family=\"system-ui, -apple-system, ")
                .append("'Segoe UI', Roboto, sans-serif\" font-size=\"11\"><title>Timeline: one lane per concurrent ")
                .append("slot; one bar per attempt; grey line: the estimate</title>");
        axis(sb, span, scale, height);
        for (int l = 0; l < lanes.count(); l++) {
            double y = AXIS_HEIGHT + l * LANE_HEIGHT;
            sb.append("<text x=\"4\" y=\"").append(SvgGraphRenderer.num(y + 13)).append("\" fill=\"#475467\">slot ")
                    .append(l + 1).append("</text>");
        }
        sb.append("<g class=\"pp-bars\">");
        for (Bar b : lanes.bars()) {
            bar(entries.get(b.entry()), b, lanes, scale, chart, sb);
            sb.spill();
        }
        sb.append("</g></svg>");
    }

    private static void axis(Markup sb, long span, double scale, int height) {
        long step = TICK_STEPS_MS[TICK_STEPS_MS.length - 1];
        for (long s : TICK_STEPS_MS) {
            if (span / s <= 10) {
                step = s;
                break;
            }
        }
        sb.append("<g class=\"pp-axis\" stroke=\"#eaecf0\">");
        for (long t = 0; t <= span; t += step) {
            double x = GUTTER + t * scale;
            sb.append("<line x1=\"").append(SvgGraphRenderer.num(x)).append("\" y1=\"").append(AXIS_HEIGHT - 6)
                    .append("\" x2=\"").append(SvgGraphRenderer.num(x)).append("\" y2=\"").append(height - 4)
                    .append("\"/><text x=\"").append(SvgGraphRenderer.num(x + 3)).append("\" y=\"12\" stroke=\"none\" ")
                    .append("fill=\"#475467\">+").append(offset(t)).append("</text>");
        }
        sb.append("</g>");
    }

    /** {@code 0s}, {@code 1m 30s}, {@code 2h} — offsets on the axis. */
    static String offset(long ms) {
        if (ms == 0) {
            return "0";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        return Durations.format(Duration.ofMillis(ms));
    }

    private static void bar(ReportSnapshot.Entry e, Bar b, Lanes lanes, double scale, int chart, Markup sb) {
        ReportSnapshot.Attempt a = b.attempt();
        boolean last = a == e.attempts().get(e.attempts().size() - 1);
        StatePalette.Tone tone = last && e.state() != null
                ? StatePalette.tone(e.state())
                : StatePalette.tone(a.outcome() == null ? "RUNNING" : a.outcome());
        long from = Duration.between(lanes.start(), a.startedAt()).toMillis();
        long to = Duration.between(lanes.start(), b.end()).toMillis();
        double x = GUTTER + from * scale;
        double w = Math.max(2, (to - from) * scale);
        double y = AXIS_HEIGHT + b.lane() * LANE_HEIGHT + 2;
        sb.append("<g class=\"pp-bar ").append(tone.cssClass()).append("\" data-i=\"").append(b.entry())
                .append("\"><title>").append(Escape.xml(tooltip(e, a, from))).append("</title><rect x=\"")
                .append(SvgGraphRenderer.num(x)).append("\" y=\"").append(SvgGraphRenderer.num(y))
                .append("\" width=\"").append(SvgGraphRenderer.num(w)).append("\" height=\"").append(BAR_HEIGHT)
                .append("\" rx=\"3\" fill=\"").append(tone.fill()).append("\" stroke=\"").append(tone.stroke())
                .append("\"/>");
        if (last) {
            double estimate = Math.min(e.estimateHours() * 3_600_000 * scale, GUTTER + chart - x);
            if (estimate >= 1) {
                sb.append("<rect x=\"").append(SvgGraphRenderer.num(x)).append("\" y=\"")
                        .append(SvgGraphRenderer.num(y + BAR_HEIGHT + 1)).append("\" width=\"")
                        .append(SvgGraphRenderer.num(estimate)).append("\" height=\"3\" fill=\"#98a2b3\"/>");
            }
        }
        String label = a.number() > 1 ? e.id() + " #" + a.number() : e.id();
        if (w >= label.length() * 6.5 + 8) {
            sb.append("<text x=\"").append(SvgGraphRenderer.num(x + 4)).append("\" y=\"")
                    .append(SvgGraphRenderer.num(y + 12.5)).append("\" fill=\"#101828\">")
                    .append(Escape.xml(label)).append("</text>");
        }
        sb.append("</g>");
    }

    static String tooltip(ReportSnapshot.Entry e, ReportSnapshot.Attempt a, long fromMillis) {
        // The id only: the graph's tooltip and the table have the title.
        StringBuilder t = new StringBuilder(e.id());
        t.append(": attempt ").append(a.number()).append(" of ").append(e.attempts().size()).append(": ")
                .append(a.outcome() == null ? "RUNNING" : a.outcome());
        if (a.exitCode() != null) {
            t.append(" (exit ").append(a.exitCode()).append(')');
        }
        t.append("\nstarted +").append(offset(fromMillis)).append(", took ").append(Durations.format(a.duration()))
                .append("; estimate ").append(Durations.hours(e.estimateHours()));
        return t.toString();
    }
}
