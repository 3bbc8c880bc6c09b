package io.parallelplan.core.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of {@link PlanAnalyzer} on random acyclic plans, written in shuffled file order so that dependencies
 * point both up and down the file. Hours are multiples of 0.5, so sums are exact and compared with {@code ==}.
 */
class PlanAnalyzerPropertiesTest {
    private static final double[] HOURS = {0, 0.5, 1, 2, 3.5, 8};

    /** A random DAG: node i may depend on any earlier node; then the list is shuffled. */
    @Provide
    Arbitrary<PlanGraph> dags() {
        return plans(false);
    }

    /** Random DAGs in which some achievements name one of two executors. */
    @Provide
    Arbitrary<PlanGraph> dagsWithExecutors() {
        return plans(true);
    }

    private static Arbitrary<PlanGraph> plans(boolean executors) {
        return Combinators.combine(Arbitraries.integers().between(0, 11), Arbitraries.longs(),
                        Arbitraries.integers().between(0, 100))
                .as((n, seed, density) -> randomPlan(n, new Random(seed), density / 100.0, executors));
    }

    private static PlanGraph randomPlan(int n, Random random, double density, boolean executors) {
        List<Achievement> achievements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Achievement.Builder b = Achievement.builder("a" + i).hours(HOURS[random.nextInt(HOURS.length)]);
            for (int d = 0; d < i; d++) {
                if (random.nextDouble() < density) {
                    b.dependsOn("a" + d);
                }
            }
            if (executors && random.nextInt(3) == 0) {
                b.executor(random.nextBoolean() ? "alice" : "bob");
            }
            achievements.add(b.build());
        }
        Collections.shuffle(achievements, random);
        return PlanGraph.of(achievements);
    }

    @Property
    void shouldPlaceEveryAchievementOneLevelAfterItsDeepestDependency(@ForAll("dags") PlanGraph graph) {
        PlanAnalysis analysis = new PlanAnalyzer().analyze(graph, PlanAnalyzer.UNLIMITED);
        Map<String, Integer> level = new HashMap<>();
        for (int l = 0; l < analysis.levels().size(); l++) {
            assertThat(analysis.levels().get(l)).isNotEmpty();
            for (String id : analysis.levels().get(l)) {
                assertThat(level.put(id, l)).as("%s placed twice", id).isNull();
            }
        }
        assertThat(level).hasSize(graph.size());
        for (int v = 0; v < graph.size(); v++) {
            int expected = 0;
            for (int d : graph.dependencies(v)) {
                assertThat(level.get(graph.id(d))).isLessThan(level.get(graph.id(v)));
                expected = Math.max(expected, level.get(graph.id(d)) + 1);
            }
            assertThat(level.get(graph.id(v))).as("level of %s", graph.id(v)).isEqualTo(expected);
        }
        assertThat(analysis.width()).isEqualTo(analysis.levels().stream().mapToInt(List::size).max().orElse(0));
    }

    @Property
    void shouldFindARealPathThatNoOtherPathOutlasts(@ForAll("dags") PlanGraph graph) {
        PlanAnalyzer analyzer = new PlanAnalyzer();
        PlanAnalysis.CriticalPath path = analyzer.analyze(graph, PlanAnalyzer.UNLIMITED).criticalPath();
        double[] hours = analyzer.hours(graph);
        List<String> ids = path.ids();
        double sum = 0;
        for (int i = 0; i < ids.size(); i++) {
            int v = graph.indexOf(ids.get(i));
            sum += hours[v];
            if (i > 0) {
                assertThat(graph.achievement(v).dependencies()).as("%s -> %s is an edge", ids.get(i - 1), ids.get(i))
                        .contains(ids.get(i - 1));
            }
        }
        assertThat(path.hours()).isEqualTo(sum);
        assertThat(path.hours()).isEqualTo(longestPathByBruteForce(graph, hours));
        assertThat(ids.isEmpty()).isEqualTo(graph.size() == 0);
    }

    @Property
    void shouldKeepMakespanBetweenLowerBoundAndSequentialHours(
            @ForAll("dagsWithExecutors") PlanGraph graph, @ForAll @IntRange(min = 1, max = 5) int executors) {
        PlanAnalysis analysis = new PlanAnalyzer().analyze(graph, executors);
        assertThat(analysis.makespanHours())
                .isGreaterThanOrEqualTo(analysis.criticalPath().hours())
                .isGreaterThanOrEqualTo(analysis.sequentialHours() / executors - 1e-9)
                .isLessThanOrEqualTo(analysis.sequentialHours());
        assertThat(analysis.peakExecutors()).isLessThanOrEqualTo(executors);
        assertThat(analysis.savingHours()).isEqualTo(analysis.sequentialHours() - analysis.makespanHours());
    }

    @Property
    void shouldTakeExactlyTheSequentialHoursWithOneExecutor(@ForAll("dagsWithExecutors") PlanGraph graph) {
        PlanAnalysis analysis = new PlanAnalyzer().analyze(graph, 1);
        assertThat(analysis.makespanHours()).isEqualTo(analysis.sequentialHours());
    }

    @Property
    void shouldFinishInTheCriticalPathWithUnlimitedExecutors(@ForAll("dags") PlanGraph graph) {
        PlanAnalysis analysis = new PlanAnalyzer().analyze(graph, PlanAnalyzer.UNLIMITED);
        assertThat(analysis.makespanHours()).isEqualTo(analysis.criticalPath().hours());
        assertThat(analysis.lowerBoundHours()).isEqualTo(analysis.criticalPath().hours());
    }

    /** Without named executors only: with them, greedy list scheduling has Graham's anomalies. */
    @Property
    void shouldNeverBeSlowerWithUnlimitedExecutorsThanWithAFew(
            @ForAll("dags") PlanGraph graph, @ForAll @IntRange(min = 1, max = 5) int executors) {
        PlanAnalyzer analyzer = new PlanAnalyzer();
        assertThat(analyzer.analyze(graph, PlanAnalyzer.UNLIMITED).makespanHours())
                .isLessThanOrEqualTo(analyzer.analyze(graph, executors).makespanHours());
    }

    /** The longest path by hours, trying every path from every node (fine for a dozen nodes). */
    private static double longestPathByBruteForce(PlanGraph graph, double[] hours) {
        double best = 0;
        for (int v = 0; v < graph.size(); v++) {
            best = Math.max(best, longestFrom(graph, hours, v));
        }
        return best;
    }

    private static double longestFrom(PlanGraph graph, double[] hours, int v) {
        double best = 0;
        for (int w : graph.dependents(v)) {
            best = Math.max(best, longestFrom(graph, hours, w));
        }
        return hours[v] + best;
    }
}
