package io.parallelplan.core.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.testing.Corpus;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanAnalyzerTest {
    private static Achievement a(String id, double hours, String... deps) {
        return Achievement.builder(id).hours(hours).dependsOn(deps).build();
    }

    /** Two 8-hour roots, an integration step, a test step, and independent documentation. */
    private static final PlanGraph FEATURE = PlanGraph.of(List.of(
            a("1.1", 8), a("1.2", 8), a("2.1", 6, "1.1", "1.2"), a("2.2", 4), a("3.1", 6, "2.1")));

    @Test
    void shouldComputeLevelsWidthAndSequentialHours() {
        PlanAnalysis analysis = new PlanAnalyzer().analyze(FEATURE, Integer.MAX_VALUE);
        assertThat(analysis.levels()).containsExactly(List.of("1.1", "1.2", "2.2"), List.of("2.1"), List.of("3.1"));
        assertThat(analysis.width()).isEqualTo(3);
        assertThat(analysis.sequentialHours()).isEqualTo(32.0);
    }

    @Test
    void shouldFindCriticalPathByHoursPreferringPlanOrderOnTies() {
        PlanAnalysis analysis = new PlanAnalyzer().analyze(FEATURE, 2);
        assertThat(analysis.criticalPath().ids()).containsExactly("1.1", "2.1", "3.1");
        assertThat(analysis.criticalPath().hours()).isEqualTo(20.0);
    }

    @Test
    void shouldEstimateMakespanWithListScheduling() {
        assertThat(new PlanAnalyzer().analyze(FEATURE, 2).makespanHours()).isEqualTo(20.0);
        assertThat(new PlanAnalyzer().analyze(FEATURE, 1).makespanHours()).isEqualTo(32.0);
        assertThat(new PlanAnalyzer().analyze(FEATURE, Integer.MAX_VALUE).makespanHours()).isEqualTo(20.0);
        assertThat(new PlanAnalyzer().analyze(FEATURE, 2).savingHours()).isEqualTo(12.0);
    }

    @Test
    void shouldNeverOverlapAchievementsOfOneNamedExecutor() {
        PlanGraph graph = PlanGraph.of(List.of(
                Achievement.builder("a").hours(2).executor("alice").build(),
                Achievement.builder("b").hours(3).executor("alice").build(),
                Achievement.builder("c").hours(1).executor("bob").build()));
        assertThat(new PlanAnalyzer().analyze(graph, 3).makespanHours()).isEqualTo(5.0);
    }

    @Test
    void shouldCountRangesByTheChosenBound() {
        PlanGraph graph = PlanGraph.of(List.of(
                Achievement.builder("a").estimate("4-6").build(),
                Achievement.builder("b").estimate("2-3 hours").dependsOn("a").build(),
                Achievement.builder("c").build()));
        assertThat(new PlanAnalyzer().analyze(graph, 1).sequentialHours()).isEqualTo(10.0);
        assertThat(new PlanAnalyzer(EstimateBound.LOWER).analyze(graph, 1).sequentialHours()).isEqualTo(7.0);
        assertThat(new PlanAnalyzer(EstimateBound.MIDDLE).analyze(graph, 1).criticalPath().hours()).isEqualTo(7.5);
    }

    @Test
    void shouldRefuseCyclesAndZeroExecutors() {
        PlanGraph cyclic = PlanGraph.of(List.of(a("x", 1, "y"), a("y", 1, "x")));
        assertThatThrownBy(() -> new PlanAnalyzer().analyze(cyclic, 1)).hasMessageContaining("cycle");
        assertThatThrownBy(() -> new PlanAnalyzer().analyze(FEATURE, 0)).hasMessageContaining("at least 1");
    }

    @Test
    void shouldAnalyzeEmptyPlan() {
        PlanAnalysis analysis = new PlanAnalyzer().analyze(PlanGraph.of(List.of()), 4);
        assertThat(analysis.levels()).isEmpty();
        assertThat(analysis.makespanHours()).isZero();
        assertThat(analysis.criticalPath().ids()).isEmpty();
    }

    @Test
    void shouldKeepZeroHourDependenciesOnTheCriticalPath() {
        PlanGraph graph = PlanGraph.of(List.of(a("kickoff", 0), a("build", 3, "kickoff"), a("docs", 1)));
        PlanAnalysis analysis = new PlanAnalyzer().analyze(graph, PlanAnalyzer.UNLIMITED);
        assertThat(analysis.criticalPath().ids()).containsExactly("kickoff", "build");
        assertThat(analysis.criticalPath().hours()).isEqualTo(3.0);
    }

    @Test
    void shouldReportPeakExecutorsBeyondTheWidthWhenLevelsOverlap() {
        // Level 1 is {x, y}, level 2 is {z}; z starts at hour 1 while y (5 hours) still runs, and w runs beside them.
        PlanGraph graph = PlanGraph.of(List.of(a("x", 1), a("y", 5), a("z", 2, "x"), a("w", 3, "x")));
        PlanAnalysis analysis = new PlanAnalyzer().analyze(graph, PlanAnalyzer.UNLIMITED);
        assertThat(analysis.width()).isEqualTo(2);
        assertThat(analysis.peakExecutors()).isEqualTo(3);
        assertThat(analysis.unlimitedExecutors()).isTrue();
    }

    @Test
    void shouldComputeTheCorpusGraphragTimesThatItsClaimsGetWrong() {
        LoadedPlan graphrag = new PlanLoader().loadValid(Corpus.graphragFolder());
        PlanAnalysis analysis = new PlanAnalyzer().analyze(graphrag.graph(), PlanAnalyzer.UNLIMITED);
        assertThat(analysis.sequentialHours()).isEqualTo(71.0);
        assertThat(analysis.criticalPath().hours()).isEqualTo(23.5);
        assertThat(analysis.makespanHours()).isEqualTo(23.5);
    }

    @Test
    void shouldAnalyzeEveryValidCorpusPlan() {
        int analyzed = 0;
        for (Path file : Corpus.planFiles()) {
            LoadedPlan loaded = new PlanLoader().load(file);
            if (!loaded.report().isValid()) {
                continue;
            }
            analyzed++;
            PlanAnalysis analysis = new PlanAnalyzer().analyze(loaded.graph(), 2);
            assertThat(analysis.levels().stream().mapToInt(List::size).sum()).as(file.toString())
                    .isEqualTo(loaded.plan().size());
            assertThat(analysis.makespanHours()).as(file.toString())
                    .isBetween(analysis.lowerBoundHours(), analysis.sequentialHours());
        }
        assertThat(analyzed).as("valid corpus plans").isGreaterThanOrEqualTo(2);
    }
}
