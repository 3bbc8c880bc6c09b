package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The state-aware Mermaid, DOT and Markdown renderings of a run. */
class StateGraphRenderersTest {
    @Test
    void shouldColourMermaidNodesByStateAndDashTheEdgesAFailureBlocked() {
        String mermaid = new MermaidRenderer().render(ReportFixtures.run());
        assertThat(mermaid).startsWith("---\ntitle: \"Release \\\"2.0\\\" & <friends>\"\n---\nflowchart LR\n")
                .contains("    n3[\"2.1<br/>Build #lt;/script#gt;#lt;script#gt;window.pwned=1#lt;/script#gt;<br/>FAILED\"]")
                .contains("  n1 ==> n3\n")
                .contains("  n3 -.-> n4\n").contains("  n4 -.-> n6\n")
                .contains("  classDef failed fill:#f8bcbc,stroke:#b42318,color:#101828\n  class n3 failed\n")
                .contains("  class n4,n6 blocked\n")
                .contains("  class n1,n3,n4,n6 critical\n")
                .doesNotContain("<img");
        assertThat(mermaid).isEqualTo(new MermaidRenderer().render(ReportFixtures.run()));
    }

    @Test
    void shouldFillDotNodesByStateAndDashTheEdgesAFailureBlocked() {
        String dot = new DotRenderer().render(ReportFixtures.run());
        assertThat(dot).startsWith("digraph \"Release \\\"2.0\\\" & <friends>\" {\n")
                .contains("    \"2.1\" [label=\"2.1\\nBuild </script><script>window.pwned=1</script>\\nFAILED\", "
                        + "fillcolor=\"#f8bcbc\", color=\"#e8590c\", penwidth=3];")
                .contains("  \"2.1\" -> \"2.2\" [color=\"#c92a2a\", penwidth=2.5, style=dashed];")
                .contains("  \"1.2\" -> \"2.1\" [color=\"#e8590c\", penwidth=3, style=bold];")
                .contains("  \"1.1\" -> \"2.3\";");
        assertThat(dot).isEqualTo(new DotRenderer().render(ReportFixtures.run()));
    }

    @Test
    void shouldWriteMarkdownWithSummaryEscapedTableAndMermaid() {
        String md = new MarkdownRenderer().render(ReportFixtures.run());
        assertThat(md).startsWith("## Release \"2.0\" &amp; &lt;friends&gt; — run 20260302-090000-a1b2\n\n"
                + "**8 achievements: 2 succeeded, 1 flaky, 1 failed, 2 blocked, 1 cancelled, 1 skipped — FAILURE**\n\n")
                .contains("- 3.1 BLOCKED ← 2.2 BLOCKED ← 2.1 FAILED (exit 2 after 2 attempts)\n")
                .contains("| 1.2 | &lt;img src=x onerror=alert(1)&gt; | FLAKY (passed on attempt 2) | 2 | 1m 59s | 3h |  |  |\n")
                .contains("| 3.1 | Deploy to staging | BLOCKED | 0 | — | 2h |  | 2.2 ← 2.1 |\n")
                .contains("\n```mermaid\n---\ntitle:").endsWith("```\n");
        assertThat(md).doesNotContain("<img").doesNotContain("<script");
        // Every table row has the same number of cells: no title breaks the table.
        md.lines().filter(l -> l.startsWith("| ")).forEach(l ->
                assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(9));
    }
}
