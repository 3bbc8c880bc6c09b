package io.parallelplan.core.report;

import java.io.Writer;

/**
 * Escaping for every place a report puts text from a plan: HTML/XML text and attributes (also SVG), JSON inside a
 * {@code <script>} element, and Markdown. Characters XML 1.0 cannot hold (most C0 controls, lone surrogates) become
 * U+FFFD, so a hostile title can never make a report ill-formed. The Markdown forms are public: the workflow's
 * prompts ({@code io.parallelplan.core.prompt}) quote plan text with them too.
 */
public final class Escape {
    private Escape() {}

    /** Text safe in XML/HTML element content and in double- or single-quoted attributes. */
    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null && !isXmlChar(s, i)) {
                rep = "\uFFFD";
            }
            if (rep == null && Character.isHighSurrogate(c)) {
                // A valid pair: keep both halves.
                if (sb != null) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(n + 16).append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isXmlChar(String s, int i) {
        char c = s.charAt(i);
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return !Character.isLowSurrogate(c);
    }

    /**
     * A writer that passes JSON text on to {@code out} made safe inside {@code <script type="application/json">}:
     * {@code <}, {@code >}, {@code &} and the JavaScript line separators become {@code \}{@code uXXXX} escapes (they
     * can only occur inside JSON strings, where the escape means the same character), so no {@code </script>} or
     * {@code <!--} can end the element. Closing it leaves {@code out} open.
     */
    static Writer jsonInScript(Markup out) {
        return new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                int plain = offset;
                for (int i = offset; i < offset + length; i++) {
                    String escape = switch (chars[i]) {
                        case '<' -> "\\u003c";
                        case '>' -> "\\u003e";
                        case '&' -> "\\u0026";
                        case '\u2028' -> "\\u2028";
                        case '\u2029' -> "\\u2029";
                        default -> null;
                    };
                    if (escape != null) {
                        out.append(chars, plain, i - plain).append(escape);
                        plain = i + 1;
                    }
                }
                out.append(chars, plain, offset + length - plain);
                out.spill();
            }

            @Override
            public void flush() {
                // The markup passes its text on at its own pace.
            }

            @Override
            public void close() {
                // The markup outlives the JSON written into it.
            }
        };
    }

    /**
     * Text safe in one Markdown table cell or paragraph: HTML special characters become entities (GitHub renders
     * inline HTML), Markdown punctuation is backslash-escaped, and line breaks become spaces.
     */
    public static String markdown(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\r', '\n', '\t' -> sb.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> sb.append('\\').append(c);
                default -> sb.append(c < 0x20 ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    /**
     * An inline code span showing {@code s} literally: delimited by a backtick run longer than any inside it (padded
     * with a space where it starts or ends with a backtick); line breaks and other control characters become spaces
     * and U+FFFD, so the span cannot end early or run into the next line.
     */
    public static String markdownCode(String s) {
        String text = oneLine(s == null ? "" : s);
        String ticks = "`".repeat(longestRun(text, '`') + 1);
        String pad = text.startsWith("`") || text.endsWith("`") || text.isBlank() ? " " : "";
        return ticks + pad + text + pad + ticks;
    }

    /**
     * A fenced code block showing {@code text} literally, whatever it holds: the fence is a backtick run longer than
     * any in the text (at least three), so no line inside can close it; line endings become {@code \n} and other
     * control characters but the tab U+FFFD. Ends with a line break.
     *
     * @param info the info string after the opening fence (a language name such as {@code markdown}), or empty
     */
    public static String markdownFence(String text, String info) {
        StringBuilder body = new StringBuilder(text.length() + 1);
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            body.append(c == '\n' || c == '\t' || c >= 0x20 ? c : '\uFFFD');
        }
        if (body.length() > 0 && body.charAt(body.length() - 1) != '\n') {
            body.append('\n');
        }
        String fence = "`".repeat(Math.max(3, longestRun(body, '`') + 1));
        return fence + oneLine(info).replace("`", "") + "\n" + body + fence + "\n";
    }

    private static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c == '\r' || c == '\n' || c == '\t' || c == '\u2028' || c == '\u2029' ? ' '
                    : c < 0x20 ? '\uFFFD' : c);
        }
        return sb.toString();
    }

    private static int longestRun(CharSequence s, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** At most {@code max} characters of {@code s}, ending with an ellipsis when cut (never inside a pair). */
    static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = max - 1;
        if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut) + "…";
    }
}
