package io.parallelplan.core.analyze;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The executors a schedule runs on, as {@code --executors N|name,name,...} gives them: N numbered lanes
 * ({@code e1}, {@code e2}, ...), or named lanes. With named lanes an achievement whose {@code executor} is one of the
 * names is <em>pinned</em>: it runs only on that lane. Numbered lanes pin nothing, so {@code --executors N} keeps
 * its meaning: plan executors (named or not among the lanes) only never run two achievements at once.
 */
public final class Lanes {
    /** The longest executor name accepted. */
    public static final int MAX_NAME = 64;
    /** The most lanes accepted, numbered or named. */
    public static final int MAX_LANES = 100_000;

    private final List<String> names;
    private final boolean named;

    private Lanes(List<String> names, boolean named) {
        this.names = List.copyOf(names);
        this.named = named;
    }

    /** N numbered lanes {@code e1} to {@code eN}, pinning nothing. */
    public static Lanes count(int n) {
        if (n < 1 || n > MAX_LANES) {
            throw new IllegalArgumentException("--executors must be between 1 and " + MAX_LANES + ", not " + n);
        }
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add("e" + i);
        }
        return new Lanes(names, false);
    }

    /**
     * Named lanes, in the order given; achievements naming one of them as {@code executor} are pinned to it.
     *
     * @throws IllegalArgumentException with a one-line message when a name is empty, repeated, too long, a plain
     *     number, or holds a comma or a control character
     */
    public static Lanes named(List<String> names) {
        Objects.requireNonNull(names, "names cannot be null");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--executors needs a number or at least one name");
        }
        if (names.size() > MAX_LANES) {
            throw new IllegalArgumentException("--executors names " + names.size() + " executors; at most "
                    + MAX_LANES);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String problem = nameProblem(name);
            if (problem != null) {
                throw new IllegalArgumentException("--executors: executor " + (i + 1) + " " + problem);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("--executors names \"" + name + "\" twice; give each executor "
                        + "once");
            }
        }
        return new Lanes(names, true);
    }

    /**
     * Reads {@code N} (numbered lanes) or {@code name,name,...} (named lanes; spaces around a name are dropped).
     *
     * @throws IllegalArgumentException with a one-line message naming the problem and the fix
     */
    public static Lanes parse(String text) {
        Objects.requireNonNull(text, "text cannot be null");
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("--executors is empty; give a number (--executors 3) or names "
                    + "(--executors alice,bob)");
        }
        if (isNumber(t)) {
            int n;
            try {
                n = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--executors " + t + " is too large; at most " + MAX_LANES);
            }
            if (n < 1) {
                throw new IllegalArgumentException("--executors must be at least 1, not " + n);
            }
            return count(n);
        }
        List<String> names = new ArrayList<>();
        for (String part : t.split(",", -1)) {
            names.add(part.strip());
        }
        return named(names);
    }

    private static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "is empty; separate names by single commas (--executors alice,bob)";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return "has a control or format character (U+" + String.format("%04X", (int) c) + "); use "
                        + "printable names";
            }
        }
        if (name.indexOf(',') >= 0) {
            return "\"" + name + "\" holds a comma; commas separate names";
        }
        if (name.length() > MAX_NAME) {
            return "is longer than " + MAX_NAME + " characters";
        }
        if (isNumber(name)) {
            return "\"" + name + "\" is a plain number; give names (alice,bob) or a count alone (--executors 2)";
        }
        if (!name.equals(name.strip())) {
            return "\"" + name + "\" starts or ends with a space";
        }
        return null;
    }

    private static boolean isNumber(String s) {
        int from = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (from >= s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The lanes' names, lane 0 first ({@code e1}, {@code e2}, ... for numbered lanes). */
    public List<String> names() {
        return names;
    }

    /** How many lanes. */
    public int size() {
        return names.size();
    }

    /** Whether the lanes were named (and so pin the achievements naming them). */
    public boolean named() {
        return named;
    }

    /** {@code 3} or {@code alice,bob}: the form {@link #parse} reads. */
    @Override
    public String toString() {
        return named ? String.join(",", names) : Integer.toString(names.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lanes other && other.named == named && other.names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + (named ? 1 : 0);
    }
}
