package io.parallelplan.core.report;

import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import java.util.List;

/**
 * Renders a plan's graph in Graphviz DOT: left to right, each level (wave) a {@code rank=same} subgraph, arrows from
 * each dependency to its dependents, the critical path's nodes and edges bold and red.
 *
 * <p>Every id and title is written as a quoted DOT string: {@code "} and {@code \} are escaped, a line break in a
 * title becomes a line break of the label ({@code \n}) and other control characters become spaces, so no text can
 * end a string or inject attributes.
 */
public final class DotRenderer {
    /** The DOT text for this graph and its analysis (which must come from the same graph). */
    public String render(String planName, PlanGraph graph, PlanAnalysis analysis) {
        GraphLayout layout = GraphLayout.of(graph, analysis);
        String critical = quote(MermaidRenderer.CRITICAL_COLOUR);
        StringBuilder out = new StringBuilder(128 + graph.size() * 56 + graph.edgeCount() * 24);
        out.append("digraph ").append(quote(planName == null || planName.isBlank() ? "plan" : planName))
                .append(" {\n");
        out.append("  rankdir=LR;\n");
        out.append("  node [shape=box, style=rounded];\n");
        for (int l = 0; l < layout.levelCount(); l++) {
            out.append("  subgraph level_").append(l + 1).append(" {\n    rank=same;\n");
            for (int v : layout.level(l)) {
                Achievement a = graph.achievement(v);
                String label = a.title().isBlank() ? a.id() : a.id() + "\n" + a.title();
                out.append("    ").append(quote(a.id())).append(" [label=").append(quote(label));
                if (layout.critical(v)) {
                    out.append(", color=").append(critical).append(", penwidth=3, style=\"rounded,bold\"");
                }
                out.append("];\n");
            }
            out.append("  }\n");
        }
        for (int v = 0; v < graph.size(); v++) {
            String to = quote(graph.id(v));
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                int d = graph.dependency(v, k);
                out.append("  ").append(quote(graph.id(d))).append(" -> ").append(to);
                if (layout.critical(d, v)) {
                    out.append(" [color=").append(critical).append(", penwidth=3, style=bold]");
                }
                out.append(";\n");
            }
        }
        out.append("}\n");
        return out.toString();
    }

    /**
     * The DOT text of a report snapshot: the same digraph, each node filled with its state's colour
     * ({@link StatePalette}) and labelled with its state, the critical path outlined in orange (red means failure
     * here) and the edges from a failure to what it blocked red and dashed.
     */
    public String render(ReportSnapshot snapshot) {
        List<ReportSnapshot.Entry> entries = snapshot.entries();
        String critical = quote(SvgGraphRenderer.CRITICAL_COLOUR);
        StringBuilder out = new StringBuilder(128 + entries.size() * 120);
        out.append("digraph ").append(quote(snapshot.planName())).append(" {\n  rankdir=LR;\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\"];\n");
        List<List<Integer>> levels = snapshot.entriesByLevel();
        for (int l = 0; l < levels.size(); l++) {
            out.append("  subgraph level_").append(l + 1).append(" {\n    rank=same;\n");
            for (int v : levels.get(l)) {
                ReportSnapshot.Entry e = entries.get(v);
                StatePalette.Tone tone = StatePalette.tone(e.state());
                String label = e.title().isBlank() ? e.id() : e.id() + "\n" + e.title();
                if (e.state() != null) {
                    label += "\n" + e.state();
                }
                out.append("    ").append(quote(e.id())).append(" [label=").append(quote(label))
                        .append(", fillcolor=").append(quote(tone.fill()));
                if (e.critical()) {
                    out.append(", color=").append(critical).append(", penwidth=3");
                } else {
                    out.append(", color=").append(quote(tone.stroke()));
                }
                out.append("];\n");
            }
            out.append("  }\n");
        }
        snapshot.forEachEdge((d, v, kind) -> {
            out.append("  ").append(quote(entries.get(d).id())).append(" -> ").append(quote(entries.get(v).id()));
            switch (kind) {
                case BLOCKING -> out.append(" [color=").append(quote(SvgGraphRenderer.BLOCKED_COLOUR))
                        .append(", penwidth=2.5, style=dashed]");
                case CRITICAL -> out.append(" [color=").append(critical).append(", penwidth=3, style=bold]");
                case PLAIN -> { }
            }
            out.append(";\n");
        });
        out.append("}\n");
        return out.toString();
    }

    /** A DOT double-quoted string holding exactly {@code text} (line breaks as {@code \n} label breaks). */
    static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    b.append("\\n");
                }
            } else {
                b.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return b.append('"').toString();
    }
}
