package io.parallelplan.core.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The formats a report can be written in, by the name the command line uses ({@code --format html}). */
public enum ReportFormat {
    /** Self-contained HTML page: summary, SVG graph, timeline, sortable table. */
    HTML("html"),
    /** JUnit XML: one test case per achievement. */
    JUNIT("xml"),
    /** GitHub-flavoured Markdown with a Mermaid graph. */
    MARKDOWN("md"),
    /** The snapshot itself, as documented JSON. */
    JSON("json"),
    /** A Mermaid flowchart with states as classes. */
    MERMAID("mmd"),
    /** A Graphviz DOT digraph with states as colours. */
    DOT("dot");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The name on the command line, e.g. {@code junit}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Renders the snapshot in this format. */
    public String render(ReportSnapshot snapshot) {
        return switch (this) {
            case HTML -> new HtmlReportRenderer().page(snapshot);
            case JUNIT -> new JunitXmlRenderer().render(snapshot);
            case MARKDOWN -> new MarkdownRenderer().render(snapshot);
            case JSON -> new JsonReportRenderer().render(snapshot);
            case MERMAID -> new MermaidRenderer().render(snapshot);
            case DOT -> new DotRenderer().render(snapshot);
        };
    }

    /** Writes the snapshot in this format to {@code out}; HTML as it is rendered, in little memory. */
    public void write(ReportSnapshot snapshot, Writer out) throws IOException {
        if (this == HTML) {
            new HtmlReportRenderer().page(snapshot, out);
        } else {
            out.write(render(snapshot));
        }
    }
}
