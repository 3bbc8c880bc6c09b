package io.parallelplan.core.validate;

import io.parallelplan.core.model.Achievement;
import java.util.List;
import java.util.Locale;

/** The id rule, and how findings quote ids and values that may be hostile. */
final class Ids {
    /** The longest id accepted: ids become file and stage names. */
    static final int MAX_LENGTH = 64;

    private static final int QUOTE_LIMIT = 80;

    private Ids() {}

    /** Whether {@code id} is 1..64 characters of {@code [A-Za-z0-9._-]} and not made of dots only. */
    static boolean isValid(String id) {
        int n = id.length();
        if (n == 0 || n > MAX_LENGTH) {
            return false;
        }
        boolean onlyDots = true;
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (!isIdChar(c)) {
                return false;
            }
            onlyDots &= c == '.';
        }
        return !onlyDots;
    }

    static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                || c == '-';
    }

    /** Why {@code id} breaks the rule, as a phrase; {@code null} when it is valid. */
    static String problem(String id) {
        if (id.isEmpty()) {
            return "is empty";
        }
        if (id.length() > MAX_LENGTH) {
            return "has " + id.length() + " characters, more than " + MAX_LENGTH;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!isIdChar(id.charAt(i))) {
                return "contains " + describe(id.charAt(i));
            }
        }
        return isValid(id) ? null : "is made of dots only, which names a folder";
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c == '/' || c == '\\') {
            return "a path separator '" + c + "'";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return String.format(Locale.ROOT, "the control character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    /** An id as messages show it: as it is when valid, else quoted and escaped. */
    static String show(String id) {
        return isValid(id) ? id : quote(id);
    }

    /**
     * A value in double quotes, safe to print on a terminal: control characters escaped, long values cut.
     */
    static String quote(String value) {
        StringBuilder b = new StringBuilder(Math.min(value.length(), QUOTE_LIMIT) + 8).append('"');
        int n = Math.min(value.length(), QUOTE_LIMIT);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (value.length() > n) {
            b.append("…(").append(value.length()).append(" characters)");
        }
        return b.append('"').toString();
    }

    /**
     * How findings name an achievement: its id when valid, else its 1-based position ({@code #3}); inside
     * {@code sub_executions}, prefixed by the parent ({@code 2.1/2.1.1}).
     */
    static String label(String scope, Achievement a, int index) {
        String own = isValid(a.id()) ? a.id() : "#" + ordinal(a, index);
        return scope == null ? own : scope + "/" + own;
    }

    /**
     * The 1-based position of an achievement in its array: as read from the file, or its index in the list for
     * achievements built in memory.
     */
    static int ordinal(Achievement a, int index) {
        return (a.location().isKnown() ? a.position() : index) + 1;
    }

    /** Hours with one decimal, as claims are compared: {@code 71.0 h}. */
    static String hours(double hours) {
        return String.format(Locale.ROOT, "%.1f h", hours);
    }

    /** Up to {@code max} items joined by ", ", then "and N more". */
    static String list(List<String> items, int max) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(max, items.size());
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(items.get(i));
        }
        if (items.size() > shown) {
            b.append(" and ").append(items.size() - shown).append(" more");
        }
        return b.toString();
    }
}
