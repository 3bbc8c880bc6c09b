package io.parallelplan.core.report;

import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a plan's graph as a Mermaid {@code flowchart LR}: one subgraph per level (wave), arrows from each
 * dependency to its dependents, the critical path's nodes in the {@code critical} class and its edges thick and red.
 *
 * <p>Nodes are named {@code n<index>} so that no id can clash with Mermaid's syntax or keywords; ids and titles only
 * appear inside quoted labels, where {@code " # < > & `} become Mermaid entity codes and line breaks become spaces.
 */
public final class MermaidRenderer {
    /** Colour of the critical path, shared with {@link DotRenderer}. */
    static final String CRITICAL_COLOUR = "#c0392b";

    /** The Mermaid text for this graph and its analysis (which must come from the same graph). */
    public String render(String planName, PlanGraph graph, PlanAnalysis analysis) {
        GraphLayout layout = GraphLayout.of(graph, analysis);
        StringBuilder out = new StringBuilder(64 + graph.size() * 48 + graph.edgeCount() * 16);
        if (planName != null && !planName.isBlank()) {
            out.append("---\ntitle: \"").append(yamlText(planName)).append("\"\n---\n");
        }
        out.append("flowchart LR\n");
        for (int l = 0; l < layout.levelCount(); l++) {
            out.append("  subgraph level").append(l + 1).append("[\"Level ").append(l + 1).append("\"]\n");
            out.append("    direction TB\n");
            for (int v : layout.level(l)) {
                Achievement a = graph.achievement(v);
                out.append("    n").append(v).append("[\"").append(label(a.id()));
                if (!a.title().isBlank()) {
                    out.append("<br/>").append(label(a.title()));
                }
                out.append("\"]\n");
            }
            out.append("  end\n");
        }
        StringBuilder criticalLinks = new StringBuilder();
        int link = 0;
        for (int v = 0; v < graph.size(); v++) {
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                int d = graph.dependency(v, k);
                boolean critical = layout.critical(d, v);
                out.append("  n").append(d).append(critical ? " ==> n" : " --> n").append(v).append('\n');
                if (critical) {
                    criticalLinks.append(criticalLinks.isEmpty() ? "" : ",").append(link);
                }
                link++;
            }
        }
        StringBuilder criticalNodes = new StringBuilder();
        for (int v = 0; v < graph.size(); v++) {
            if (layout.critical(v)) {
                criticalNodes.append(criticalNodes.isEmpty() ? "" : ",").append('n').append(v);
            }
        }
        if (!criticalNodes.isEmpty()) {
            out.append("  classDef critical stroke:").append(CRITICAL_COLOUR).append(",stroke-width:3px\n");
            out.append("  class ").append(criticalNodes).append(" critical\n");
        }
        if (!criticalLinks.isEmpty()) {
            out.append("  linkStyle ").append(criticalLinks).append(" stroke:").append(CRITICAL_COLOUR)
                    .append(",stroke-width:3px\n");
        }
        return out.toString();
    }

    /**
     * The Mermaid text of a report snapshot: the same flowchart, with each node's state in its label and as a class
     * coloured like the HTML report ({@link StatePalette}), the critical path outlined in orange (red means failure
     * here) and the edges from a failure to what it blocked red and dashed.
     */
    public String render(ReportSnapshot snapshot) {
        List<ReportSnapshot.Entry> entries = snapshot.entries();
        StringBuilder out = new StringBuilder(128 + entries.size() * 80);
        out.append("---\ntitle: \"").append(yamlText(snapshot.planName())).append("\"\n---\nflowchart LR\n");
        List<List<Integer>> levels = snapshot.entriesByLevel();
        for (int l = 0; l < levels.size(); l++) {
            out.append("  subgraph level").append(l + 1).append("[\"Level ").append(l + 1).append("\"]\n");
            out.append("    direction TB\n");
            for (int v : levels.get(l)) {
                ReportSnapshot.Entry e = entries.get(v);
                out.append("    n").append(v).append("[\"").append(label(e.id()));
                if (!e.title().isBlank()) {
                    out.append("<br/>").append(label(e.title()));
                }
                if (e.state() != null) {
                    out.append("<br/>").append(label(e.state()));
                }
                out.append("\"]\n");
            }
            out.append("  end\n");
        }
        Map<StatePalette.Tone, StringBuilder> byTone = new EnumMap<>(StatePalette.Tone.class);
        StringBuilder critical = new StringBuilder();
        StringBuilder criticalLinks = new StringBuilder();
        StringBuilder blockedLinks = new StringBuilder();
        int[] link = {0};
        snapshot.forEachEdge((d, v, kind) -> {
            out.append("  n").append(d).append(switch (kind) {
                case BLOCKING -> " -.-> n";
                case CRITICAL -> " ==> n";
                case PLAIN -> " --> n";
            }).append(v).append('\n');
            StringBuilder list = kind == ReportSnapshot.EdgeKind.BLOCKING ? blockedLinks
                    : kind == ReportSnapshot.EdgeKind.CRITICAL ? criticalLinks : null;
            if (list != null) {
                list.append(list.isEmpty() ? "" : ",").append(link[0]);
            }
            link[0]++;
        });
        for (int v = 0; v < entries.size(); v++) {
            ReportSnapshot.Entry e = entries.get(v);
            if (e.state() != null) {
                StringBuilder members = byTone.computeIfAbsent(StatePalette.tone(e.state()), t -> new StringBuilder());
                members.append(members.isEmpty() ? "" : ",").append('n').append(v);
            }
            if (e.critical()) {
                critical.append(critical.isEmpty() ? "" : ",").append('n').append(v);
            }
        }
        byTone.forEach((tone, members) -> {
            String name = tone.name().toLowerCase(java.util.Locale.ROOT);
            out.append("  classDef ").append(name).append(" fill:").append(tone.fill()).append(",stroke:")
                    .append(tone.stroke()).append(",color:#101828\n");
            out.append("  class ").append(members).append(' ').append(name).append('\n');
        });
        if (!critical.isEmpty()) {
            out.append("  classDef critical stroke:").append(SvgGraphRenderer.CRITICAL_COLOUR)
                    .append(",stroke-width:3px\n  class ").append(critical).append(" critical\n");
        }
        if (!criticalLinks.isEmpty()) {
            out.append("  linkStyle ").append(criticalLinks).append(" stroke:").append(SvgGraphRenderer.CRITICAL_COLOUR)
                    .append(",stroke-width:3px\n");
        }
        if (!blockedLinks.isEmpty()) {
            out.append("  linkStyle ").append(blockedLinks).append(" stroke:").append(SvgGraphRenderer.BLOCKED_COLOUR)
                    .append(",stroke-width:2px\n");
        }
        return out.toString();
    }

    /** Text safe inside a quoted Mermaid label. */
    static String label(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("#quot;");
                case '#' -> b.append("#35;");
                case '<' -> b.append("#lt;");
                case '>' -> b.append("#gt;");
                case '&' -> b.append("#amp;");
                case '`' -> b.append("#96;");
                default -> b.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** Text safe inside a double-quoted YAML scalar on one line (the front matter's title). */
    private static String yamlText(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else {
                b.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return b.toString();
    }
}
