package io.parallelplan.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A layered drawing of a snapshot's dependency graph: one column per level, left to right, with the order inside
 * each column chosen by barycentric sweeps to reduce edge crossings (the Sugiyama heuristic, without dummy nodes for
 * long edges). Each sweep sorts a column by the mean row of each node's neighbours in the column swept from; the
 * order with the fewest crossings between adjacent columns is kept. O(sweeps · (n log n + e log n)).
 */
final class LayeredLayout {
    static final int SWEEPS = 12;

    /** The column of each node. */
    final int[] level;
    /** The row of each node inside its column, 0 at the top. */
    final int[] row;
    /** The vertical offset (in rows) of each column, so that columns are centred on the widest one. */
    final double[] columnOffset;
    /** The number of rows of the widest column. */
    final int height;
    /** The number of columns. */
    final int columns;
    /** Resolved dependencies of each node (indices). */
    final int[][] dependencies;
    /** Crossings between adjacent columns of the chosen order. */
    final long crossings;

    private LayeredLayout(int[] level, int[] row, double[] columnOffset, int height, int[][] dependencies,
            long crossings) {
        this.level = level;
        this.row = row;
        this.columnOffset = columnOffset;
        this.height = height;
        this.columns = columnOffset.length;
        this.dependencies = dependencies;
        this.crossings = crossings;
    }

    /** The row of node {@code v} with its column's centring offset. */
    double y(int v) {
        return row[v] + columnOffset[level[v]];
    }

