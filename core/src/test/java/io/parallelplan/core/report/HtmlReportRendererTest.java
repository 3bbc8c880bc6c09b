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
}
