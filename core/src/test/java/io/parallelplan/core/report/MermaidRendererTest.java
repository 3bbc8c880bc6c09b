package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import java.util.List;
import org.junit.jupiter.api.Test;

class MermaidRendererTest {
    private static final PlanGraph GRAPH = PlanGraph.of(List.of(
            Achievement.builder("1.1").title("Design").hours(2).build(),
            Achievement.builder("1.2").title("Spike").hours(1).build(),
            Achievement.builder("2.1").title("Build").hours(5).dependsOn("1.1", "1.2").build()));

    private static String render(PlanGraph graph) {
        PlanAnalysis analysis = new PlanAnalyzer().analyze(graph, PlanAnalyzer.UNLIMITED);
        return new MermaidRenderer().render("DEMO", graph, analysis);
    }

    @Test
    void shouldDrawOneSubgraphPerLevelAndArrowsFromDependencies() {
        String mermaid = render(GRAPH);
        assertThat(mermaid).startsWith("---\ntitle: \"DEMO\"\n---\nflowchart LR\n");
        assertThat(mermaid).contains("""
                  subgraph level1["Level 1"]
                    direction TB
                    n0["1.1<br/>Design"]
                    n1["1.2<br/>Spike"]
                  end
                  subgraph level2["Level 2"]
                    direction TB
                    n2["2.1<br/>Build"]
                  end
                """);
        assertThat(mermaid).contains("  n1 --> n2\n");
    }

    @Test
    void shouldMarkTheCriticalPathWithAClassAndThickRedLinks() {
        String mermaid = render(GRAPH);
        assertThat(mermaid).contains("  n0 ==> n2\n");
        assertThat(mermaid).contains("  class n0,n2 critical\n");
        assertThat(mermaid).contains("  classDef critical stroke:#c0392b,stroke-width:3px\n");
        // Links are numbered in the order written: n0 -> n2 is link 0, n1 -> n2 is link 1.
        assertThat(mermaid).contains("  linkStyle 0 stroke:#c0392b,stroke-width:3px\n");
    }

    @Test
    void shouldEscapeQuotesAngleBracketsHashesAndLineBreaksInTitles() {
        PlanGraph graph = PlanGraph.of(List.of(
                Achievement.builder("end").title("Say \"hi\" <b>#1</b> & `go`\nnext line").build()));
        String mermaid = render(graph);
        assertThat(mermaid).contains(
                "n0[\"end<br/>Say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;go#96; next line\"]");
        assertThat(mermaid.lines().filter(l -> l.contains("next line")).count()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheTitleFrontMatterOnOneQuotedLine() {
        PlanGraph graph = PlanGraph.of(List.of(Achievement.builder("a").build()));
        String mermaid = new MermaidRenderer().render("x\"\n---\ninjected",
                graph, new PlanAnalyzer().analyze(graph, 1));
        assertThat(mermaid).startsWith("---\ntitle: \"x\\\" --- injected\"\n---\nflowchart LR\n");
    }

    @Test
    void shouldRenderAnEmptyPlan() {
        assertThat(render(PlanGraph.of(List.of()))).isEqualTo("---\ntitle: \"DEMO\"\n---\nflowchart LR\n");
    }

    @Test
    void shouldRefuseAnAnalysisOfAnotherGraph() {
        PlanAnalysis other = new PlanAnalyzer().analyze(PlanGraph.of(List.of(Achievement.builder("z").build())), 1);
        assertThatThrownBy(() -> new MermaidRenderer().render("DEMO", GRAPH, other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"z\"");
    }
}
