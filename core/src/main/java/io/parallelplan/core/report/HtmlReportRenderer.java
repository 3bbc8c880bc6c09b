package io.parallelplan.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import io.parallelplan.core.assign.Assignment;
import io.parallelplan.core.model.Estimate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The HTML report: a summary (count line, result, blocked-by chains), the dependency graph ({@link
 * SvgGraphRenderer}) with its legend, the run's timeline ({@link TimelineRenderer}) and a table of achievements.
 *
 * <p>Two forms: {@link #page} is a self-contained file (no network: a Content-Security-Policy in the page allows
 * only its own script, by hash); {@link #fragment} is one {@code <div class="pp-report">} with scoped CSS for
 * embedding, e.g. in the Jenkins build page, where inline scripts may be blocked: pass {@code false} and serve
 * {@link #script()} as a file. Everything is readable without CSS or JavaScript — but for the graph of a page above
 * {@link #SCRIPTED_GRAPH_ABOVE} achievements, which the script draws (a note stands in its place without it); the
 * script otherwise adds sorting, zoom and pan, and details on click, and it never turns plan text into markup. A
 * page can be written straight to a file as it is made ({@link #page(ReportSnapshot, Writer)}).
 */
public final class HtmlReportRenderer {
    /**
     * Above this many achievements a page's graph is drawn by its script from a few numbers per node and edge (see
     * {@link SvgGraphRenderer.Drawing}) instead of being written out, which keeps a large report small: the script
     * makes exactly the elements that would have been written. Only where the script is inline (a page, or a
     * fragment with {@code inlineScript}); a fragment without it is always written out in full.
     */
    public static final int SCRIPTED_GRAPH_ABOVE = 2_000;
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");
    private static final String SCRIPT_HASH = sha256(SCRIPT);
    private static final JsonFactory JSON = new JsonFactory();

    private final AssignmentLanesRenderer lanes;
    private final int scriptedGraphAbove;

    /** The report. */
    public HtmlReportRenderer() {
        this(null);
    }

    /** The report with an assignment section, one lane per executor ({@link AssignmentLanesRenderer}). */
    public HtmlReportRenderer(Assignment assignment) {
        this(assignment, SCRIPTED_GRAPH_ABOVE);
    }

    /** As {@link #HtmlReportRenderer(Assignment)}, the graph scripted above {@code scriptedGraphAbove} (tests). */
    HtmlReportRenderer(Assignment assignment, int scriptedGraphAbove) {
        this.lanes = assignment == null ? null : new AssignmentLanesRenderer(assignment);
        this.scriptedGraphAbove = scriptedGraphAbove;
    }

    /** The complete HTML document, script included. */
    public String page(ReportSnapshot snapshot) {
        Markup out = new Markup(snapshot.entries().size() * 1400 + 16_384);
        page(snapshot, out);
        return out.toString();
    }

    /** Writes the complete HTML document to {@code out} as it is made (a report of any size in little memory). */
    public void page(ReportSnapshot snapshot, Writer out) {
        Markup markup = new Markup(out);
        page(snapshot, markup);
        markup.flush();
    }

    private void page(ReportSnapshot snapshot, Markup out) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:; script-src '").append(SCRIPT_HASH)
                .append("'\"><title>").append(Escape.xml(title(snapshot))).append("</title></head>\n<body>\n");
        fragment(snapshot, true, out);
        out.append("\n</body></html>\n");
    }

    /**
     * The report as one {@code <div class="pp-report">} (styles scoped to it), for embedding in another page.
     *
     * @param inlineScript whether to include the script inline; without it the report is complete but static
     *     unless the page loads {@link #script()} itself
     */
    public String fragment(ReportSnapshot snapshot, boolean inlineScript) {
        Markup out = new Markup(snapshot.entries().size() * 1400 + 16_384);
        fragment(snapshot, inlineScript, out);
        return out.toString();
    }

    /** The script that enhances any {@code .pp-report} on a page; safe to load once for several reports. */
    public static String script() {
        return SCRIPT;
    }

    /** The CSP source ({@code 'sha256-…'} without quotes) that allows exactly {@link #script()} inline. */
    public static String scriptHash() {
        return SCRIPT_HASH;
    }

    private static String title(ReportSnapshot s) {
        return s.isRun() ? s.planName() + " — run " + s.runId() : s.planName() + " — plan report";
    }

    private void fragment(ReportSnapshot snapshot, boolean inlineScript, Markup out) {
        out.append("<div class=\"pp-report\">\n<style>").append(CSS).append("</style>\n");
        summary(snapshot, out);
        out.append("<section class=\"pp-section\"><h3>Dependency graph</h3>\n");
        legend(snapshot, out);
        out.append("<div class=\"pp-toolbar\" hidden><button type=\"button\" data-zoom=\"out\" title=\"Zoom out\">−")
                .append("</button><button type=\"button\" data-zoom=\"in\" title=\"Zoom in\">+</button>")
                .append("<button type=\"button\" data-zoom=\"fit\">Fit width</button><button type=\"button\" ")
                .append("data-zoom=\"reset\">100%</button><span class=\"pp-zoom\"></span><span>Ctrl+wheel zooms, ")
                .append("drag pans, click a box for details.</span></div>\n<div class=\"pp-scroll pp-graph-box\">");
        LayeredLayout layout = LayeredLayout.of(snapshot);
        SvgGraphRenderer.Drawing drawing = inlineScript && snapshot.entries().size() > scriptedGraphAbove
                && SvgGraphRenderer.scriptable(snapshot) ? new SvgGraphRenderer.Drawing(snapshot, layout) : null;
        if (drawing != null) {
            // The script removes this note when it draws the graph.
            out.append("<p class=\"pp-note pp-graph-note\">This graph of ").append(snapshot.entries().size())
                    .append(" achievements is drawn by the report's script, which has not run here (scripts off ")
                    .append("or blocked). The table below lists every achievement.</p>");
        }
        new SvgGraphRenderer().render(snapshot, layout, out, drawing);
        out.append("</div>\n<div class=\"pp-details\" hidden aria-live=\"polite\"></div></section>\n");
        if (TimelineRenderer.hasAttempts(snapshot)) {
            out.append("<section class=\"pp-section\"><h3>Timeline</h3>\n<p class=\"pp-note\">One lane per ")
                    .append("concurrent slot, one bar per attempt (a retry is a second bar), coloured by how it ended;")
                    .append(" the grey line under an achievement's last bar is its estimate.</p>\n")
                    .append("<div class=\"pp-scroll\">");
            new TimelineRenderer().render(snapshot, out);
            out.append("</div></section>\n");
        }
        if (lanes != null) {
            StringBuilder section = new StringBuilder();
            lanes.render(snapshot, section);
            out.append(section);
        }
        table(snapshot, out);
        out.append("<script type=\"application/json\" class=\"pp-data\">");
        data(snapshot, drawing, out);
        out.append("</script>\n");
        if (inlineScript) {
            out.append("<script>").append(SCRIPT).append("</script>\n");
        }
        out.append("</div>");
    }

    private static void summary(ReportSnapshot s, Markup sb) {
        sb.append("<header class=\"pp-summary\"><h2>").append(Escape.xml(s.planName()));
        if (s.result() != null) {
            sb.append(" <span class=\"pp-result pp-result-").append(cssToken(s.result())).append("\">")
                    .append(Escape.xml(s.result())).append("</span>");
        }
        sb.append("</h2>\n<p class=\"pp-count\">").append(Escape.xml(s.summaryLine())).append("</p>\n");
        sb.append("<p class=\"pp-meta\">").append(Escape.xml(source(s)));
        ReportSnapshot.Analysis a = s.analysis();
        sb.append(" · ").append(a.levels()).append(a.levels() == 1 ? " level" : " levels").append(", width ")
                .append(a.width()).append(" · critical path ")
                .append(Escape.xml(String.join(" → ", a.criticalPath()))).append(" (")
                .append(Durations.hours(a.criticalHours())).append(") · sequential ")
                .append(Durations.hours(a.sequentialHours())).append("</p>\n");
        if (!s.chains().isEmpty()) {
            sb.append("<p class=\"pp-meta\">Blocked-by chains:</p><ul class=\"pp-chains\">");
            for (String chain : s.chains().subList(0, Math.min(s.chains().size(), ReportSnapshot.CHAINS_SHOWN))) {
                sb.append("<li>").append(Escape.xml(chain)).append("</li>");
            }
            sb.append("</ul>\n");
            if (s.chains().size() > ReportSnapshot.CHAINS_SHOWN) {
                sb.append("<p class=\"pp-note\">… and ").append(s.chains().size() - ReportSnapshot.CHAINS_SHOWN)
                        .append(" more; the table's “blocked by” column has each one.</p>\n");
            }
        }
        sb.append("</header>\n");
    }

    static String source(ReportSnapshot s) {
        return switch (s.source()) {
            case RUN -> "Run " + s.runId();
            case FILESYSTEM -> "Statuses from the plan folder's files";
            case PLAN -> "Plan only: no run and no statuses";
        };
    }

    private static String cssToken(String s) {
        StringBuilder t = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            t.append(Character.isLetterOrDigit(c) && c < 128 ? c : '-');
        }
        return t.toString();
    }

    private static void legend(ReportSnapshot s, Markup sb) {
        Set<StatePalette.Tone> present = EnumSet.noneOf(StatePalette.Tone.class);
        for (ReportSnapshot.Entry e : s.entries()) {
            present.add(StatePalette.tone(e.state()));
        }
        sb.append("<ul class=\"pp-legend\" aria-label=\"Legend\">");
        for (StatePalette.Tone t : present) {
            sb.append("<li><svg width=\"16\" height=\"12\" aria-hidden=\"true\"><rect x=\"1\" y=\"1\" width=\"14\" ")
                    .append("height=\"10\" rx=\"2\" fill=\"").append(t.fill()).append("\" stroke=\"")
                    .append(t.stroke()).append("\"/></svg>").append(t.label()).append("</li>");
        }
        sb.append("<li><svg width=\"22\" height=\"12\" aria-hidden=\"true\"><rect x=\"2\" y=\"2\" width=\"18\" ")
                .append("height=\"8\" rx=\"2\" fill=\"none\" stroke=\"").append(SvgGraphRenderer.CRITICAL_COLOUR)
                .append("\" stroke-width=\"2.5\"/></svg>critical path</li>");
        sb.append("<li><svg width=\"26\" height=\"12\" aria-hidden=\"true\"><line x1=\"1\" y1=\"6\" x2=\"25\" y2=\"6\"")
                .append(" stroke=\"").append(SvgGraphRenderer.BLOCKED_COLOUR)
                .append("\" stroke-width=\"2.5\" stroke-dasharray=\"7 4\"/></svg>failure → what it blocked</li>");
        sb.append("</ul>\n");
    }

    private static void table(ReportSnapshot s, Markup sb) {
        sb.append("<section class=\"pp-section\"><h3>Achievements</h3>\n<table class=\"pp-table\"><thead><tr>")
                .append("<th scope=\"col\">id</th><th scope=\"col\">title</th><th scope=\"col\">state</th>")
                .append("<th scope=\"col\" data-type=\"number\">attempts</th>")
                .append("<th scope=\"col\" data-type=\"number\">duration</th>")
                .append("<th scope=\"col\" data-type=\"number\">estimate</th><th scope=\"col\">executor</th>")
                .append("<th scope=\"col\">blocked by</th></tr></thead>\n<tbody>\n");
        List<ReportSnapshot.Entry> entries = s.entries();
        for (int i = 0; i < entries.size(); i++) {
            ReportSnapshot.Entry e = entries.get(i);
            StatePalette.Tone tone = StatePalette.tone(e.state());
            Duration d = e.duration();
            // Rows are in plan order (the script numbers them before any sorting); the state sorts by its text.
            sb.append("<tr><td>").append(Escape.xml(e.id())).append("</td><td>").append(Escape.xml(e.title()))
                    .append("</td><td>");
            if (e.state() != null) {
                sb.append("<span class=\"pp-state ").append(tone.cssClass()).append("\">")
                        .append(Escape.xml(e.state())).append("</span>");
                if (e.reason() != null) {
                    sb.append(' ').append(Escape.xml(e.reason()));
                }
            } else {
                sb.append('—');
            }
            sb.append("</td><td>").append(e.attempts().size()).append("</td><td data-v=\"")
                    .append(d == null ? -1 : d.toMillis()).append("\">").append(Durations.format(d))
                    .append("</td><td>").append(Durations.hours(e.estimateHours()));
            if (e.estimate() == null) {
                sb.append('*');
            }
            sb.append("</td><td>").append(Escape.xml(e.executor() == null ? "" : e.executor())).append("</td><td>")
                    .append(Escape.xml(e.blockedByText())).append("</td></tr>\n");
            sb.spill();
        }
        sb.append("</tbody></table>\n");
        if (entries.stream().anyMatch(e -> e.estimate() == null)) {
            sb.append("<p class=\"pp-note\">* no estimate written: counted as ")
                    .append(Durations.hours(Estimate.DEFAULT_HOURS)).append(".</p>\n");
        }
        sb.append("</section>\n");
    }

    /**
     * The data the script reads: for each entry, its id and the preformatted lines the details panel adds on click
     * (attempts, dependencies); for a scripted graph, its {@link SvgGraphRenderer.Drawing} as {@code graph}. Written
     * as JSON, escaped for a {@code <script>} element as it goes.
     */
    private static void data(ReportSnapshot s, SvgGraphRenderer.Drawing drawing, Markup out) {
        try (JsonGenerator g = JSON.createGenerator(Escape.jsonInScript(out))) {
            g.writeStartObject();
            g.writeArrayFieldStart("nodes");
            for (ReportSnapshot.Entry e : s.entries()) {
                g.writeStartObject();
                g.writeStringField("id", e.id());
                g.writeArrayFieldStart("lines");
                for (String line : detailLines(e)) {
                    g.writeString(line);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (drawing != null) {
                g.writeFieldName("graph");
                drawing.write(g);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the details panel adds to a node's tooltip: each attempt, and the dependencies. */
    private static List<String> detailLines(ReportSnapshot.Entry e) {
        List<String> lines = new ArrayList<>();
        for (ReportSnapshot.Attempt a : e.attempts()) {
            lines.add("attempt " + a.number() + ": " + (a.outcome() == null ? "RUNNING" : a.outcome())
                    + (a.exitCode() == null ? "" : ", exit " + a.exitCode()) + ", took "
                    + Durations.format(a.duration()));
        }
        if (!e.dependencies().isEmpty()) {
            lines.add("depends on: " + String.join(", ", e.dependencies()));
        }
        return lines;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
