package io.parallelplan.core.report;

import java.util.List;

/**
 * A snapshot as GitHub-flavoured Markdown, fit for a pull-request comment or a CI job summary: a heading, the
 * summary line with the result, the blocked-by chains, the analysis, a table of achievements and the graph as a
 * Mermaid block ({@link MermaidRenderer}). Plan text is escaped: HTML special characters become entities and
 * Markdown punctuation is backslash-escaped, so a title can neither inject markup nor break the table.
 */
public final class MarkdownRenderer {
    public String render(ReportSnapshot s) {
        StringBuilder sb = new StringBuilder(s.entries().size() * 120 + 512);
        sb.append("## ").append(Escape.markdown(s.planName()));
        sb.append(s.isRun() ? " — run " + Escape.markdown(s.runId()) : " — plan report").append("\n\n");
        sb.append("**").append(Escape.markdown(s.summaryLine())).append("**\n\n");
        if (!s.chains().isEmpty()) {
            sb.append("Blocked-by chains:\n\n");
            for (String chain : s.chains().subList(0, Math.min(s.chains().size(), ReportSnapshot.CHAINS_SHOWN))) {
                sb.append("- ").append(Escape.markdown(chain)).append('\n');
            }
            if (s.chains().size() > ReportSnapshot.CHAINS_SHOWN) {
                sb.append("- … and ").append(s.chains().size() - ReportSnapshot.CHAINS_SHOWN)
                        .append(" more; the table's blocked-by column has each one\n");
            }
            sb.append('\n');
        }
        ReportSnapshot.Analysis a = s.analysis();
        sb.append(Escape.markdown(HtmlReportRenderer.source(s))).append(" · critical path ")
                .append(Escape.markdown(String.join(" → ", a.criticalPath()))).append(" (")
                .append(Durations.hours(a.criticalHours())).append(") · ").append(a.levels())
                .append(a.levels() == 1 ? " level" : " levels").append(", width ").append(a.width())
                .append(" · sequential ").append(Durations.hours(a.sequentialHours())).append("\n\n");
        table(s.entries(), sb);
        sb.append("\n```mermaid\n").append(new MermaidRenderer().render(s)).append("```\n");
        return sb.toString();
    }

    private static void table(List<ReportSnapshot.Entry> entries, StringBuilder sb) {
        sb.append("| id | title | state | attempts | duration | estimate | executor | blocked by |\n");
        sb.append("|---|---|---|---:|---:|---:|---|---|\n");
        for (ReportSnapshot.Entry e : entries) {
            sb.append("| ").append(Escape.markdown(e.id())).append(" | ").append(Escape.markdown(e.title()))
                    .append(" | ");
            if (e.state() != null) {
                sb.append(Escape.markdown(e.state()));
                if (e.reason() != null) {
                    sb.append(" (").append(Escape.markdown(e.reason())).append(')');
                }
            } else {
                sb.append('—');
            }
            sb.append(" | ").append(e.attempts().size()).append(" | ").append(Durations.format(e.duration()))
                    .append(" | ").append(Durations.hours(e.estimateHours())).append(" | ")
                    .append(Escape.markdown(e.executor() == null ? "" : e.executor())).append(" | ")
                    .append(Escape.markdown(e.blockedByText())).append(" |\n");
        }
    }
}
