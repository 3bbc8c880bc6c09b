package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.analyze.EstimateBound;
import io.parallelplan.core.analyze.Lanes;
import io.parallelplan.core.assign.Assignment;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssignmentLanesRendererTest {
    private static final String HOSTILE_NAME = "<b>eve</b>";

    @Test
    void shouldDrawOneLanePerExecutorWithSyncPointsAndEscapeEverything() throws Exception {
        Plan plan = ReportFixtures.releasePlan();
        PlanGraph graph = PlanGraph.of(plan.achievements());
        Assignment assignment = Assignment.of(plan.name(), graph, Lanes.named(List.of("alice", HOSTILE_NAME)),
                EstimateBound.UPPER);
        ReportSnapshot snapshot = ReportSnapshots.ofPlan(plan, graph, Map.of("1.1", "complete"));

        String page = new HtmlReportRenderer(assignment).page(snapshot);

        String section = page.substring(page.indexOf("<section class=\"pp-section pp-assignment\">"));
        Xml.parse(section.substring(0, section.indexOf("</section>") + "</section>".length()));
        assertThat(page).contains("<section class=\"pp-section pp-assignment\"><h3>Assignment</h3>",
                "class=\"pp-lanes\"", ">alice</text>", "&lt;b&gt;eve&lt;/b&gt;");
        assertThat(page).doesNotContain(HOSTILE_NAME, ReportFixtures.HOSTILE_IMG, ReportFixtures.HOSTILE_SCRIPT);
        int bars = page.split("<g class=\"pp-bar ", -1).length - 1;
        assertThat(bars).isEqualTo(graph.size());
        int syncLines = page.split("is APPROVED</title><line ", -1).length - 1;
        assertThat(syncLines).isEqualTo(assignment.syncPoints().size()).isPositive();
        assertThat(page).contains("Sync points: " + assignment.syncPoints().size());
        assertThat(page).contains(StatePalette.Tone.SUCCEEDED.fill());
    }

    @Test
    void shouldLeaveTheReportAsItWasWithoutAnAssignment() {
        Plan plan = ReportFixtures.releasePlan();
        ReportSnapshot snapshot = ReportSnapshots.ofPlan(plan, PlanGraph.of(plan.achievements()));
        assertThat(new HtmlReportRenderer(null).page(snapshot)).isEqualTo(new HtmlReportRenderer().page(snapshot))
                .doesNotContain("pp-assignment");
    }
}
