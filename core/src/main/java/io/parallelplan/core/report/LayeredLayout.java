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
    final EntryEdges dependencies;
    /** Crossings between adjacent columns of the chosen order. */
    final long crossings;

    private LayeredLayout(int[] level, int[] row, double[] columnOffset, int height, EntryEdges dependencies,
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
        EntryEdges deps = snapshot.dependencyIndices();
        EntryEdges dependents = deps.reversed();
        int[] level = new int[n];
        int columns = 0;
        for (int v = 0; v < n; v++) {
            ReportSnapshot.Entry e = entries.get(v);
            level[v] = e.level();
            columns = Math.max(columns, e.level() + 1);
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
        Sorter sorter = new Sorter(height);
        for (int sweep = 0; sweep < SWEEPS && best > 0; sweep++) {
            boolean down = sweep % 2 == 0;
            EntryEdges neighbours = down ? deps : dependents;
            for (int i = 0; i < columns; i++) {
                int l = down ? i : columns - 1 - i;
                int[] layer = layers.get(l);
                for (int k = 0; k < layer.length; k++) {
                    int v = layer[k];
                    int first = neighbours.start[v];
                    int end = neighbours.start[v + 1];
                    if (first == end) {
                        sorter.keys[k] = row[v] + offset[l];
                    } else {
                        double sum = 0;
                        for (int e = first; e < end; e++) {
                            int u = neighbours.to[e];
                            sum += row[u] + offset[level[u]];
                        }
                        sorter.keys[k] = sum / (end - first);
                    }
                }
                // Stable: ties keep the current order.
                sorter.sort(layer);
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
     * Sorts a column by the keys put in {@link #keys} (one per node, in the column's order), stably, as
     * {@link Double#compare} orders them: a merge sort on parallel arrays of keys and nodes, whose result is the one
     * any stable sort gives. The keys travel with their nodes, so a large column is sorted without looking keys up.
     */
    static final class Sorter {
        final double[] keys;
        private final double[] keyScratch;
        private final int[] nodeScratch;

        Sorter(int capacity) {
            keys = new double[capacity];
            keyScratch = new double[capacity];
            nodeScratch = new int[capacity];
        }

        void sort(int[] nodes) {
            int n = nodes.length;
            for (int run = 0; run < n; run += 16) { // insertion sort of runs of 16
                for (int i = run + 1; i < Math.min(run + 16, n); i++) {
                    double key = keys[i];
                    int node = nodes[i];
                    int j = i - 1;
                    while (j >= run && Double.compare(keys[j], key) > 0) {
                        keys[j + 1] = keys[j];
                        nodes[j + 1] = nodes[j];
                        j--;
                    }
                    keys[j + 1] = key;
                    nodes[j + 1] = node;
                }
            }
            double[] fromKeys = keys;
            int[] fromNodes = nodes;
            double[] toKeys = keyScratch;
            int[] toNodes = nodeScratch;
            for (int width = 16; width < n; width *= 2) {
                for (int lo = 0; lo < n; lo += 2 * width) {
                    int mid = Math.min(lo + width, n);
                    int hi = Math.min(lo + 2 * width, n);
                    int a = lo;
                    int b = mid;
                    for (int k = lo; k < hi; k++) {
                        // Ties take the left run first: stable.
                        boolean left = b >= hi || a < mid && Double.compare(fromKeys[a], fromKeys[b]) <= 0;
                        int from = left ? a++ : b++;
                        toKeys[k] = fromKeys[from];
                        toNodes[k] = fromNodes[from];
                    }
                }
                double[] tk = fromKeys;
                fromKeys = toKeys;
                toKeys = tk;
                int[] tn = fromNodes;
                fromNodes = toNodes;
                toNodes = tn;
            }
            if (fromNodes != nodes) {
                System.arraycopy(fromNodes, 0, nodes, 0, n);
            }
        }
    }

    /** The edges joining adjacent columns, grouped by the left column: what {@link #crossings} counts over. */
    static final class ColumnEdges {
        /** Edges from column {@code l} are {@code from[offsets[l]..offsets[l+1])} to {@code to[...]} (node indices). */
        final int[] offsets;
        final int[] from;
        final int[] to;
        final int[] columnSizes;

        ColumnEdges(List<int[]> layers, EntryEdges deps, int[] level) {
            int columns = layers.size();
            columnSizes = new int[columns];
            for (int l = 0; l < columns; l++) {
                columnSizes[l] = layers.get(l).length;
            }
            offsets = new int[columns + 1];
            for (int v = 0; v < deps.size(); v++) {
                for (int e = deps.start[v]; e < deps.start[v + 1]; e++) {
                    if (level[v] == level[deps.to[e]] + 1) {
                        offsets[level[v]]++;
                    }
                }
            }
            for (int l = 0; l < columns; l++) {
                offsets[l + 1] += offsets[l];
            }
            from = new int[offsets[columns]];
            to = new int[offsets[columns]];
            int[] fill = offsets.clone();
            for (int v = 0; v < deps.size(); v++) {
                for (int e = deps.start[v]; e < deps.start[v + 1]; e++) {
                    int u = deps.to[e];
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
    static long crossings(List<int[]> layers, int[] row, EntryEdges deps, int[] level) {
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
