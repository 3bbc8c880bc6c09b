package io.parallelplan.core.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.parse.ParsedPlan;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.testing.Corpus;
import io.parallelplan.core.validate.PlanValidator;
import io.parallelplan.core.validate.ValidationReport;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParallelJsonWriterTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);
    private final MarkdownDiscovery discovery = new MarkdownDiscovery();
    private final ParallelJsonWriter writer = new ParallelJsonWriter();

    private static final String PLAN = """
            ### Priority 1: Base

            **Achievement 1.1: Parser** ⏱️ 2-3 hours
            - **Dependencies**: None

            **Achievement 1.2: Printer** (4h)
            - **Dependencies**: 1.1

            **Achievement 1.3: Docs**
            """;

    @Test
    void shouldWriteAParallelJsonTheValidatorAccepts() {
        String json = writer.write(discovery.discover(PLAN, Path.of("PLAN_DEMO.md")), DAY);

        ParsedPlan parsed = new PlanParser().parse(json, Path.of("parallel.json"));
        ValidationReport report = new PlanValidator().validate(parsed);

        assertThat(report.isValid()).as(report.findings().toString()).isTrue();
        assertThat(parsed.plan().name()).isEqualTo("DEMO");
        assertThat(parsed.plan().achievements()).extracting(Achievement::id).containsExactly("1.1", "1.2", "1.3");
        Achievement printer = parsed.plan().achievement("1.2").orElseThrow();
        assertThat(printer.dependencies()).containsExactly("1.1");
        assertThat(printer.estimate().hours()).isEqualTo(4.0);
        assertThat(printer.priority()).isEqualTo(1);
        assertThat(parsed.plan().achievement("1.1").orElseThrow().estimate().raw()).isEqualTo("2-3");
        assertThat(json).contains("\"created_date\" : \"2026-01-02\"");
    }

    @Test
    void shouldNoteLevelsCriticalPathAndUnstatedAchievements() {
        String json = writer.write(discovery.discover(PLAN, Path.of("PLAN_DEMO.md")), DAY);

        assertThat(json).contains("Level 0: 1.1, 1.3", "Level 1: 1.2", "Critical path (7 h): 1.1 -> 1.2",
                "No dependency statement in the PLAN for: 1.3");
    }

    @Test
    void shouldRefuseToWriteAStatedCycle() {
        DiscoveredPlan cyclic = discovery.discover("""
                **Achievement 1.1**: A
                - **Dependencies**: 1.2
                **Achievement 1.2**: B
                - **Dependencies**: 1.1
                """, Path.of("PLAN_X.md"));

        assertThatThrownBy(() -> writer.write(cyclic, DAY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void shouldWriteValidJsonForEveryCorpusPlan() {
        for (Path md : new Path[] {
            Corpus.automationFolder().resolve("PLAN_PARALLEL-EXECUTION-AUTOMATION.md"),
            Corpus.graphragFolder().resolve("PLAN_GRAPHRAG-OBSERVABILITY-VALIDATION.md")
        }) {
            String json = writer.write(discovery.discover(md), DAY);
            ValidationReport report = new PlanValidator().validate(new PlanParser().parse(json, md));
            assertThat(report.isValid()).as(md + ": " + report.findings()).isTrue();
        }
    }

    @Test
    void shouldPromptWithAchievementsSectionsAndRules() {
        String prompt = new DiscoveryPrompt().render(discovery.discover(PLAN, Path.of("PLAN_DEMO.md")));

        assertThat(prompt).contains("\"plan_name\": \"DEMO\"", "### 1.2: Printer", "Stated dependencies: 1.1",
                "### 1.3: Docs", "none stated in the text", "No cycles", "Use only the ids listed below");
    }
}
