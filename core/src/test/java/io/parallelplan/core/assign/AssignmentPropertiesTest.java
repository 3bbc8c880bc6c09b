package io.parallelplan.core.assign;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.analyze.EstimateBound;
import io.parallelplan.core.analyze.Lanes;
import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The invariants of {@link Assignment} over random plans: seeded random DAGs (shuffled in the file) with
 * estimates in multiples of 0.5 h (so sums are exact), some achievements naming an executor (one of the lanes, or
 * someone who is not), on 1 to 8 numbered or named lanes.
 */
class AssignmentPropertiesTest {
    private static final double[] HOURS = {0, 0.5, 1, 2, 3.5, 8};
    private static final List<String> PEOPLE = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace",
            "heidi");

    /** A random plan and the lanes to assign it to. */
    record Case(PlanGraph graph, Lanes lanes) {
        @Override
        public String toString() {
            return graph.achievements() + " on " + lanes;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.integers().between(1, 24), Arbitraries.longs(),
                        Arbitraries.integers().between(0, 60), Arbitraries.integers().between(1, 8),
                        Arbitraries.of(false, true))
                .as((n, seed, density, lanes, named) -> randomCase(n, new Random(seed), density / 100.0, lanes,
                        named));
    }

    private static Case randomCase(int n, Random random, double density, int laneCount, boolean named) {
        List<Achievement> achievements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Achievement.Builder b = Achievement.builder("a" + i).hours(HOURS[random.nextInt(HOURS.length)]);
            for (int d = 0; d < i; d++) {
                if (random.nextDouble() < density) {
                    b.dependsOn("a" + d);
                }
            }
            if (random.nextInt(3) == 0) {
                // Lane names and an outsider: with named lanes the first pin, the outsider only never overlaps.
                b.executor(random.nextInt(4) == 0 ? "outsider" : PEOPLE.get(random.nextInt(laneCount)));
            }
            achievements.add(b.build());
        }
        Collections.shuffle(achievements, random);
        Lanes lanes = named ? Lanes.named(PEOPLE.subList(0, laneCount)) : Lanes.count(laneCount);
        return new Case(PlanGraph.of(achievements), lanes);
    }

    private static Assignment assign(Case c) {
        return Assignment.of("RANDOM", c.graph(), c.lanes(), EstimateBound.UPPER);
    }

    @Property
    void shouldAssignEachAchievementExactlyOnce(@ForAll("cases") Case c) {
        Assignment a = assign(c);
        List<String> assigned = new ArrayList<>();
        a.executors().forEach(e -> e.achievements().forEach(s -> assigned.add(s.id())));
        assertThat(assigned).containsExactlyInAnyOrderElementsOf(
                c.graph().achievements().stream().map(Achievement::id).toList());
        assertThat(a.executorNames()).isEqualTo(c.lanes().names());
    }

    @Property
    void shouldNeverGiveAnExecutorTwoAchievementsAtOnce(@ForAll("cases") Case c) {
        for (Assignment.Executor e : assign(c).executors()) {
            List<Assignment.Slot> slots = e.achievements();
            for (int i = 1; i < slots.size(); i++) {
                assertThat(slots.get(i).startHours()).as("%s on %s", slots.get(i).id(), e.name())
                        .isGreaterThanOrEqualTo(slots.get(i - 1).endHours());
            }
        }
    }

    @Property
    void shouldStartNothingBeforeItsDependenciesEnd(@ForAll("cases") Case c) {
        Map<String, Assignment.Slot> slots = slots(assign(c));
        PlanGraph g = c.graph();
        double[] hours = new PlanAnalyzer().hours(g);
        for (int v = 0; v < g.size(); v++) {
            Assignment.Slot s = slots.get(g.id(v));
            assertThat(s.endHours() - s.startHours()).isEqualTo(hours[v]);
            for (int d : g.dependencies(v)) {
                assertThat(s.startHours()).as("%s after %s", g.id(v), g.id(d))
                        .isGreaterThanOrEqualTo(slots.get(g.id(d)).endHours());
            }
        }
    }

    @Property
    void shouldListEveryCrossExecutorDependencyAsASyncPointAndNoOther(@ForAll("cases") Case c) {
        Assignment a = assign(c);
        Map<String, String> executorOf = a.executorById();
        PlanGraph g = c.graph();
        Set<List<String>> expected = new HashSet<>();
        for (int v = 0; v < g.size(); v++) {
            for (int d : g.dependencies(v)) {
                if (!executorOf.get(g.id(v)).equals(executorOf.get(g.id(d)))) {
                    expected.add(List.of(g.id(v), executorOf.get(g.id(v)), g.id(d), executorOf.get(g.id(d))));
                }
            }
        }
        List<List<String>> listed = a.syncPoints().stream()
                .map(s -> List.of(s.id(), s.executor(), s.waitsFor(), s.on())).toList();
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(new HashSet<>(listed)).isEqualTo(expected);
        Map<String, Assignment.Slot> slots = slots(a);
        for (int i = 1; i < a.syncPoints().size(); i++) {
            assertThat(slots.get(a.syncPoints().get(i).id()).startHours())
                    .isGreaterThanOrEqualTo(slots.get(a.syncPoints().get(i - 1).id()).startHours());
        }
        if (c.lanes().size() == 1) {
            assertThat(a.syncPoints()).isEmpty();
        }
    }

    @Property
    void shouldHaveTheMakespanAnalyzeReports(@ForAll("cases") Case c) {
        Assignment a = assign(c);
        PlanAnalyzer analyzer = new PlanAnalyzer();
        assertThat(a.makespanHours()).isEqualTo(analyzer.analyze(c.graph(), c.lanes()).makespanHours());
        if (!c.lanes().named()) {
            assertThat(a.makespanHours()).isEqualTo(analyzer.analyze(c.graph(), c.lanes().size()).makespanHours());
        }
        double last = 0;
        for (Assignment.Slot s : slots(a).values()) {
            last = Math.max(last, s.endHours());
        }
        assertThat(a.makespanHours()).isEqualTo(last);
        for (Assignment.Executor e : a.executors()) {
            assertThat(a.idleHours(e)).isGreaterThanOrEqualTo(0);
        }
    }

    @Property
    void shouldRunPinnedAchievementsOnTheirLaneAndNeverOverlapOtherExecutors(@ForAll("cases") Case c) {
        Assignment a = assign(c);
        Map<String, String> executorOf = a.executorById();
        Map<String, Assignment.Slot> slots = slots(a);
        Map<String, List<Assignment.Slot>> byPlanExecutor = new HashMap<>();
        for (Achievement x : c.graph().achievements()) {
            if (x.executor() == null) {
                continue;
            }
            if (c.lanes().named() && c.lanes().names().contains(x.executor())) {
                assertThat(executorOf.get(x.id())).as("%s is pinned", x.id()).isEqualTo(x.executor());
            }
            byPlanExecutor.computeIfAbsent(x.executor(), k -> new ArrayList<>()).add(slots.get(x.id()));
        }
        for (List<Assignment.Slot> same : byPlanExecutor.values()) {
            // Zero-hour achievements start and end at the same moment: they sort before one starting then.
            same.sort(Comparator.comparingDouble(Assignment.Slot::startHours)
                    .thenComparingDouble(Assignment.Slot::endHours));
            for (int i = 1; i < same.size(); i++) {
                assertThat(same.get(i).startHours()).isGreaterThanOrEqualTo(same.get(i - 1).endHours());
            }
        }
    }

    @Property
    void shouldReadBackWhatItWrites(@ForAll("cases") Case c) {
        Assignment a = assign(c);
        Assignment read = AssignmentJson.parse(Path.of("assignment.json"), AssignmentJson.render(a));
        assertThat(read).isEqualTo(a);
        assertThat(AssignmentJson.render(read)).isEqualTo(AssignmentJson.render(a));
    }

    private static Map<String, Assignment.Slot> slots(Assignment a) {
        Map<String, Assignment.Slot> slots = new HashMap<>();
        a.executors().forEach(e -> e.achievements().forEach(s -> slots.put(s.id(), s)));
        return slots;
    }
}
