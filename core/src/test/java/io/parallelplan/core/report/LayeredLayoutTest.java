package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {
    private static ReportSnapshot snapshot(List<Achievement> achievements) {
        Plan plan = Plan.of("layout", achievements);
        return ReportSnapshots.ofPlan(plan, PlanGraph.of(achievements));
    }

    private static Achievement a(String id, String... deps) {
        return Achievement.builder(id).dependsOn(deps).build();
    }

    @Test
    void shouldUntangleCrossedChainsWithBarycentricSweeps() {
        // In plan order the second column is reversed against the first: every pair of edges crosses.
        List<Achievement> plan = List.of(
                a("a"), a("b"), a("c"), a("d"),
                a("w", "d"), a("x", "c"), a("y", "b"), a("z", "a"));
        ReportSnapshot s = snapshot(plan);
        LayeredLayout layout = LayeredLayout.of(s);
        assertThat(layout.columns).isEqualTo(2);
        assertThat(layout.crossings).isZero();
        // Each dependent sits on its dependency's row.
        for (int v = 4; v < 8; v++) {
            assertThat(layout.row[v]).isEqualTo(layout.row[layout.dependencies.get(v, 0)]);
        }
    }

    @Test
    void shouldPlaceEachAchievementInTheColumnOfItsLevel() {
        ReportSnapshot s = snapshot(List.of(a("1"), a("2", "1"), a("3", "2", "1"), a("4")));
        LayeredLayout layout = LayeredLayout.of(s);
        assertThat(layout.level).containsExactly(0, 1, 2, 0);
        assertThat(layout.height).isEqualTo(2);
    }

    @Property(tries = 40)
    void shouldNeverAddCrossingsAndKeepRowsAPermutationOfEachColumn(
            @ForAll @IntRange(min = 2, max = 60) int n, @ForAll @IntRange(min = 1, max = 8) int width,
            @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<Achievement> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> deps = new ArrayList<>();
            int layer = i / width;
            if (layer > 0) {
                for (int k = random.nextInt(3); k >= 0; k--) {
                    deps.add("n" + random.nextInt(layer * width));
                }
            }
            list.add(a("n" + i, deps.toArray(String[]::new)));
        }
        ReportSnapshot s = snapshot(list);
        LayeredLayout layout = LayeredLayout.of(s);
        int[][] byColumn = new int[layout.columns][];
        int[] size = new int[layout.columns];
        for (int v = 0; v < n; v++) {
            size[layout.level[v]]++;
        }
        for (int c = 0; c < layout.columns; c++) {
            byColumn[c] = new int[size[c]];
        }
        for (int v = 0; v < n; v++) {
            byColumn[layout.level[v]][layout.row[v]]++;
        }
        for (int[] column : byColumn) {
            assertThat(column).containsOnly(1);
        }
        // Plan order is the first candidate, so the chosen order is never worse.
        List<int[]> planOrder = new ArrayList<>();
        int[] rowInPlanOrder = new int[n];
        int[] fill = new int[layout.columns];
        for (int c = 0; c < layout.columns; c++) {
            planOrder.add(new int[size[c]]);
        }
        for (int v = 0; v < n; v++) {
            rowInPlanOrder[v] = fill[layout.level[v]];
            planOrder.get(layout.level[v])[fill[layout.level[v]]++] = v;
        }
        assertThat(layout.crossings).isLessThanOrEqualTo(
                LayeredLayout.crossings(planOrder, rowInPlanOrder, layout.dependencies, layout.level));
    }
}
