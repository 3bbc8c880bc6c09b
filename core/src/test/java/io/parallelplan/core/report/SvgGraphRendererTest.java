package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgGraphRendererTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    private static int countByClass(Document d, String tag, String cssClass) {
        NodeList all = d.getElementsByTagNameNS(SVG, tag);
        int n = 0;
        for (int i = 0; i < all.getLength(); i++) {
            String c = ((Element) all.item(i)).getAttribute("class");
            if ((" " + c + " ").contains(" " + cssClass + " ")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldDrawOneWellFormedNodePerAchievementWithItsTooltip() throws Exception {
        ReportSnapshot run = ReportFixtures.run();
        Document d = Xml.parse(new SvgGraphRenderer().render(run));
        assertThat(countByClass(d, "g", "pp-node")).isEqualTo(run.entries().size());
        NodeList titles = d.getElementsByTagNameNS(SVG, "title");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < titles.getLength(); i++) {
            all.append(titles.item(i).getTextContent()).append('\n');
        }
        assertThat(all.toString())
                .contains("1.2 — " + ReportFixtures.HOSTILE_IMG + "\nFLAKY (passed on attempt 2) · 2 attempts · 1m 59s")
                .contains("estimate 3h")
                .contains("3.1 — Deploy to staging\nBLOCKED · estimate 2h\nblocked by 2.2 ← 2.1");
    }

    @Test
    void shouldColourByStateOutlineTheCriticalPathAndEmphasiseBlockedEdges() throws Exception {
        ReportSnapshot run = ReportFixtures.run();
        Document d = Xml.parse(new SvgGraphRenderer().render(run));
        assertThat(countFill(d, StatePalette.Tone.FAILED.fill())).isEqualTo(1);
        assertThat(countFill(d, StatePalette.Tone.BLOCKED.fill())).isEqualTo(2);
        assertThat(countFill(d, StatePalette.Tone.SUCCEEDED.fill())).isEqualTo(2);
        // The critical path 1.2 → 2.1 → 2.2 → 3.1 (10 h): one halo per node; the edges 2.1→2.2 and 2.2→3.1 run
        // from a failure to what it blocked, so only 1.2→2.1 stays orange.
        assertThat(run.analysis().criticalPath()).containsExactly("1.2", "2.1", "2.2", "3.1");
        NodeList rects = d.getElementsByTagNameNS(SVG, "rect");
        int halos = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            if (SvgGraphRenderer.CRITICAL_COLOUR.equals(((Element) rects.item(i)).getAttribute("stroke"))) {
                halos++;
            }
        }
        assertThat(halos).isEqualTo(4);
        assertThat(edges(d, "pp-critical")).isEqualTo(1);
        assertThat(edges(d, "pp-blocked")).isEqualTo(2);
        assertThat(edges(d, "pp-edges")).as("all six dependencies").isEqualTo(6);
    }

    private static int countFill(Document d, String fill) {
        NodeList rects = d.getElementsByTagNameNS(SVG, "rect");
        int n = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            if (fill.equals(((Element) rects.item(i)).getAttribute("fill"))) {
                n++;
            }
        }
        return n;
    }

    private static int edges(Document d, String groupClass) {
        NodeList groups = d.getElementsByTagNameNS(SVG, "g");
        int n = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ((" " + g.getAttribute("class") + " ").contains(" " + groupClass + " ")) {
                n += g.getElementsByTagNameNS(SVG, "path").getLength();
            }
        }
        return n;
    }

    @Test
    void shouldEscapeHostileTextEverywhereInTheSvg() {
        String svg = new SvgGraphRenderer().render(ReportFixtures.run());
        assertThat(svg).doesNotContain("<img").doesNotContain("<script").doesNotContain("<friends>")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("aria-label=\"Dependency graph of Release &quot;2.0&quot; &amp; &lt;friends&gt;\"");
    }

    @Test
    void shouldRenderTheSameBytesForTheSameSnapshot() {
        ReportSnapshot big = ReportFixtures.generatedRun(300, 20, 4, 3);
        assertThat(new SvgGraphRenderer().render(big)).isEqualTo(new SvgGraphRenderer().render(
                ReportFixtures.generatedRun(300, 20, 4, 3)));
    }

    @Test
    void shouldWriteCoordinatesWithoutLocaleOrNegativeZero() {
        assertThat(SvgGraphRenderer.num(12.34)).isEqualTo("12.3");
        assertThat(SvgGraphRenderer.num(-0.54)).isEqualTo("-0.5");
        assertThat(SvgGraphRenderer.num(40)).isEqualTo("40");
    }
}
