package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapeTest {
    @Test
    void shouldEscapeMarkupAndReplaceCharactersXmlCannotHold() {
        assertThat(Escape.xml("<a href='x'>\"&\"</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
        assertThat(Escape.xml("tab\tnl\nbell\u0007 \uDC00 😀")).isEqualTo("tab\tnl\nbell\uFFFD \uFFFD 😀");
        assertThat(Escape.xml("plain")).isSameAs("plain");
    }

    @Test
    void shouldKeepJsonInAScriptElementFromClosingIt() throws Exception {
        Markup out = new Markup(64);
        try (java.io.Writer json = Escape.jsonInScript(out)) {
            json.write("{\"t\":\"</script><!-- & \u2028\u2029\"}");
        }
        assertThat(out.toString())
                .isEqualTo("{\"t\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029\"}");
    }

    @Test
    void shouldEscapeMarkdownPunctuationAndHtml() {
        assertThat(Escape.markdown("a|b <img> *x* [l](u)\n#"))
                .isEqualTo("a\\|b &lt;img&gt; \\*x\\* \\[l\\](u) \\#");
    }

    @Test
    void shouldDelimitACodeSpanWithMoreBackticksThanItHolds() {
        assertThat(Escape.markdownCode("subplans/SUBPLAN_P_11.md")).isEqualTo("`subplans/SUBPLAN_P_11.md`");
        assertThat(Escape.markdownCode("a ``b`` c")).isEqualTo("```a ``b`` c```");
        assertThat(Escape.markdownCode("`x`")).isEqualTo("`` `x` ``");
        assertThat(Escape.markdownCode("two\n\nlines\u0007")).isEqualTo("`two  lines\uFFFD`");
    }

    @Test
    void shouldFenceTextWithALongerFenceThanAnyInside() {
        assertThat(Escape.markdownFence("plain", "markdown")).isEqualTo("```markdown\nplain\n```\n");
        assertThat(Escape.markdownFence("a\r\n````\r~~~\u0000\tb\n", ""))
                .isEqualTo("`````\na\n````\n~~~\uFFFD\tb\n`````\n");
        assertThat(Escape.markdownFence("x", "ja`va")).isEqualTo("```java\nx\n```\n");
    }

    @Test
    void shouldShortenWithoutSplittingASurrogatePair() {
        assertThat(Escape.shorten("abcdef", 4)).isEqualTo("abc…");
        assertThat(Escape.shorten("ab😀cd", 4)).isEqualTo("ab…");
        assertThat(Escape.shorten("abc", 4)).isEqualTo("abc");
    }
}
