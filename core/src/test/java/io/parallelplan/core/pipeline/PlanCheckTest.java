package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import io.parallelplan.core.validate.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanCheckTest {
    private static final LoadedPlan PLAN = new PlanLoader().load(new PlanParser().parse("""
            {"achievements": [{"id": "1.1", "title": "Schema"}, {"id": "1.2", "title": "API"}]}""",
            Path.of("plans/X/parallel.json")));

    @Test
    void shouldReportOnlyValidationFindingsWithoutMarkdown() {
        assertThat(PlanCheck.of(PLAN, null, null).findings()).isEqualTo(PLAN.report().findings());
    }

    @Test
    void shouldAddDriftAgainstThePlanMarkdown() {
        String markdown = """
                # PLAN X

                **Achievement 1.1**: Schema
                **Achievement 1.3**: Docs
                """;

        ValidationReport report = PlanCheck.of(PLAN, markdown, "plans/X/PLAN_X.md");

        assertThat(report.findings()).extracting(Finding::code).contains("drift-missing-in-json");
        assertThat(ValidationVerdict.of(report, true)).isEqualTo(RunStatus.UNSTABLE);
        assertThat(ValidationVerdict.of(report, false)).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void shouldReportAFileThatIsNotJsonAsOneError() {
        ValidationReport report = PlanCheck.of("{\"achievements\": [", "plans/X/parallel.json", null, null);

        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("unreadable");
            assertThat(f.location().isKnown()).isTrue();
        });
        assertThat(ValidationVerdict.of(report, false)).isEqualTo(RunStatus.FAILURE);
    }

    @Test
    void shouldListEveryErrorOfAnInvalidPlan() {
        ValidationReport report = PlanCheck.of("""
                {"achievements": [{"id": "a", "dependencies": ["x"]}, {"id": "a"}, {"id": "b", "dependencies": ["b"]}]}""",
                "p.json", null, null);

        assertThat(report.errors()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldLoadPlanTextAndFailWithTheLineAndCaretWhenItIsNotJson() {
        assertThatThrownBy(() -> PlanCheck.load("{\"achievements\": [\n  {\"id\": }\n]}", "plans/X/parallel.json"))
                .isInstanceOf(PipelineException.class)
                .hasMessageStartingWith("plans/X/parallel.json:2:")
                .hasMessageContaining(System.lineSeparator() + "  {\"id\": }" + System.lineSeparator())
                .hasMessageContaining("^");
    }

    @Test
    void shouldGiveFindingsAsPlainRowsForTheBuildPage() throws Exception {
        LoadedPlan plan = PlanCheck.load("{\"achievements\": [{\"id\": \"1.1\", \"dependencies\": [\"9.9\"]}]}",
                "p.json");

        List<Map<String, Object>> rows = PlanCheck.rows(plan.report());

        assertThat(rows).anySatisfy(row -> assertThat(row)
                .containsEntry("severity", "ERROR").containsEntry("code", "unknown-dependency")
                .containsEntry("achievement", "1.1").containsKeys("message", "position"));
        assertThat(rows).allSatisfy(row -> assertThat((String) row.get("position")).matches("(\\d+:\\d+)?"));
    }
}
