package io.parallelplan.core.report;

import io.parallelplan.core.assign.Assignment;
import io.parallelplan.core.model.Estimate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The assignment section of the HTML report: one lane per executor with its achievements as bars at their expected
 * start and end (coloured by the state the snapshot knows), the sync points as dashed lines from the end of the
 * awaited achievement to the start of the waiting one, and the sync points again as a list. Presentation attributes
 * only, as in {@link TimelineRenderer}; every name and id is escaped.
 */
public final class AssignmentLanesRenderer {
    static final int WIDTH = TimelineRenderer.WIDTH;
    static final int GUTTER = 132;
    static final int LANE_HEIGHT = 30;
    static final int BAR_HEIGHT = 20;
    static final int AXIS_HEIGHT = 24;
    static final int NAME_CHARACTERS = 18;
    static final String SYNC_COLOUR = "#b54708";
    private static final double[] TICK_STEPS = {0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000};

    private final Assignment assignment;

    public AssignmentLanesRenderer(Assignment assignment) {
        this.assignment = Objects.requireNonNull(assignment, "assignment cannot be null");
    }

    /** Appends the section ({@code <section class="pp-section pp-assignment">}) to {@code sb}. */
    public void render(ReportSnapshot snapshot, StringBuilder sb) {
        Map<String, Integer> index = snapshot.indexById();
        List<Assignment.Executor> lanes = assignment.executors();
        sb.append("<section class=\"pp-section pp-assignment\"><h3>Assignment</h3>\n<p class=\"pp-note\">One lane ")
                .append("per executor, each achievement at its expected start and end (makespan ")
                .append(Durations.hours(assignment.makespanHours())).append(", ").append(lanes.size())
                .append(lanes.size() == 1 ? " executor" : " executors").append("); a dashed line is a sync point: ")
                .append("the achievement at its arrow starts after the one at its tail is APPROVED.</p>\n")
                .append("<div class=\"pp-scroll\">");
        svg(snapshot, index, sb);
        sb.append("</div>\n");
        List<Assignment.SyncPoint> sync = assignment.syncPoints();
        sb.append("<p class=\"pp-meta\">Sync points: ").append(sync.size()).append("</p>");
        if (!sync.isEmpty()) {
            sb.append("<ul class=\"pp-chains pp-sync\">");
            for (Assignment.SyncPoint s : sync) {
                sb.append("<li>").append(Escape.xml(s.executor())).append(" starts ").append(Escape.xml(s.id()))
                        .append(" after ").append(Escape.xml(s.on())).append("’s ").append(Escape.xml(s.waitsFor()))
                        .append(" is APPROVED</li>");
            }
            sb.append("</ul>");
        }
        sb.append("\n</section>\n");
    }

