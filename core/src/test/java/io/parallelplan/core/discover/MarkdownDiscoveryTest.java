package io.parallelplan.core.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Severity;
import io.parallelplan.core.parse.PlanReadException;
import io.parallelplan.core.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownDiscoveryTest {
    private final MarkdownDiscovery discovery = new MarkdownDiscovery();

    private DiscoveredPlan read(String markdown) {
        return discovery.discover(markdown, Path.of("PLAN_DEMO.md"));
    }

    private static DiscoveredAchievement get(DiscoveredPlan plan, String id) {
        return plan.achievement(id).orElseThrow();
    }

    @Test
    void shouldReadBoldTitleWithClockEstimateAndPlainIdList() {
        DiscoveredPlan plan = read("""
                # PLAN: Demo

                **Achievement 1.1: Write the parser** ⏱️ 2-3 hours

                - **Dependencies**: None

                **Achievement 1.2: Write the printer** ⏱️ 4 hours

                - **Dependencies**: 1.1
                """);

        assertThat(plan.name()).isEqualTo("DEMO");
        assertThat(plan.achievements()).extracting(DiscoveredAchievement::id).containsExactly("1.1", "1.2");
        assertThat(get(plan, "1.1").title()).isEqualTo("Write the parser");
        assertThat(get(plan, "1.1").estimate().raw()).isEqualTo("2-3");
        assertThat(get(plan, "1.1").stated()).isTrue();
        assertThat(get(plan, "1.1").dependencies()).isEmpty();
        assertThat(get(plan, "1.2").dependencies()).containsExactly("1.1");
        assertThat(get(plan, "1.2").estimate().hours()).isEqualTo(4.0);
    }

    @Test
    void shouldMergeIndexAndDetailedSectionOfTheSameAchievement() {
        DiscoveredPlan plan = read("""
                ## Achievement Index

                **Achievement 1.1**: Schema (4-6h)
                **Achievement 1.2**: Validator (2-3h)

                ## Details

                ### Priority 1: Foundation

                **Achievement 1.1: Schema** ⏱️ 4-6 hours

                - **Dependencies**: None (can work independently)

                **Achievement 1.2: Validator** ⏱️ 2-3 hours

                - **Dependencies**: Depends on Achievement 1.1 (the schema must exist)
                - **Blocks**: None
                """);

        assertThat(plan.achievements()).hasSize(2);
        assertThat(get(plan, "1.1").title()).isEqualTo("Schema");
        assertThat(get(plan, "1.1").estimate().raw()).isEqualTo("4-6");
        assertThat(get(plan, "1.2").dependencies()).containsExactly("1.1");
        assertThat(get(plan, "1.2").priority()).isEqualTo(1);
        assertThat(get(plan, "1.2").section()).contains("the schema must exist");
    }

    @Test
    void shouldReadBulletListUnderDependenciesAndIdsInProse() {
        DiscoveredPlan plan = read("""
                **Achievement 1.1**: A
                **Achievement 1.2**: B
                **Achievement 1.3**: C

                ---

                **Achievement 2.1**: Taxonomy users

                - **Dependencies**:
                  - Achievement 1.1 (taxonomy)
                  - 1.3, for the loader
                - **Blocks**: 2.2

                ---

                **Achievement 2.2**: Report

                - **Dependencies**: Yes - requires taxonomy (1.1, 1.2, 9.9) complete
                """);

        assertThat(get(plan, "2.1").dependencies()).containsExactly("1.1", "1.3");
        assertThat(get(plan, "2.2").dependencies()).containsExactly("1.1", "1.2");
        assertThat(plan.findings()).extracting(Finding::code).contains("discover-unknown-mention");
    }

    @Test
    void shouldListAchievementsWithoutStatementAndNeverInventEdges() {
        DiscoveredPlan plan = read("""
                - ✅ Achievement 0.1: Setup done
                - Achievement 0.2: Build it

                **Achievement 0.1**: Setup done

                - **Effort**: 3-4 hours
                - Mentions 0.2 in prose but states nothing.

                **Achievement 0.2**: Build it
                """);

        assertThat(plan.withoutStatement()).containsExactly("0.1", "0.2");
        assertThat(plan.achievements()).allMatch(a -> a.dependencies().isEmpty());
        assertThat(get(plan, "0.1").estimate().raw()).isEqualTo("3-4");
        assertThat(plan.findings()).filteredOn(f -> f.code().equals("discover-no-statement")).hasSize(2);
    }

    @Test
    void shouldTakeTitlesFromHeadingsWithoutStatusMarkers() {
        DiscoveredPlan plan = read("""
                ### Achievement 1.1: Stack Running ✅ COMPLETE

                - **Dependencies**: None
                """);

        assertThat(get(plan, "1.1").title()).isEqualTo("Stack Running");
    }

    @Test
    void shouldIgnoreDeclarationsInsideCodeBlocksAndIndentedBullets() {
        DiscoveredPlan plan = read("""
                **Achievement 1.1**: Real

                ```
                **Achievement 9.1**: In a code block
                ```

                  - Achievement 8.1: indented status line (45 min)
                1. Achievement 7.1: numbered handoff line
                """);

        assertThat(plan.achievements()).extracting(DiscoveredAchievement::id).containsExactly("1.1");
    }

    @Test
    void shouldWarnAboutStatementsThatNameNoAchievement() {
        DiscoveredPlan plan = read("""
                **Achievement 1.1**: A

                **Achievement 1.2**: B

                - **Dependencies**: Priority 1 complete
                """);

        assertThat(get(plan, "1.2").stated()).isFalse();
        assertThat(plan.findings()).extracting(Finding::code).contains("discover-unreadable-statement");
    }

    @Test
    void shouldReportAStatedCycleAsAnError() {
        DiscoveredPlan plan = read("""
                **Achievement 1.1**: A
                - **Dependencies**: 1.2

                **Achievement 1.2**: B
                - **Dependencies**: 1.1
                """);

        assertThat(plan.isWritable()).isFalse();
        assertThat(plan.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(Finding::code).containsExactly("discover-cycle");
    }

    @Test
    void shouldReadWindowsLineEndingsAndAByteOrderMark() {
        DiscoveredPlan plan = read("\uFEFF**Achievement 1.1: A** (2h)\r\n- **Dependencies**: None\r\n"
                + "**Achievement 1.2: B**\r\n- **Dependencies**: 1.1\r\n");

        assertThat(plan.achievements()).extracting(DiscoveredAchievement::id).containsExactly("1.1", "1.2");
        assertThat(get(plan, "1.2").dependencies()).containsExactly("1.1");
    }

    @Test
    void shouldRefuseAMissingFile() {
        assertThatThrownBy(() -> discovery.discover(Path.of("does-not-exist/PLAN_X.md")))
                .isInstanceOf(PlanReadException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void shouldReadTheRealAutomationPlan() {
        DiscoveredPlan plan = discovery.discover(
                Corpus.automationFolder().resolve("PLAN_PARALLEL-EXECUTION-AUTOMATION.md"));

        assertThat(plan.achievements()).extracting(DiscoveredAchievement::id)
                .containsExactly("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3");
        assertThat(plan.withoutStatement()).isEmpty();
        assertThat(get(plan, "1.1").dependencies()).isEmpty();
        assertThat(get(plan, "3.2").dependencies()).containsExactly("3.1");
        assertThat(get(plan, "3.3").dependencies()).containsExactly("3.2");
        assertThat(get(plan, "2.1").title()).isEqualTo("generate_prompt.py Enhanced with Parallel Support");
        assertThat(get(plan, "2.1").estimate().raw()).isEqualTo("5-7");
        assertThat(get(plan, "3.1").priority()).isEqualTo(3);
    }

    @Test
    void shouldReadTheRealGraphragPlanWithoutInventingEdges() {
        DiscoveredPlan plan = discovery.discover(
                Corpus.graphragFolder().resolve("PLAN_GRAPHRAG-OBSERVABILITY-VALIDATION.md"));

        assertThat(plan.achievements()).hasSize(24);
        assertThat(plan.withoutStatement()).hasSize(24);
        assertThat(get(plan, "0.1").title()).isEqualTo("Collection Name Compatibility Resolved");
        assertThat(get(plan, "0.1").estimate().raw()).isEqualTo("3-4");
        assertThat(get(plan, "7.3").priority()).isEqualTo(7);
        assertThat(plan.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void shouldCleanTitles() {
        assertThat(MarkdownDiscovery.cleanTitle("Schema (2-3h)")).isEqualTo("Schema");
        assertThat(MarkdownDiscovery.cleanTitle("Pipeline Run 📋 DESIGN COMPLETE")).isEqualTo("Pipeline Run");
        assertThat(List.of(MarkdownDiscovery.cleanTitle("Keep (the parens)"))).containsExactly("Keep (the parens)");
    }
}
