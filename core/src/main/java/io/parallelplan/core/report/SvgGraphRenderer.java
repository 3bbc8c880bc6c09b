package io.parallelplan.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.parallelplan.core.report.ReportSnapshot.EdgeKind;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The dependency graph as an SVG element: levels left to right ({@link LayeredLayout}), each achievement a box
 * filled by its state, the critical path outlined in orange, and the edges from a failure to what it blocked drawn
 * red and dashed. Colours, fonts and sizes are SVG presentation attributes, not CSS, so the drawing stays readable
 * where a Content-Security-Policy forbids styles and scripts; each node's {@code <title>} is its tooltip.
 *
 * <p>A large graph can instead be drawn by the report's script from a {@link Drawing} (a few numbers per node and
 * edge), which the HTML report does above {@link HtmlReportRenderer#SCRIPTED_GRAPH_ABOVE} achievements: the elements
 * the script makes are the ones written here, attribute for attribute.
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
    private static final String PLAIN_EDGES_GROUP = "<g class=\"pp-edges\" fill=\"none\" stroke=\"" + EDGE_COLOUR
            + "\" stroke-width=\"1.2\" marker-end=\"url(#pp-arrow)\">";
    private static final String CRITICAL_EDGES_GROUP = "<g class=\"pp-edges pp-critical\" fill=\"none\" stroke=\""
            + CRITICAL_COLOUR + "\" stroke-width=\"3\" marker-end=\"url(#pp-arrow-critical)\">";
    private static final String BLOCKED_EDGES_GROUP = "<g class=\"pp-edges pp-blocked\" fill=\"none\" stroke=\""
            + BLOCKED_COLOUR + "\" stroke-width=\"2.5\" stroke-dasharray=\"7 4\" marker-end=\"url(#pp-arrow-blocked)\">";
    private static final String NODES_GROUP = "<g class=\"pp-nodes\" fill=\"#101828\" stroke-width=\"1.5\">";

    /** The SVG element (no XML declaration), for a page or a standalone {@code .svg} file. */
    public String render(ReportSnapshot snapshot) {
        Markup out = new Markup(snapshot.entries().size() * 600 + 1024);
        render(snapshot, LayeredLayout.of(snapshot), out, null);
        return out.toString();
    }

    /**
     * Writes the SVG element. With a {@code scripted} drawing only its frame is written (size, markers, and the empty
     * groups of edges and nodes): the report's script draws the rest from the drawing's data, exactly as it would be
     * written here.
     */
    void render(ReportSnapshot snapshot, LayeredLayout layout, Markup out, Drawing scripted) {
        List<ReportSnapshot.Entry> entries = snapshot.entries();
        int width = MARGIN * 2 + Math.max(1, layout.columns) * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP;
        int height = MARGIN * 2 + Math.max(1, layout.height) * ROW_HEIGHT - (ROW_HEIGHT - NODE_HEIGHT);
        String name = Escape.xml(snapshot.planName());
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pp-graph\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"Dependency graph of ").append(name)
                .append("\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"12\">")
                .append("<title>Dependency graph of ").append(name).append("</title>");
        out.append("<defs>");
        marker(out, "pp-arrow", EDGE_COLOUR);
        marker(out, "pp-arrow-critical", CRITICAL_COLOUR);
        marker(out, "pp-arrow-blocked", BLOCKED_COLOUR);
        out.append("</defs>");
        if (scripted != null) {
            frame(scripted, out);
            return;
        }
        edges(snapshot, layout, out);
        out.append(NODES_GROUP);
        for (int v = 0; v < entries.size(); v++) {
            node(entries.get(v), v, layout, out);
            out.spill();
        }
        out.append("</g></svg>");
    }

    private static void marker(Markup out, String id, String colour) {
        out.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"")
                .append(colour).append("\"/></marker>");
    }

    private static void edges(ReportSnapshot snapshot, LayeredLayout layout, Markup out) {
        Markup critical = new Markup(256);
        Markup blocked = new Markup(256);
        out.append(PLAIN_EDGES_GROUP);
        // Emphasised edges go in their own groups, drawn last so that they lie on top.
        snapshot.forEachEdge(layout.dependencies, (u, v, kind) -> {
            Markup to = switch (kind) {
                case BLOCKING -> blocked;
                case CRITICAL -> critical;
                case PLAIN -> out;
            };
            edge(layout, u, v, to);
            out.spill();
        });
        out.append("</g>");
        if (!critical.isEmpty()) {
            out.append(CRITICAL_EDGES_GROUP).append(critical.toString()).append("</g>");
        }
        if (!blocked.isEmpty()) {
            out.append(BLOCKED_EDGES_GROUP).append(blocked.toString()).append("</g>");
        }
    }

    private static void edge(LayeredLayout layout, int u, int v, Markup out) {
        double x1 = x(layout, u) + NODE_WIDTH;
        double y1 = y(layout, u) + NODE_HEIGHT / 2.0;
        double x2 = x(layout, v) - 2;
        double y2 = y(layout, v) + NODE_HEIGHT / 2.0;
        double dx = Math.min(COLUMN_GAP * 1.5, (x2 - x1) / 2);
        out.append("<path data-e=\"").append(u).append(' ').append(v).append("\" d=\"M")
                .append(num(x1)).append(',').append(num(y1)).append('C').append(num(x1 + dx)).append(',')
                .append(num(y1)).append(' ').append(num(x2 - dx)).append(',').append(num(y2)).append(' ')
                .append(num(x2)).append(',').append(num(y2)).append("\"/>");
    }

    private static void node(ReportSnapshot.Entry e, int v, LayeredLayout layout, Markup sb) {
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
        if (dashed(tone)) {
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

    /**
     * Whether the report's script can draw this graph exactly as {@link #render} writes it. The script reads ids,
     * titles and states from the table, where the HTML parser has turned every carriage return into a line feed;
     * shortening such a text (or one with surrogate pairs) could then cut it elsewhere, so such plans keep the
     * written drawing. States must be ASCII, so that lower-casing them is the same in Java and JavaScript, and a
     * reason needs a state (the table shows it after the state).
     */
    static boolean scriptable(ReportSnapshot snapshot) {
        for (ReportSnapshot.Entry e : snapshot.entries()) {
            boolean state = e.state() == null ? e.reason() == null
                    : e.state().chars().allMatch(c -> c < 128 && c != '\r');
            if (!state || !plain(e.id()) || !plain(e.title())) {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The frame of a scripted drawing: the groups the script fills, each present when the written one would be. */
    private static void frame(Drawing drawing, Markup out) {
        out.append(PLAIN_EDGES_GROUP).append("</g>");
        if (drawing.edges[EdgeKind.CRITICAL.ordinal()].length > 0) {
            out.append(CRITICAL_EDGES_GROUP).append("</g>");
        }
        if (drawing.edges[EdgeKind.BLOCKING.ordinal()].length > 0) {
            out.append(BLOCKED_EDGES_GROUP).append("</g>");
        }
        out.append(NODES_GROUP).append("</g></svg>");
    }

    /**
     * What the report's script ({@code report.js}, {@code drawGraph}) needs to draw the edges and nodes exactly as
     * {@link #render} writes them: each node's level, row and tone, a few flags, the columns' offsets, and the edges
     * of each kind in drawing order. The id, title, state, reason, attempts, duration, estimate, executor and
     * blocked-by chain of a node it reads from the table row of the same achievement, so nothing is written twice.
     */
    static final class Drawing {
        /** Flag: the node is on the critical path. */
        static final int CRITICAL = 1;
        /** Flag: the achievement has a duration (some attempt finished). */
        static final int DURATION = 2;
        /** Flag: the achievement names an executor. */
        static final int EXECUTOR = 4;

        private final ReportSnapshot snapshot;
        private final LayeredLayout layout;
        /** Edges by {@link EdgeKind} ordinal, as (dependency, dependent) pairs in drawing order. */
        private final int[][] edges;

        Drawing(ReportSnapshot snapshot, LayeredLayout layout) {
            this.snapshot = snapshot;
            this.layout = layout;
            int[][] pairs = new int[EdgeKind.values().length][16];
            int[] sizes = new int[pairs.length];
            snapshot.forEachEdge(layout.dependencies, (u, v, kind) -> {
                int k = kind.ordinal();
                if (sizes[k] + 2 > pairs[k].length) {
                    pairs[k] = Arrays.copyOf(pairs[k], pairs[k].length * 2);
                }
                pairs[k][sizes[k]++] = u;
                pairs[k][sizes[k]++] = v;
            });
            edges = new int[pairs.length][];
            for (int k = 0; k < pairs.length; k++) {
                edges[k] = Arrays.copyOf(pairs[k], sizes[k]);
            }
        }

        /** Writes the drawing as the value of the data block's {@code graph} field. */
        void write(JsonGenerator g) throws IOException {
            List<ReportSnapshot.Entry> entries = snapshot.entries();
            g.writeStartObject();
            g.writeArrayFieldStart("tones");
            for (StatePalette.Tone t : StatePalette.Tone.values()) {
                g.writeStartArray();
                g.writeString(t.fill());
                g.writeString(t.stroke());
                g.writeBoolean(dashed(t));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("offsets");
            for (double offset : layout.columnOffset) {
                g.writeNumber(offset);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("nodes");
            for (int v = 0; v < entries.size(); v++) {
                ReportSnapshot.Entry e = entries.get(v);
                int flags = (e.critical() ? CRITICAL : 0) | (e.duration() != null ? DURATION : 0)
                        | (e.executor() != null ? EXECUTOR : 0);
                g.writeNumber(layout.level[v]);
                g.writeNumber(layout.row[v]);
                g.writeNumber(StatePalette.tone(e.state()).ordinal());
                g.writeNumber(flags);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("edges");
            for (EdgeKind kind : new EdgeKind[] {EdgeKind.PLAIN, EdgeKind.CRITICAL, EdgeKind.BLOCKING}) {
                g.writeArray(edges[kind.ordinal()], 0, edges[kind.ordinal()].length);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static boolean dashed(StatePalette.Tone tone) {
        return tone == StatePalette.Tone.SKIPPED || tone == StatePalette.Tone.CANCELLED;
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