    private void svg(ReportSnapshot snapshot, Map<String, Integer> index, StringBuilder sb) {
        List<Assignment.Executor> lanes = assignment.executors();
        // Room on the right for the last tick's label.
        int chart = WIDTH - GUTTER - 40;
        int height = AXIS_HEIGHT + lanes.size() * LANE_HEIGHT + 8;
        double span = Math.max(assignment.makespanHours(), 0.5);
        double scale = chart / span;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pp-lanes\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"Assignment: one lane per executor\" ")
                .append("font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"11\">")
                .append("<title>Assignment: one lane per executor; dashed lines: sync points</title>");
        axis(sb, span, scale, height);
        Map<String, double[]> where = new HashMap<>();
        for (int l = 0; l < lanes.size(); l++) {
            Assignment.Executor e = lanes.get(l);
            double y = AXIS_HEIGHT + l * LANE_HEIGHT;
            sb.append("<text x=\"4\" y=\"").append(SvgGraphRenderer.num(y + 15)).append("\" fill=\"#475467\"><title>")
                    .append(Escape.xml(e.name())).append(": idle ").append(Durations.hours(assignment.idleHours(e)))
                    .append("</title>").append(Escape.xml(Escape.shorten(e.name(), NAME_CHARACTERS)))
                    .append("</text>");
            for (Assignment.Slot s : e.achievements()) {
                double x = GUTTER + s.startHours() * scale;
                double w = Math.max(2, (s.endHours() - s.startHours()) * scale);
                where.put(s.id(), new double[] {x, x + w, y + 2 + BAR_HEIGHT / 2.0});
                bar(snapshot, index.get(s.id()), e, s, x, w, y + 2, sb);
            }
        }
        sb.append("<g class=\"pp-sync-lines\" stroke=\"").append(SYNC_COLOUR).append("\" stroke-width=\"1.5\" ")
                .append("stroke-dasharray=\"4 3\" fill=\"").append(SYNC_COLOUR).append("\">");
        for (Assignment.SyncPoint s : assignment.syncPoints()) {
            double[] from = where.get(s.waitsFor());
            double[] to = where.get(s.id());
            if (from == null || to == null) {
                continue;
            }
            sb.append("<g><title>").append(Escape.xml(s.executor() + " starts " + s.id() + " after " + s.on()
                    + "'s " + s.waitsFor() + " is APPROVED")).append("</title><line x1=\"")
                    .append(SvgGraphRenderer.num(from[1])).append("\" y1=\"").append(SvgGraphRenderer.num(from[2]))
                    .append("\" x2=\"").append(SvgGraphRenderer.num(to[0])).append("\" y2=\"")
                    .append(SvgGraphRenderer.num(to[2])).append("\"/><circle cx=\"").append(SvgGraphRenderer.num(to[0]))
                    .append("\" cy=\"").append(SvgGraphRenderer.num(to[2])).append("\" r=\"3\" stroke=\"none\"/></g>");
        }
        sb.append("</g></svg>");
    }

    private static void bar(ReportSnapshot snapshot, Integer entry, Assignment.Executor e, Assignment.Slot s,
            double x, double w, double y, StringBuilder sb) {
        ReportSnapshot.Entry en = entry == null ? null : snapshot.entries().get(entry);
        StatePalette.Tone tone = StatePalette.tone(en == null ? null : en.state());
        String tooltip = s.id() + (en == null ? "" : " " + en.title()) + "\n" + e.name() + ": "
                + Estimate.formatHours(s.startHours()) + " h → " + Estimate.formatHours(s.endHours()) + " h"
                + (en == null || en.state() == null ? "" : "; " + en.state());
        sb.append("<g class=\"pp-bar ").append(tone.cssClass()).append('"');
        if (entry != null) {
            sb.append(" data-i=\"").append(entry).append('"');
        }
        sb.append("><title>").append(Escape.xml(tooltip)).append("</title><rect x=\"").append(SvgGraphRenderer.num(x))
                .append("\" y=\"").append(SvgGraphRenderer.num(y)).append("\" width=\"").append(SvgGraphRenderer.num(w))
                .append("\" height=\"").append(BAR_HEIGHT).append("\" rx=\"3\" fill=\"").append(tone.fill())
                .append("\" stroke=\"").append(tone.stroke()).append("\"/>");
        if (w >= s.id().length() * 6.5 + 8) {
            sb.append("<text x=\"").append(SvgGraphRenderer.num(x + 4)).append("\" y=\"")
                    .append(SvgGraphRenderer.num(y + 14)).append("\" fill=\"#101828\">").append(Escape.xml(s.id()))
                    .append("</text>");
        }
        sb.append("</g>");
    }

    private static void axis(StringBuilder sb, double span, double scale, int height) {
        double step = TICK_STEPS[TICK_STEPS.length - 1];
        for (double s : TICK_STEPS) {
            if (span / s <= 12) {
                step = s;
                break;
            }
        }
        sb.append("<g class=\"pp-axis\" stroke=\"#eaecf0\">");
        for (int i = 0; i * step <= span + 1e-9; i++) {
            double t = i * step;
            double x = GUTTER + t * scale;
            sb.append("<line x1=\"").append(SvgGraphRenderer.num(x)).append("\" y1=\"").append(AXIS_HEIGHT - 6)
                    .append("\" x2=\"").append(SvgGraphRenderer.num(x)).append("\" y2=\"").append(height - 4)
                    .append("\"/><text x=\"").append(SvgGraphRenderer.num(x + 3)).append("\" y=\"12\" stroke=\"none\" ")
                    .append("fill=\"#475467\">").append(Estimate.formatHours(t)).append(" h</text>");
        }
        sb.append("</g>");
    }
}
