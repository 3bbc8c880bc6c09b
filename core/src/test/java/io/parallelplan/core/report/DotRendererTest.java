package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import java.util.List;
import org.junit.jupiter.api.Test;

class DotRendererTest {
    private static String render(String name, PlanGraph graph) {
        return new DotRenderer().render(name, graph, new PlanAnalyzer().analyze(graph, PlanAnalyzer.UNLIMITED));
    }

    @Test
    void shouldRankEachLevelTogetherAndMarkTheCriticalPath() {
        PlanGraph graph = PlanGraph.of(List.of(
                Achievement.builder("1.1").title("Design").hours(2).build(),
                Achievement.builder("1.2").hours(1).build(),
                Achievement.builder("2.1").title("Build").hours(5).dependsOn("1.1", "1.2").build()));
        String dot = render("DEMO", graph);
        assertThat(dot).startsWith("digraph \"DEMO\" {\n  rankdir=LR;\n");
        assertThat(dot).contains("""
                  subgraph level_1 {
                    rank=same;
                    "1.1" [label="1.1\\nDesign", color="#c0392b", penwidth=3, style="rounded,bold"];
                    "1.2" [label="1.2"];
                  }
                """);
        assertThat(dot).contains("  \"1.1\" -> \"2.1\" [color=\"#c0392b\", penwidth=3, style=bold];\n");
        assertThat(dot).contains("  \"1.2\" -> \"2.1\";\n");
        assertThat(dot).endsWith("}\n");
    }

    @Test
    void shouldEscapeQuotesBackslashesAndLineBreaks() {
        PlanGraph graph = PlanGraph.of(List.of(
                Achievement.builder("a").title("say \"hi\"\\ <b>\r\nnext\tline").build()));
        String dot = render("evil\" {", graph);
        assertThat(dot).startsWith("digraph \"evil\\\" {\" {\n");
        assertThat(dot).contains("[label=\"a\\nsay \\\"hi\\\"\\\\ <b>\\nnext line\"");
    }

    @Test
    void shouldQuoteAnyText() {
        assertThat(DotRenderer.quote("plain")).isEqualTo("\"plain\"");
        assertThat(DotRenderer.quote("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(DotRenderer.quote("line\rbreak")).isEqualTo("\"line\\nbreak\"");
        assertThat(DotRenderer.quote("")).isEqualTo("\"\"");
    }
}
