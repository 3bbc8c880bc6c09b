package io.parallelplan.core.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The dependency graph as an SVG element: levels left to right ({@link LayeredLayout}), each achievement a box
 * filled by its state, the critical path outlined in orange, and the edges from a failure to what it blocked drawn
 * red and dashed. Colours, fonts and sizes are SVG presentation attributes, not CSS, so the drawing stays readable
 * where a Content-Security-Policy forbids styles and scripts; each node's {@code <title>} is its tooltip.
 */
public final class SvgGraphRenderer {
    static final int NODE_WIDTH = 172;
    static final int NODE_HEIGHT = 36;
    static final int COLUMN_GAP = 72;
    static final int ROW_HEIGHT = 48;
    static final int MARGIN = 16;
    static final String CRITICAL_COLOUR = "#e8590c";
    static final String BLOCKED_COLOUR = "#c92a2a";
    static final String EDGE_COLOUR = "#98a2b3";

    /** The SVG element (no XML declaration), for a page or a standalone {@code .svg} file. */
    public String render(ReportSnapshot snapshot) {
        StringBuilder sb = new StringBuilder(snapshot.entries().size() * 600 + 1024);
        render(snapshot, LayeredLayout.of(snapshot), sb);
        return sb.toString();
    }

    void render(ReportSnapshot snapshot, LayeredLayout layout, StringBuilder sb) {
        List<ReportSnapshot.Entry> entries = snapshot.entries();
        int width = MARGIN * 2 + Math.max(1, layout.columns) * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP;
        int height = MARGIN * 2 + Math.max(1, layout.height) * ROW_HEIGHT - (ROW_HEIGHT - NODE_HEIGHT);
        String name = Escape.xml(snapshot.planName());
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pp-graph\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"Dependency graph of ").append(name)
                .append("\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"12\">")
                .append("<title>Dependency graph of ").append(name).append("</title>");
        sb.append("<defs>");
        marker(sb, "pp-arrow", EDGE_COLOUR);
        marker(sb, "pp-arrow-critical", CRITICAL_COLOUR);
        marker(sb, "pp-arrow-blocked", BLOCKED_COLOUR);
        sb.append("</defs>");
        edges(snapshot, layout, sb);
        sb.append("<g class=\"pp-nodes\" fill=\"#101828\" stroke-width=\"1.5\">");
        for (int v = 0; v < entries.size(); v++) {
            node(entries.get(v), v, layout, sb);
        }
        sb.append("</g></svg>");
    }

    private static void marker(StringBuilder sb, String id, String colour) {
        sb.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"")
                .append(colour).append("\"/></marker>");
    }

    private static void edges(ReportSnapshot snapshot, LayeredLayout layout, StringBuilder sb) {
        StringBuilder critical = new StringBuilder();
        StringBuilder blocked = new StringBuilder();
        sb.append("<g class=\"pp-edges\" fill=\"none\" stroke=\"").append(EDGE_COLOUR)
                .append("\" stroke-width=\"1.2\" marker-end=\"url(#pp-arrow)\">");
        // Emphasised edges go in their own groups, drawn last so that they lie on top.
        snapshot.forEachEdge((u, v, kind) -> edge(layout, u, v, switch (kind) {
            case BLOCKING -> blocked;
            case CRITICAL -> critical;
            case PLAIN -> sb;
        }));
        sb.append("</g>");
        if (!critical.isEmpty()) {
            sb.append("<g class=\"pp-edges pp-critical\" fill=\"none\" stroke=\"").append(CRITICAL_COLOUR)
                    .append("\" stroke-width=\"3\" marker-end=\"url(#pp-arrow-critical)\">").append(critical)
                    .append("</g>");
        }
        if (!blocked.isEmpty()) {
            sb.append("<g class=\"pp-edges pp-blocked\" fill=\"none\" stroke=\"").append(BLOCKED_COLOUR)
                    .append("\" stroke-width=\"2.5\" stroke-dasharray=\"7 4\" marker-end=\"url(#pp-arrow-blocked)\">")
                    .append(blocked).append("</g>");
        }
    }

    private static void edge(LayeredLayout layout, int u, int v, StringBuilder sb) {
        double x1 = x(layout, u) + NODE_WIDTH;
        double y1 = y(layout, u) + NODE_HEIGHT / 2.0;
        double x2 = x(layout, v) - 2;
        double y2 = y(layout, v) + NODE_HEIGHT / 2.0;
        double dx = Math.min(COLUMN_GAP * 1.5, (x2 - x1) / 2);
        sb.append("<path data-e=\"").append(u).append(' ').append(v).append("\" d=\"M")
                .append(num(x1)).append(',').append(num(y1)).append('C').append(num(x1 + dx)).append(',')
                .append(num(y1)).append(' ').append(num(x2 - dx)).append(',').append(num(y2)).append(' ')
                .append(num(x2)).append(',').append(num(y2)).append("\"/>");
    }

    private static void node(ReportSnapshot.Entry e, int v, LayeredLayout layout, StringBuilder sb) {
        StatePalette.Tone tone = StatePalette.tone(e.state());
        // No per-node index attribute: nodes are in plan order, and the script numbers them.
        sb.append("<g class=\"pp-node\" transform=\"translate(").append(num(x(layout, v))).append(',')
                .append(num(y(layout, v))).append(")\">");
        sb.append("<title>").append(Escape.xml(tooltip(e))).append("</title>");
        if (e.critical()) {
            sb.append("<rect x=\"-4\" y=\"-4\" width=\"").append(NODE_WIDTH + 8).append("\" height=\"")
                    .append(NODE_HEIGHT + 8).append("\" rx=\"9\" fill=\"none\" stroke=\"").append(CRITICAL_COLOUR)
                    .append("\" stroke-width=\"3\"/>");
        }
        sb.append("<rect width=\"").append(NODE_WIDTH).append("\" height=\"").append(NODE_HEIGHT)
                .append("\" rx=\"6\" fill=\"").append(tone.fill()).append("\" stroke=\"").append(tone.stroke())
                .append('"');
        if (tone == StatePalette.Tone.SKIPPED || tone == StatePalette.Tone.CANCELLED) {
            sb.append(" stroke-dasharray=\"4 3\"");
        }
        sb.append("/>");
        sb.append("<text x=\"8\" y=\"15\" font-weight=\"700\">")
                .append(Escape.xml(Escape.shorten(e.id(), 16)));
        if (e.state() != null) {
            sb.append("<tspan font-weight=\"400\"> ")
                    .append(Escape.xml(Escape.shorten(e.state().toLowerCase(Locale.ROOT), 18))).append("</tspan>");
        }
        sb.append("</text><text x=\"8\" y=\"29\" font-size=\"11\">")
                .append(Escape.xml(Escape.shorten(e.title(), 27))).append("</text></g>");
    }

    /** The node's tooltip: id and title, then state, attempts, duration and estimate. */
    static String tooltip(ReportSnapshot.Entry e) {
        StringBuilder t = new StringBuilder();
        t.append(e.id());
        if (!e.title().isEmpty()) {
            t.append(" — ").append(e.title());
        }
        t.append('\n').append(e.state() == null ? "no state" : e.state());
        if (e.reason() != null) {
            t.append(" (").append(e.reason()).append(')');
        }
        if (!e.attempts().isEmpty()) {
            t.append(" · ").append(e.attempts().size()).append(e.attempts().size() == 1 ? " attempt" : " attempts");
            Duration d = e.duration();
            if (d != null) {
                t.append(" · ").append(Durations.format(d));
            }
        }
        t.append(" · estimate ").append(Durations.hours(e.estimateHours()));
        if (e.estimate() == null) {
            t.append(" (none written)");
        }
        if (!e.blockedBy().isEmpty()) {
            t.append("\nblocked by ").append(e.blockedByText());
        }
        t.append("\nlevel ").append(e.level());
        if (e.critical()) {
            t.append(" · critical path");
        }
        if (e.executor() != null) {
            t.append(" · executor ").append(e.executor());
        }
        return t.toString();
    }

    static double x(LayeredLayout layout, int v) {
        return MARGIN + layout.level[v] * (double) (NODE_WIDTH + COLUMN_GAP);
    }

    static double y(LayeredLayout layout, int v) {
        return MARGIN + layout.y(v) * ROW_HEIGHT;
    }

    /** A coordinate with at most one decimal, locale-independent. */
    static String num(double d) {
        long tenths = Math.round(d * 10);
        String sign = tenths < 0 ? "-" : "";
        tenths = Math.abs(tenths);
        return sign + (tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10));
    }
}
