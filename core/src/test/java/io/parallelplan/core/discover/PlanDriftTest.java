package io.parallelplan.core.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanDriftTest {
    private final PlanDrift drift = new PlanDrift();

    private static DiscoveredPlan md(String text) {
        return new MarkdownDiscovery().discover(text, Path.of("PLAN_DEMO.md"));
    }

    private static final String MARKDOWN = """
            **Achievement 1.1: Parser** (2-3h)
            - **Dependencies**: None

            **Achievement 1.2: Printer** (4h)
            - **Dependencies**: 1.1

            **Achievement 1.3: Docs**
            """;

    @Test
    void shouldFindNothingWhenInSync() {
        Plan plan = Plan.of("DEMO", List.of(
                Achievement.builder("1.1").title("parser").estimate("2-3").build(),
                Achievement.builder("1.2").title("Printer").dependsOn("1.1").hours(4).build(),
                Achievement.builder("1.3").title("Docs").dependsOn("1.2").build()));

        DriftReport report = drift.compare(md(MARKDOWN), plan);

        assertThat(report.inSync()).isTrue();
        assertThat(report.notStated()).containsExactly("1.3");
        assertThat(report.findings()).extracting(Finding::code).containsExactly("drift-not-stated");
    }

    @Test
    void shouldReportEveryKindOfDrift() {
        Plan plan = Plan.of("DEMO", List.of(
                Achievement.builder("1.1").title("Lexer").hours(3).build(),
                Achievement.builder("1.2").title("Printer").dependsOn("9.9").hours(4).build(),
                Achievement.builder("9.9").title("Extra").build()));

        DriftReport report = drift.compare(md(MARKDOWN), plan);

        assertThat(report.inSync()).isFalse();
        assertThat(report.missingInJson()).containsExactly("1.3");
        assertThat(report.missingInMarkdown()).containsExactly("9.9");
        assertThat(report.titles()).containsExactly(new DriftReport.TitleDrift("1.1", "Parser", "Lexer"));
        assertThat(report.dependencies()).containsExactly(
                new DriftReport.DependencyDrift("1.2", List.of("1.1"), List.of("9.9")));
        assertThat(report.estimates()).containsExactly(new DriftReport.EstimateDrift("1.1", "2-3", "3"));
        assertThat(report.findings()).extracting(Finding::code).containsExactly("drift-missing-in-json",
                "drift-title", "drift-estimate", "drift-dependencies", "drift-missing-in-markdown");
    }

    @Test
    void shouldReportExactlyTheAutomationPlansDependencyDrift() {
        Path folder = Corpus.automationFolder();
        Plan plan = new PlanParser().parse(folder.resolve("parallel.json")).plan();

        DriftReport report = drift.compare(folder.resolve("PLAN_PARALLEL-EXECUTION-AUTOMATION.md"), plan);

        assertThat(report.dependencies()).containsExactly(
                new DriftReport.DependencyDrift("3.2", List.of("3.1"), List.of("2.3")),
                new DriftReport.DependencyDrift("3.3", List.of("3.2"), List.of("2.3")));
        assertThat(report.findings()).extracting(Finding::code)
                .containsExactly("drift-dependencies", "drift-dependencies");
        assertThat(report.findings().get(0).message())
                .contains("3.2: PLAN_PARALLEL-EXECUTION-AUTOMATION.md says it depends on 3.1, parallel.json says 2.3");
    }

    @Test
    void shouldReportGraphragEstimatesButNotCompareUnstatedDependencies() {
        Path folder = Corpus.graphragFolder();
        Plan plan = new PlanParser().parse(folder.resolve("parallel.json")).plan();

        DriftReport report = drift.compare(folder.resolve("PLAN_GRAPHRAG-OBSERVABILITY-VALIDATION.md"), plan);

        assertThat(report.dependencies()).isEmpty();
        assertThat(report.notStated()).hasSize(24);
        assertThat(report.estimates()).isNotEmpty();
        assertThat(report.missingInJson()).isEmpty();
        assertThat(report.missingInMarkdown()).isEmpty();
    }
}
