package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parallelplan.core.graph.PlanGraph;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {
    private static final HtmlReportRenderer HTML = new HtmlReportRenderer();

    private static String between(String s, String start, String end) {
        int i = s.indexOf(start);
        return s.substring(i, s.indexOf(end, i) + end.length());
    }

    @Test
    void shouldEscapePlanTextInTextAttributesSvgAndData() throws Exception {
        String page = HTML.page(ReportFixtures.run());
        assertThat(page).doesNotContain("<img").doesNotContain("<friends>").doesNotContain("window.pwned=1</script>");
        assertThat(page).contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>")
                .contains("<title>Release &quot;2.0&quot; &amp; &lt;friends&gt; — run 20260302-090000-a1b2</title>");
        String data = between(page, "<script type=\"application/json\" class=\"pp-data\">", "</script>");
        String json = data.substring(data.indexOf('>') + 1, data.length() - "</script>".length());
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(new ObjectMapper().readTree(json).at("/nodes/3/lines/2").asText()).isEqualTo("depends on: 1.1, 1.2");
        // Exactly two script elements: the data block and the report's own script.
        Matcher scripts = Pattern.compile("<script").matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
        }
        assertThat(count).isEqualTo(2);
    }

    @Test
    void shouldEmbedWellFormedSvgForTheGraphAndTheTimeline() throws Exception {
        String page = HTML.page(ReportFixtures.run());
        Xml.parse(between(page, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pp-graph\"", "</svg>"));
        var timeline = Xml.parse(between(page, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pp-timeline\"",
                "</svg></div>").replace("</svg></div>", "</svg>"));
        assertThat(timeline.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g").getLength()).isGreaterThan(6);
    }

    @Test
    void shouldAllowOnlyItsOwnScriptThroughTheContentSecurityPolicy() throws Exception {
        String page = HTML.page(ReportFixtures.run());
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(HtmlReportRenderer.script().getBytes(StandardCharsets.UTF_8));
        String hash = "sha256-" + Base64.getEncoder().encodeToString(digest);
        assertThat(page).contains("script-src '" + hash + "'").contains("default-src 'none'")
                .contains("<script>" + HtmlReportRenderer.script() + "</script>");
        // Nothing is fetched: no src or href attributes, no imports, url() only to markers inside the page.
        assertThat(page).doesNotContain(" src=\"").doesNotContain(" href=\"").doesNotContain("@import")
                .doesNotContainPattern("url\\([^#]");
    }

    @Test
    void shouldOfferAFragmentWithoutPageOrInlineScriptForEmbedding() {
        String fragment = HTML.fragment(ReportFixtures.run(), false);
        assertThat(fragment).startsWith("<div class=\"pp-report\">").endsWith("</div>")
                .doesNotContain("<html").doesNotContain("<body").doesNotContain("<script>")
                .contains("<script type=\"application/json\" class=\"pp-data\">");
        assertThat(HTML.fragment(ReportFixtures.run(), true)).contains("<script>");
        // Scoped styles: every rule starts with the report's class.
        String css = fragment.substring(fragment.indexOf("<style>") + 7, fragment.indexOf("</style>"));
        for (String rule : css.split("}")) {
            if (!rule.isBlank()) {
                assertThat(rule.strip()).startsWith(".pp-report");
            }
        }
    }

    @Test
    void shouldShowSummaryChainsAndOmitTheTimelineForAPlanWithoutRun() {
        String run = HTML.page(ReportFixtures.run());
        assertThat(run).contains("<p class=\"pp-count\">8 achievements: 2 succeeded, 1 flaky, 1 failed, 2 blocked, "
                + "1 cancelled, 1 skipped — FAILURE</p>")
                .contains("<li>3.1 BLOCKED ← 2.2 BLOCKED ← 2.1 FAILED (exit 2 after 2 attempts)</li>")
                .contains("class=\"pp-timeline\"");
        var plan = ReportFixtures.releasePlan();
        String planOnly = HTML.page(ReportSnapshots.ofPlan(plan, PlanGraph.of(plan.achievements())));
        assertThat(planOnly).doesNotContain("class=\"pp-timeline\"").contains("Plan only: no run and no statuses")
                .contains("<p class=\"pp-count\">8 achievements</p>");
    }

    @Test
    void shouldRenderTheSameBytesForTheSameSnapshot() {
        assertThat(HTML.page(ReportFixtures.generatedRun(200, 10, 4, 1)))
                .isEqualTo(HTML.page(ReportFixtures.generatedRun(200, 10, 4, 1)));
    }

    @Test
    void shouldLeaveTheGraphOfALargePageToTheScriptButWriteItForAFragmentWithoutScript() throws Exception {
        int n = HtmlReportRenderer.SCRIPTED_GRAPH_ABOVE + 1;
        ReportSnapshot large = ReportFixtures.generatedRun(n, 40, 8, 3);
        String page = HTML.page(large);
        assertThat(page).doesNotContain("<g class=\"pp-node\"").doesNotContain("<path data-e=")
                .contains("<p class=\"pp-note pp-graph-note\">This graph of " + n + " achievements is drawn by the "
                        + "report's script")
                .contains("<g class=\"pp-nodes\" fill=\"#101828\" stroke-width=\"1.5\"></g></svg>");
        String data = between(page, "<script type=\"application/json\" class=\"pp-data\">", "</script>");
        var graph = new ObjectMapper().readTree(data.substring(data.indexOf('>') + 1, data.length() - 9)).get("graph");
        assertThat(graph.get("nodes").size()).as("level, row, tone, flags per node").isEqualTo(4 * n);
        assertThat(graph.get("tones").size()).isEqualTo(StatePalette.Tone.values().length);
        int[] edges = new int[3];
        large.forEachEdge((u, v, kind) -> edges[kind.ordinal()] += 2);
        for (ReportSnapshot.EdgeKind kind : ReportSnapshot.EdgeKind.values()) {
            assertThat(graph.get("edges").get(kind.ordinal()).size()).isEqualTo(edges[kind.ordinal()]);
        }
        // The groups the script fills are there exactly when the written drawing has them.
        assertThat(page.contains("<g class=\"pp-edges pp-blocked\"")).isEqualTo(edges[2] > 0).isTrue();
        assertThat(page.contains("<g class=\"pp-edges pp-critical\"")).isEqualTo(edges[1] > 0);

        // Embedded without the script (the Jenkins build page), everything is written out.
        String fragment = HTML.fragment(large, false);
        assertThat(fragment).doesNotContain("pp-graph-note").doesNotContain("\"graph\":");
        assertThat(fragment.split("<g class=\"pp-node\"", -1)).hasSize(n + 1);
        // At the threshold itself the page is still written out.
        assertThat(HTML.page(ReportFixtures.generatedRun(n - 1, 40, 8, 3))).contains("<g class=\"pp-node\"")
                .doesNotContain("<p class=\"pp-note pp-graph-note\"");
    }

    @Test
    void shouldWriteTheGraphOutWhenTheScriptCouldNotDrawItExactly() {
        HtmlReportRenderer scripted = new HtmlReportRenderer(null, 0);
        assertThat(scripted.page(ReportFixtures.run())).doesNotContain("<g class=\"pp-node\"");
        // A carriage return or a surrogate pair in an id or title (the table's text is not the plan's then), or a
        // reason without a state (the table does not show it): the written drawing.
        for (String title : new String[] {"line\r\nbreak", "emoji \uD83D\uDE80 rocket"}) {
            var plan = io.parallelplan.core.model.Plan.of("odd", java.util.List.of(ReportFixtures.a("1.1", title, 1)));
            assertThat(scripted.page(ReportSnapshots.ofPlan(plan, PlanGraph.of(plan.achievements()))))
                    .as(title).contains("<g class=\"pp-node\"");
        }
        ReportSnapshot base = ReportFixtures.run();
        var entries = new java.util.ArrayList<>(base.entries());
        entries.set(0, entries.get(0).withRun(null, "a reason", java.util.List.of(), java.util.List.of(), null));
        ReportSnapshot reasonWithoutState = new ReportSnapshot(base.planName(), base.source(), base.runId(),
                base.result(), base.countLine(), base.chains(), base.analysis(), entries);
        assertThat(scripted.page(reasonWithoutState)).contains("<g class=\"pp-node\"");
    }

    @Test
    void shouldStreamTheSamePageItReturns() {
        for (HtmlReportRenderer renderer : new HtmlReportRenderer[] {HTML, new HtmlReportRenderer(null, 0)}) {
            ReportSnapshot s = ReportFixtures.generatedRun(1500, 30, 8, 5);
            java.io.StringWriter out = new java.io.StringWriter();
            renderer.page(s, out);
            assertThat(out.toString()).hasSizeGreaterThan(1 << 18).isEqualTo(renderer.page(s));
        }
    }
}
