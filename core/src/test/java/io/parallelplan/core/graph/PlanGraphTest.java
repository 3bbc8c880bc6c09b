package io.parallelplan.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.model.Achievement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanGraphTest {
    private static Achievement a(String id, String... dependencies) {
        return Achievement.builder(id).dependsOn(dependencies).build();
    }

    @Test
    void shouldGiveTheSameTopologicalOrderEveryTimeEachCallItsOwnCopy() {
        PlanGraph graph = PlanGraph.of(List.of(a("c", "b"), a("a"), a("b", "a"), a("d")));
        int[] first = graph.topologicalOrder();
        assertThat(first).containsExactly(1, 3, 2, 0);
        first[0] = 99;
        assertThat(graph.topologicalOrder()).containsExactly(1, 3, 2, 0).isNotSameAs(graph.topologicalOrder());
    }

    @Test
    void shouldHaveNoTopologicalOrderWithACycleOnEveryCall() {
        PlanGraph graph = PlanGraph.of(List.of(a("x", "y"), a("y", "x")));
        assertThat(graph.topologicalOrder()).isNull();
        assertThat(graph.topologicalOrder()).isNull();
        assertThat(PlanGraph.of(List.of()).topologicalOrder()).isEmpty();
    }
}