    static LayeredLayout of(ReportSnapshot snapshot) {
        List<ReportSnapshot.Entry> entries = snapshot.entries();
        int n = entries.size();
        int[][] deps = snapshot.dependencyIndices();
        int[] outDegree = new int[n];
        int[] level = new int[n];
        int columns = 0;
        for (int v = 0; v < n; v++) {
            ReportSnapshot.Entry e = entries.get(v);
            level[v] = e.level();
            columns = Math.max(columns, e.level() + 1);
            for (int u : deps[v]) {
                outDegree[u]++;
            }
        }
        int[][] dependents = new int[n][];
        for (int u = 0; u < n; u++) {
            dependents[u] = new int[outDegree[u]];
        }
        int[] fill = new int[n];
        for (int v = 0; v < n; v++) {
            for (int u : deps[v]) {
                dependents[u][fill[u]++] = v;
            }
        }
        List<int[]> layers = layers(level, columns);
        int height = 0;
        for (int[] layer : layers) {
            height = Math.max(height, layer.length);
        }
        double[] offset = new double[columns];
        for (int l = 0; l < columns; l++) {
            offset[l] = (height - layers.get(l).length) / 2.0;
        }
        int[] row = new int[n];
        assignRows(layers, row);
        ColumnEdges between = new ColumnEdges(layers, deps, level);
        long best = crossings(between, row);
        int[] bestRow = row.clone();
        double[] key = new double[n];
        int[] scratch = new int[height];
        for (int sweep = 0; sweep < SWEEPS && best > 0; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int i = 0; i < columns; i++) {
                int l = down ? i : columns - 1 - i;
                int[] layer = layers.get(l);
                for (int v : layer) {
                    int[] neighbours = down ? deps[v] : dependents[v];
                    if (neighbours.length == 0) {
                        key[v] = row[v] + offset[l];
                    } else {
                        double sum = 0;
                        for (int u : neighbours) {
                            sum += row[u] + offset[level[u]];
                        }
                        key[v] = sum / neighbours.length;
                    }
                }
                // Stable: ties keep the current order.
                sortByKey(layer, key, scratch);
                for (int k = 0; k < layer.length; k++) {
                    row[layer[k]] = k;
                }
            }
            long c = crossings(between, row);
            if (c < best) {
                best = c;
                bestRow = row.clone();
            }
        }
        return new LayeredLayout(level, bestRow, offset, height, deps, best);
    }

    private static List<int[]> layers(int[] level, int columns) {
        int[] size = new int[columns];
        for (int l : level) {
            size[l]++;
        }
        List<int[]> layers = new ArrayList<>(columns);
        for (int l = 0; l < columns; l++) {
            layers.add(new int[size[l]]);
        }
        int[] fill = new int[columns];
        for (int v = 0; v < level.length; v++) {
            layers.get(level[v])[fill[level[v]]++] = v;
        }
        return layers;
    }

    private static void assignRows(List<int[]> layers, int[] row) {
        for (int[] layer : layers) {
            for (int k = 0; k < layer.length; k++) {
                row[layer[k]] = k;
            }
        }
    }

    /**
     * Sorts {@code nodes} by {@code key} (as {@link Double#compare} orders them), stably: a merge sort on ints, whose
     * result is the one any stable sort gives. {@code scratch} holds at least as many ints as {@code nodes}.
     */
    static void sortByKey(int[] nodes, double[] key, int[] scratch) {
        int n = nodes.length;
        for (int i = 1; i < n; i++) { // insertion sort of runs of 16
            if (i % 16 == 0) {
                continue;
            }
            int v = nodes[i];
            int j = i - 1;
            while (j >= i - i % 16 && Double.compare(key[nodes[j]], key[v]) > 0) {
                nodes[j + 1] = nodes[j];
                j--;
            }
            nodes[j + 1] = v;
        }
        int[] from = nodes;
        int[] to = scratch;
        for (int width = 16; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    // Ties take the left run first: stable.
                    to[k] = b >= hi || a < mid && Double.compare(key[from[a]], key[from[b]]) <= 0 ? from[a++] : from[b++];
                }
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != nodes) {
            System.arraycopy(from, 0, nodes, 0, n);
        }
    }

    /** The edges joining adjacent columns, grouped by the left column: what {@link #crossings} counts over. */
    static final class ColumnEdges {
        /** Edges from column {@code l} are {@code from[offsets[l]..offsets[l+1])} to {@code to[...]} (node indices). */
        final int[] offsets;
        final int[] from;
        final int[] to;
        final int[] columnSizes;

        ColumnEdges(List<int[]> layers, int[][] deps, int[] level) {
            int columns = layers.size();
            columnSizes = new int[columns];
            for (int l = 0; l < columns; l++) {
                columnSizes[l] = layers.get(l).length;
            }
            offsets = new int[columns + 1];
            for (int v = 0; v < deps.length; v++) {
                for (int u : deps[v]) {
                    if (level[v] == level[u] + 1) {
                        offsets[level[u] + 1]++;
                    }
                }
            }
            for (int l = 0; l < columns; l++) {
                offsets[l + 1] += offsets[l];
            }
            from = new int[offsets[columns]];
            to = new int[offsets[columns]];
            int[] fill = offsets.clone();
            for (int v = 0; v < deps.length; v++) {
                for (int u : deps[v]) {
                    if (level[v] == level[u] + 1) {
                        int k = fill[level[u]]++;
                        from[k] = u;
                        to[k] = v;
                    }
                }
            }
        }
    }

    /**
     * Crossings among edges joining adjacent columns: for each pair of columns, the inversions of the lower ends
     * when edges are sorted by their upper ends (Fenwick tree).
     */
    static long crossings(List<int[]> layers, int[] row, int[][] deps, int[] level) {
        return crossings(new ColumnEdges(layers, deps, level), row);
    }

    private static long crossings(ColumnEdges edges, int[] row) {
        long total = 0;
        long[] packed = new long[0];
        for (int l = 0; l + 1 < edges.columnSizes.length; l++) {
            int first = edges.offsets[l];
            int count = edges.offsets[l + 1] - first;
            if (packed.length < count) {
                packed = new long[count];
            }
            // Each edge as (upper row, lower row) in one long: sorting them sorts by upper end, then lower end.
            for (int k = 0; k < count; k++) {
                packed[k] = (long) row[edges.from[first + k]] << 32 | row[edges.to[first + k]];
            }
            Arrays.sort(packed, 0, count);
            int size = edges.columnSizes[l + 1];
            long[] tree = new long[size + 1];
            long seen = 0;
            for (int k = 0; k < count; k++) {
                int target = (int) packed[k];
                // Edges seen so far whose lower end is below this one's cross it.
                long notAbove = 0;
                for (int i = target + 1; i > 0; i -= i & -i) {
                    notAbove += tree[i];
                }
                total += seen - notAbove;
                for (int i = target + 1; i <= size; i += i & -i) {
                    tree[i]++;
                }
                seen++;
            }
        }
        return total;
    }
}
