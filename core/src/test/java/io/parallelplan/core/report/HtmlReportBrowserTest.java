package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in headless Chromium and checks what a reader sees: every achievement drawn once, states
 * shown, the table sorting on a click, details on a click, and no script or element injected by plan text. Fails in
 * CI when Chromium is missing, skips elsewhere (see {@link Chromium#INSTALL}). Leaves {@code target/report.png}.
 */
class HtmlReportBrowserTest {
    private static final Path OUT = Path.of("target", "report-browser");
    private static Chromium browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Chromium.start(OUT.resolve("profile").toAbsolutePath(), 1400, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static Path write(String name, ReportSnapshot snapshot) throws Exception {
        Path file = OUT.resolve(name).toAbsolutePath();
        ReportWriter.writeHtml(snapshot, file);
        return file;
    }

    private static List<String> texts(String expression) throws Exception {
        List<String> out = new ArrayList<>();
        browser.eval(expression).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void shouldDrawEveryAchievementWithItsStateAndRunNoScriptFromPlanData() throws Exception {
        ReportSnapshot run = ReportFixtures.run();
        browser.open(write("run.html", run));

        assertThat(browser.eval("document.querySelector('.pp-report').getAttribute('data-pp-ready')").asText())
                .as("the report's own script ran").isEqualTo("1");
        assertThat(browser.eval("document.querySelectorAll('svg.pp-graph .pp-node').length").asInt())
                .isEqualTo(run.entries().size());
        assertThat(texts("Array.from(document.querySelectorAll('table.pp-table tbody tr td:nth-child(3) .pp-state'))"
                + ".map(function(e){return e.textContent})"))
                .containsExactly("SUCCEEDED", "FLAKY", "SKIPPED", "FAILED", "BLOCKED", "SUCCEEDED", "BLOCKED",
                        "CANCELLED");
        assertThat(browser.eval("document.querySelectorAll('svg.pp-timeline .pp-bar').length").asInt())
                .as("one bar per attempt, retries included").isEqualTo(6);

        // Hostile titles show as text and create nothing.
        assertThat(browser.eval("document.querySelectorAll('img').length").asInt()).isZero();
        assertThat(browser.eval("typeof window.pwned").asText()).isEqualTo("undefined");
        assertThat(browser.eval("document.querySelectorAll('script').length").asInt())
                .as("only the report's data block and its script").isEqualTo(2);
        assertThat(browser.eval("document.querySelector('tr[data-i=\"1\"] td:nth-child(2)').textContent").asText())
                .isEqualTo(ReportFixtures.HOSTILE_IMG);
        assertThat(browser.eval("document.title").asText()).isEqualTo(run.planName() + " — run " + run.runId());
        assertThat(browser.events("Page.javascriptDialogOpening")).as("no alert() ran").isEmpty();
    }

    @Test
    void shouldSortTheTableWhenAHeaderIsClicked() throws Exception {
        browser.open(write("sort.html", ReportFixtures.run()));
        String ids = "Array.from(document.querySelectorAll('table.pp-table tbody tr td:first-child'))"
                + ".map(function(e){return e.textContent})";
        assertThat(texts(ids)).containsExactly("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2");

        browser.click("table.pp-table th:nth-child(5) button");
        assertThat(browser.eval("document.querySelector('table.pp-table th:nth-child(5)').getAttribute('aria-sort')")
                .asText()).isEqualTo("ascending");
        // Never ran first (plan order among them), then by time spent.
        assertThat(texts(ids)).containsExactly("1.3", "2.2", "3.1", "3.2", "2.3", "1.1", "2.1", "1.2");

        browser.click("table.pp-table th:nth-child(5) button");
        assertThat(texts(ids)).startsWith("1.2", "2.1", "1.1", "2.3");

        browser.click("table.pp-table th:nth-child(1) button");
        browser.click("table.pp-table th:nth-child(1) button");
        assertThat(texts(ids)).as("ids descending in natural order")
                .containsExactly("3.2", "3.1", "2.3", "2.2", "2.1", "1.3", "1.2", "1.1");
    }

    @Test
    void shouldShowDetailsWhenANodeIsClicked() throws Exception {
        browser.open(write("details.html", ReportFixtures.run()));
        assertThat(browser.eval("document.querySelector('.pp-details').hidden").asBoolean()).isTrue();
        browser.click("svg.pp-graph .pp-node[data-i=\"3\"] rect:last-of-type");
        JsonNode details = browser.eval("document.querySelector('.pp-details').textContent");
        assertThat(details.asText()).contains("2.1 — Build " + ReportFixtures.HOSTILE_SCRIPT)
                .contains("FAILED (exit 2 after 2 attempts)")
                .contains("attempt 2: FAILED, exit 2, took 49s")
                .contains("depends on: 1.1, 1.2");
        assertThat(browser.eval("document.querySelector('tr.pp-sel td').textContent").asText()).isEqualTo("2.1");
        assertThat(browser.eval("typeof window.pwned").asText()).isEqualTo("undefined");
    }

    /** The report as the reader's browser holds it once its script ran, scripts themselves left out. */
    private static String renderedReport() throws Exception {
        return browser.eval("(function(){var r=document.querySelector('.pp-report').cloneNode(true);"
                + "r.querySelectorAll('script').forEach(function(s){s.remove();});return r.outerHTML;})()").asText();
    }

    @Test
    void shouldDrawALargeGraphFromItsDataExactlyAsTheWrittenOne() throws Exception {
        // The same snapshots with the graph written out and drawn by the script (threshold 0): once the script ran,
        // the two pages hold the same document, node for node and attribute for attribute.
        HtmlReportRenderer written = new HtmlReportRenderer(null, Integer.MAX_VALUE);
        HtmlReportRenderer scripted = new HtmlReportRenderer(null, 0);
        List<ReportSnapshot> snapshots = List.of(ReportFixtures.run(), ReportFixtures.varied(300, 1),
                ReportFixtures.varied(300, 2), ReportFixtures.generatedRun(500, 25, 8, 7));
        for (int i = 0; i < snapshots.size(); i++) {
            ReportSnapshot s = snapshots.get(i);
            String drawn = scripted.page(s);
            assertThat(drawn).as("the graph is left to the script").doesNotContain("<g class=\"pp-node\"")
                    .contains("pp-graph-note");
            Path writtenFile = OUT.resolve("written-" + i + ".html").toAbsolutePath();
            Path scriptedFile = OUT.resolve("scripted-" + i + ".html").toAbsolutePath();
            ReportWriter.writeText(written.page(s), writtenFile);
            ReportWriter.writeText(drawn, scriptedFile);
            browser.open(writtenFile);
            String expected = renderedReport();
            browser.open(scriptedFile);
            assertThat(browser.eval("document.querySelectorAll('svg.pp-graph .pp-node').length").asInt())
                    .isEqualTo(s.entries().size());
            assertThat(renderedReport()).as("snapshot %d", i).isEqualTo(expected);
        }
        // Clicking a drawn node works as on a written one.
        browser.click("svg.pp-graph .pp-node[data-i=\"3\"] rect:last-of-type");
        assertThat(browser.eval("document.querySelector('tr.pp-sel td').textContent").asText())
                .isEqualTo(snapshots.get(snapshots.size() - 1).entries().get(3).id());
    }

    @Test
    void shouldDrawAFiveHundredAchievementRunAndSaveAScreenshot() throws Exception {
        ReportSnapshot big = ReportFixtures.generatedRun(500, 25, 8, 7);
        browser.open(write("run-500.html", big));
        assertThat(browser.eval("document.querySelectorAll('svg.pp-graph .pp-node').length").asInt()).isEqualTo(500);
        assertThat(browser.eval("document.querySelectorAll('table.pp-table tbody tr').length").asInt())
                .isEqualTo(500);
        // Fit to width keeps labels readable: never below 55 % of their size; the rest scrolls and pans.
        double scale = browser.eval("document.querySelector('svg.pp-graph').getBoundingClientRect().width / "
                + "Number(document.querySelector('svg.pp-graph').getAttribute('viewBox').split(' ')[2])").asDouble();
        assertThat(scale).isBetween(0.55, 1.0);

        browser.open(write("screenshot.html", ReportFixtures.run()));
        Path png = Path.of("target", "report.png");
        Files.write(png, browser.screenshot());
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }
}
