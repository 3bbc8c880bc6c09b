package io.parallelplan.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.parse.ParsedPlan;
import io.parallelplan.core.validate.DependencyCycle.Link;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/** Cycle reports name real cycles, once per strongly connected component, with edges that really break them. */
class PlanValidatorPropertyTest {
    private final PlanValidator validator = new PlanValidator();

    @Property(tries = 300)
    void shouldReportEveryComponentOnceAsARealCycle(
            @ForAll @IntRange(min = 2, max = 40) int size,
            @ForAll @IntRange(min = 1, max = 8) int injected,
            @ForAll long seed) {
        Random random = new Random(seed);
        List<List<String>> deps = randomDag(size, random);
        for (int k = 0; k < injected; k++) {
            int low = random.nextInt(size - 1);
            int high = low + 1 + random.nextInt(size - low - 1);
            // A backward edge: high now depends on low, which may already depend on high through others.
            deps.get(high).add(id(low));
            if (k == 0 && !deps.get(low).contains(id(high))) {
                deps.get(low).add(id(high)); // at least one cycle in every try
            }
        }
        ValidationReport report = validate(deps);
        Graph<String, DefaultEdge> graph = jgrapht(deps);

        Set<Set<String>> expected = new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets().stream()
                .filter(c -> c.size() > 1)
                .collect(Collectors.toSet());
        List<Set<String>> reported = report.cycles().stream().map(c -> Set.copyOf(c.members())).toList();
        assertThat(reported).isNotEmpty().doesNotHaveDuplicates();
        assertThat(new HashSet<>(reported)).isEqualTo(expected);
        assertThat(report.errors()).filteredOn(f -> f.code().equals("cycle")).hasSize(expected.size());

        for (DependencyCycle cycle : report.cycles()) {
            List<String> path = cycle.path();
            assertThat(path.get(0)).isEqualTo(path.get(path.size() - 1));
            assertThat(Set.copyOf(path.subList(0, path.size() - 1))).hasSize(path.size() - 1);
            assertThat(cycle.members()).containsAll(path);
            for (int i = 0; i + 1 < path.size(); i++) {
                assertThat(graph.containsEdge(path.get(i), path.get(i + 1)))
                        .as("%s depends on %s", path.get(i + 1), path.get(i)).isTrue();
            }
            assertBreaks(graph, cycle);
        }
    }

    @Property(tries = 200)
    void shouldReportNoCycleOnADag(@ForAll @IntRange(min = 1, max = 60) int size, @ForAll long seed) {
        ValidationReport report = validate(randomDag(size, new Random(seed)));
        assertThat(report.cycles()).isEmpty();
        assertThat(report.findings()).isEmpty();
    }

    private static void assertBreaks(Graph<String, DefaultEdge> graph, DependencyCycle cycle) {
        Graph<String, DefaultEdge> inside = new DefaultDirectedGraph<>(DefaultEdge.class);
        cycle.members().forEach(inside::addVertex);
        for (String v : cycle.members()) {
            for (DefaultEdge e : graph.outgoingEdgesOf(v)) {
                String w = graph.getEdgeTarget(e);
                if (inside.containsVertex(w)) {
                    inside.addEdge(v, w);
                }
            }
        }
        for (Link link : cycle.breakingEdges()) {
            assertThat(inside.removeEdge(link.dependency(), link.dependent())).as("%s is an edge", link).isNotNull();
        }
        if (cycle.simple()) {
            assertThat(cycle.breakingEdges()).hasSize(cycle.members().size());
            assertThat(inside.edgeSet()).isEmpty();
        } else {
            assertThat(new CycleDetector<>(inside).detectCycles()).isFalse();
        }
    }

    /** Ids of the methodology's X.Y shape, so that a DAG has no finding at all (not even {@code id-shape}). */
    private static String id(int i) {
        return "1." + i;
    }

    /** Node i depends on some nodes j greater than i: acyclic. */
    private static List<List<String>> randomDag(int size, Random random) {
        List<List<String>> deps = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> mine = new ArrayList<>();
            for (int j = i + 1; j < size; j++) {
                if (random.nextInt(size) < 3) {
                    mine.add(id(j));
                }
            }
            deps.add(mine);
        }
        return deps;
    }

    private ValidationReport validate(List<List<String>> deps) {
        List<Achievement> achievements = new ArrayList<>();
        for (int i = 0; i < deps.size(); i++) {
            achievements.add(Achievement.builder(id(i)).dependsOn(deps.get(i)).position(i).build());
        }
        return validator.validate(new ParsedPlan(Plan.of("random", achievements), List.of()));
    }

    /** Edges in execution order: from a dependency to its dependent. */
    private static Graph<String, DefaultEdge> jgrapht(List<List<String>> deps) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int i = 0; i < deps.size(); i++) {
            g.addVertex(id(i));
        }
        for (int i = 0; i < deps.size(); i++) {
            for (String d : deps.get(i)) {
                if (!d.equals(id(i)) && !g.containsEdge(d, id(i))) {
                    g.addEdge(d, id(i));
                }
            }
        }
        return g;
    }
}
