package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * "Did you mean" for unknown ids, fast on plans of any size.
 *
 * <p>First every id at edit distance 1 (one character inserted, deleted, replaced, or two neighbours swapped) is
 * looked up in the graph's id index: about 130 lookups per character of the unknown id, whatever the plan's size.
 * Only when that finds nothing, and the plan has at most {@value #SCAN_LIMIT} ids, are ids of similar length
 * compared for distance 2. At most {@value #QUERY_LIMIT} distinct unknown ids get suggestions per list; answers
 * are remembered.
 */
final class IdSuggester {
    static final int SCAN_LIMIT = 2_000;
    static final int QUERY_LIMIT = 1_000;
    private static final int MAX_SUGGESTIONS = 3;
    private static final char[] ALPHABET =
            "0123456789.-_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private final PlanGraph graph;
    private final Map<String, List<String>> answers = new HashMap<>();

    IdSuggester(PlanGraph graph) {
        this.graph = graph;
    }

    /** Up to three known ids close to {@code unknown}, nearest first, then in plan order; empty when none. */
    List<String> suggest(String unknown) {
        List<String> known = answers.get(unknown);
        if (known != null) {
            return known;
        }
        if (answers.size() >= QUERY_LIMIT || unknown.isEmpty() || unknown.length() > Ids.MAX_LENGTH) {
            return List.of();
        }
        List<String> result = nearest(unknown);
        answers.put(unknown, result);
        return result;
    }

    private List<String> nearest(String q) {
        TreeSet<Integer> nodes = new TreeSet<>();
        neighbours(q, nodes);
        if (nodes.isEmpty() && graph.size() <= SCAN_LIMIT) {
            scan(q, nodes);
        }
        List<String> ids = new ArrayList<>(MAX_SUGGESTIONS);
        for (int node : nodes) {
            if (ids.size() == MAX_SUGGESTIONS) {
                break;
            }
            ids.add(graph.id(node));
        }
        return List.copyOf(ids);
    }

    /** Adds the nodes whose id is one edit away from {@code q}. */
    private void neighbours(String q, TreeSet<Integer> into) {
        int n = q.length();
        StringBuilder b = new StringBuilder(n + 1);
        for (int i = 0; i < n; i++) {
            b.setLength(0);
            b.append(q, 0, i).append(q, i + 1, n);
            look(b, into);
            if (i + 1 < n) {
                b.setLength(0);
                b.append(q, 0, i).append(q.charAt(i + 1)).append(q.charAt(i)).append(q, i + 2, n);
                look(b, into);
            }
        }
        for (int i = 0; i <= n; i++) {
            for (char c : ALPHABET) {
                if (i < n && c != q.charAt(i)) {
                    b.setLength(0);
                    b.append(q, 0, i).append(c).append(q, i + 1, n);
                    look(b, into);
                }
                b.setLength(0);
                b.append(q, 0, i).append(c).append(q, i, n);
                look(b, into);
            }
        }
    }

    private void look(CharSequence candidate, TreeSet<Integer> into) {
        int node = graph.indexOf(candidate.toString());
        if (node >= 0) {
            into.add(node);
        }
    }

    /** Adds the nodes at the smallest distance 2 or less (1 for ids of three characters or fewer). */
    private void scan(String q, TreeSet<Integer> into) {
        int max = q.length() <= 3 ? 1 : 2;
        int best = max + 1;
        for (int v = 0; v < graph.size(); v++) {
            String id = graph.id(v);
            if (Math.abs(id.length() - q.length()) > max || id.equals(q)) {
                continue;
            }
            int d = distance(q, id, Math.min(max, best));
            if (d < best) {
                best = d;
                into.clear();
            }
            if (d == best) {
                into.add(v);
            }
        }
    }

    /**
     * The optimal-string-alignment distance between {@code a} and {@code b} (insertions, deletions, replacements
     * and swaps of neighbours), or {@code limit + 1} when it is larger than {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[m], limit + 1);
    }
}
