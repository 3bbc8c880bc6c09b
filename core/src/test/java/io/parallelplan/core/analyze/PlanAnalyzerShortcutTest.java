package io.parallelplan.core.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link PlanAnalyzer}'s shortcut for executors enough to start everything at once ({@code PlanAnalyzer.unlimited})
 * against the list-scheduling simulation it stands in for: the same analysis, makespan and peak bit for bit, on
 * random plans rich in what makes the peak delicate — zero-hour achievements (which start and finish at the same
 * moment, in rounds), equal estimates and ties, ranges under each bound, infinite and negative-zero estimates.
 */
class PlanAnalyzerShortcutTest {
    /** Estimates drawn from: zero-hour ones often, few distinct values (many equal finish times), ranges. */
    private static final String[] ESTIMATES = {"0", "0", "0", "0", "1", "1", "2", "0.5", "3", "1-3", "0-2", "2-2.5",
        "0.1", "0.2", "0.3"};
    /** Whole hours only, under every bound but the middle one (the analyzer counts such times instead of sorting). */
    private static final String[] WHOLE_ESTIMATES = {"0", "0", "1", "1", "2", "3", "8", "1-3", "0-2", "40"};

    @Provide
    Arbitrary<Case> plans() {
        return Combinators.combine(Arbitraries.integers().between(0, 60), Arbitraries.longs(),
                        Arbitraries.integers().between(0, 100), Arbitraries.of(EstimateBound.class),
                        Arbitraries.integers().between(0, 5), Arbitraries.of(true, false))
                .as((n, seed, density, bound, executors, whole) -> new Case(
                        randomPlan(n, new Random(seed), density / 100.0, executors == 0, whole),
                        whole && bound == EstimateBound.MIDDLE ? EstimateBound.UPPER : bound));
    }

    /** A plan and the bound its ranges count by. */
    record Case(PlanGraph graph, EstimateBound bound) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(bound.toString());
            for (Achievement a : graph.achievements()) {
                b.append("\n  ").append(a.id()).append(' ').append(a.estimate().raw()).append(' ')
                        .append(a.dependencies()).append(a.executor() == null ? "" : " @" + a.executor());
            }
            return b.toString();
        }
    }

    /**
     * Node i depends on earlier nodes with probability {@code density}, or, one time in three, on one of the last
     * few only (long chains, where zero-hour achievements cascade); the list is then shuffled.
     */
    private static PlanGraph randomPlan(int n, Random random, double density, boolean executors, boolean whole) {
        List<Achievement> achievements = new ArrayList<>();
        boolean chains = random.nextInt(3) == 0;
        for (int i = 0; i < n; i++) {
            Achievement.Builder b = Achievement.builder("a" + i);
            int odd = random.nextInt(40);
            if (whole) {
                b.estimate(WHOLE_ESTIMATES[random.nextInt(WHOLE_ESTIMATES.length)]);
            } else if (odd == 0) {
                b.estimate("9".repeat(400)); // read as infinitely many hours
            } else if (odd == 1) {
                b.hours(-0.0);
            } else if (odd == 2) {
                b.estimate("not a number"); // counts as the default
            } else {
                b.estimate(ESTIMATES[random.nextInt(ESTIMATES.length)]);
            }
            for (int d = chains ? Math.max(0, i - 3) : 0; d < i; d++) {
                if (random.nextDouble() < density) {
                    b.dependsOn("a" + d);
                }
            }
            if (executors && random.nextInt(4) == 0) {
                b.executor(random.nextBoolean() ? "alice" : "bob");
            }
            achievements.add(b.build());
        }
        Collections.shuffle(achievements, random);
        return PlanGraph.of(achievements);
    }

    @Property(tries = 3000)
    void shouldGiveWhatTheSimulationGivesWithUnlimitedExecutors(@ForAll("plans") Case c) {
        assertSameAsSimulation(c.graph(), c.bound(), PlanAnalyzer.UNLIMITED);
    }

    @Property(tries = 500)
    void shouldGiveWhatTheSimulationGivesWithAnExecutorForEachAchievement(@ForAll("plans") Case c) {
        assertSameAsSimulation(c.graph(), c.bound(), Math.max(1, c.graph().size()));
        assertSameAsSimulation(c.graph(), c.bound(), c.graph().size() + 1);
    }

    /**
     * Zero-hour achievements in rounds at one moment: a (1 h) ends at 1; b and c (0 h) start at 1 and release d
     * (2 h) and e (0 h) into the next round at 1, and e releases f (0 h) into the round after. Round 0 at 1 runs
     * b, c; round 1 runs d, e; round 2 runs d, f: the peak is 2, where counting everything started at 1 at once
     * would say 5, or 1 after taking out the zero-hour ones.
     */
    @Example
    void shouldCountZeroHourAchievementsRoundByRound() {
        PlanGraph graph = PlanGraph.of(List.of(
                a("a", "1"), a("b", "0", "a"), a("c", "0", "a"), a("d", "2", "b", "c"), a("e", "0", "c"),
                a("f", "0", "e")));
        PlanAnalysis analysis = new PlanAnalyzer().analyze(graph, PlanAnalyzer.UNLIMITED);
        assertThat(analysis.peakExecutors()).isEqualTo(2);
        assertThat(analysis.makespanHours()).isEqualTo(3.0);
        assertSameAsSimulation(graph, EstimateBound.UPPER, PlanAnalyzer.UNLIMITED);
    }

    private static Achievement a(String id, String estimate, String... dependencies) {
        return Achievement.builder(id).estimate(estimate).dependsOn(dependencies).build();
    }

    private static void assertSameAsSimulation(PlanGraph graph, EstimateBound bound, int executors) {
        PlanAnalyzer analyzer = new PlanAnalyzer(bound);
        PlanAnalysis shortcut = analyzer.analyze(graph, executors, null, true);
        PlanAnalysis simulated = analyzer.analyze(graph, executors, null, false);
        // Records compare doubles as Double.equals does: bit for bit (0.0 is not -0.0).
        assertThat(shortcut).isEqualTo(simulated);
        assertThat(Double.doubleToRawLongBits(shortcut.makespanHours()))
                .isEqualTo(Double.doubleToRawLongBits(simulated.makespanHours()));
        assertThat(shortcut.peakExecutors()).isEqualTo(simulated.peakExecutors());
    }
}
