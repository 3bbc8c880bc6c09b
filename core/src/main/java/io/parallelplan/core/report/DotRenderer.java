package io.parallelplan.core.report;

import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;

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
