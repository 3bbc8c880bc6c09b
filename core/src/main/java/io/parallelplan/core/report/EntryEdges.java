package io.parallelplan.core.report;

/**
 * Edges between a snapshot's entries (by index) in compressed rows: the edges of entry {@code v} lead to
 * {@code to[start[v]]} up to {@code to[start[v + 1] - 1]}, in the order they were listed. Two arrays in all, where an
 * array per entry would cost a header each: a quarter of a layout's memory at a million achievements.
 */
final class EntryEdges {
    final int[] start;
    final int[] to;

    EntryEdges(int[] start, int[] to) {
        this.start = start;
        this.to = to;
    }

    /** The number of entries. */
    int size() {
        return start.length - 1;
    }

    /** The number of edges of entry {@code v}. */
    int count(int v) {
        return start[v + 1] - start[v];
    }

    /** The {@code k}-th edge of entry {@code v}. */
    int get(int v, int k) {
        return to[start[v] + k];
    }

    /** The same edges turned round: for each entry, the entries that lead to it, in entry order. */
    EntryEdges reversed() {
        int n = size();
        int[] reverseStart = new int[n + 1];
        for (int u : to) {
            reverseStart[u + 1]++;
        }
        for (int v = 0; v < n; v++) {
            reverseStart[v + 1] += reverseStart[v];
        }
        int[] from = new int[to.length];
        int[] fill = reverseStart.clone();
        for (int v = 0; v < n; v++) {
            for (int k = start[v]; k < start[v + 1]; k++) {
                from[fill[to[k]]++] = v;
            }
        }
        return new EntryEdges(reverseStart, from);
    }
}
