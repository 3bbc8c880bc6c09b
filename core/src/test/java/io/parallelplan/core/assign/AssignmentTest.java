package io.parallelplan.core.assign;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.analyze.EstimateBound;
import io.parallelplan.core.analyze.Lanes;
import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentTest {
    private static Achievement.Builder a(String id, double hours, String... deps) {
        return Achievement.builder(id).hours(hours).dependsOn(deps);
    }

    @Test
    void shouldLeaveALaneFreeForThePinnedWorkItStillHas() {
        // "long" goes first (longest path) and could take alice, the lowest lane; it takes bob, so alice's own
        // "pinned" starts at once too.
        PlanGraph graph = PlanGraph.of(List.of(a("long", 5).build(), a("pinned", 2).executor("alice").build()));

        Assignment assignment = Assignment.of("P", graph, Lanes.named(List.of("alice", "bob")), EstimateBound.UPPER);

        assertThat(assignment.executorById()).containsEntry("long", "bob").containsEntry("pinned", "alice");
        assertThat(assignment.makespanHours()).isEqualTo(5);
        assertThat(new PlanAnalyzer().analyze(graph, Lanes.parse("alice,bob")).makespanHours()).isEqualTo(5);
    }

    @Test
    void shouldRunAnExecutorNotAmongTheLanesOneAtATimeOnAnyLane() {
        PlanGraph graph = PlanGraph.of(List.of(a("x", 2).executor("carol").build(),
                a("y", 2).executor("carol").build(), a("z", 1).build()));

        Assignment assignment = Assignment.of("P", graph, Lanes.named(List.of("alice", "bob")), EstimateBound.UPPER);

        assertThat(assignment.makespanHours()).isEqualTo(4);
        assertThat(assignment.executor("alice").orElseThrow().achievements())
                .extracting(Assignment.Slot::id, Assignment.Slot::startHours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x", 0.0),
                        org.assertj.core.groups.Tuple.tuple("y", 2.0));
        assertThat(assignment.executor("bob").orElseThrow().achievements()).extracting(Assignment.Slot::id)
                .containsExactly("z");
        assertThat(assignment.idleHours(assignment.executor("bob").orElseThrow())).isEqualTo(3);
    }

    @Test
    void shouldGiveOneExecutorTheSubplanBatchesByLevelInItsOrder() {
        PlanGraph graph = PlanGraph.of(List.of(a("1.1", 1).build(), a("1.2", 3).build(),
                a("2.1", 1, "1.1").build(), a("2.2", 1, "1.2").build(), a("3.1", 1, "2.1", "2.2").build()));

        Assignment assignment = Assignment.of("P", graph, Lanes.count(1), EstimateBound.UPPER);
        Assignment.Executor only = assignment.executors().get(0);

        assertThat(only.achievements()).extracting(Assignment.Slot::id)
                .containsExactly("1.2", "1.1", "2.1", "2.2", "3.1");
        assertThat(assignment.subplanBatches(graph, only))
                .containsExactly(List.of("1.2", "1.1"), List.of("2.1", "2.2"), List.of("3.1"));
        assertThat(assignment.syncPoints()).isEmpty();
        assertThat(assignment.makespanHours()).isEqualTo(7);
    }
}
