package io.parallelplan.core.prompt;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * What a CommonMark parser makes of a document: its headings ({@code "## Title"} with the rendered text), its fenced
 * blocks' contents, and how many HTML nodes and rules it holds.
 */
record MarkdownOutline(List<String> headings, List<String> fences, int html, int rules) {
    static MarkdownOutline of(String markdown) {
        List<String> headings = new ArrayList<>();
        List<String> fences = new ArrayList<>();
        int[] html = {0};
        int[] rules = {0};
        Node document = Parser.builder().build().parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add("#".repeat(heading.getLevel()) + " " + text(heading));
            }

            @Override
            public void visit(FencedCodeBlock block) {
                fences.add(block.getLiteral());
            }

            @Override
            public void visit(HtmlBlock block) {
                html[0]++;
            }

            @Override
            public void visit(HtmlInline inline) {
                html[0]++;
            }

            @Override
            public void visit(ThematicBreak rule) {
                rules[0]++;
            }
        });
        return new MarkdownOutline(headings, fences, html[0], rules[0]);
    }

    private static String text(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (n instanceof Code c) {
                sb.append(c.getLiteral());
            } else {
                sb.append(text(n));
            }
        }
        return sb.toString();
    }
}
