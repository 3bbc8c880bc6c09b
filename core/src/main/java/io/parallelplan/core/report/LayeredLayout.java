package io.parallelplan.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
        Map<String, Integer> index = snapshot.indexById();
        int[][] deps = new int[n][];
        int[] outDegree = new int[n];
        int[] level = new int[n];
        int columns = 0;
        for (int v = 0; v < n; v++) {
            ReportSnapshot.Entry e = entries.get(v);
            level[v] = e.level();
            columns = Math.max(columns, e.level() + 1);
            int[] d = new int[e.dependencies().size()];
            int k = 0;
            for (String id : e.dependencies()) {
                Integer u = index.get(id);
                if (u != null && u != v) {
                    d[k++] = u;
                    outDegree[u]++;
                }
            }
            deps[v] = Arrays.copyOf(d, k);
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
        long best = crossings(layers, row, deps, level);
        int[] bestRow = row.clone();
        double[] key = new double[n];
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
                Integer[] boxed = new Integer[layer.length];
                for (int k = 0; k < layer.length; k++) {
                    boxed[k] = layer[k];
                }
                // Stable: ties keep the current order.
                Arrays.sort(boxed, (a, b) -> Double.compare(key[a], key[b]));
                for (int k = 0; k < layer.length; k++) {
                    layer[k] = boxed[k];
                    row[layer[k]] = k;
                }
            }
            long c = crossings(layers, row, deps, level);
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
     * Crossings among edges joining adjacent columns: for each pair of columns, the inversions of the lower ends
     * when edges are sorted by their upper ends (Fenwick tree).
     */
    static long crossings(List<int[]> layers, int[] row, int[][] deps, int[] level) {
        int columns = layers.size();
        List<List<long[]>> edgesByColumn = new ArrayList<>(columns);
        for (int l = 0; l < columns; l++) {
            edgesByColumn.add(new ArrayList<>());
        }
        for (int v = 0; v < deps.length; v++) {
            for (int u : deps[v]) {
                if (level[v] == level[u] + 1) {
                    edgesByColumn.get(level[u]).add(new long[] {row[u], row[v]});
                }
            }
        }
        long total = 0;
        for (int l = 0; l + 1 < columns; l++) {
            List<long[]> edges = edgesByColumn.get(l);
            edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            int size = layers.get(l + 1).length;
            long[] tree = new long[size + 1];
            long seen = 0;
            for (long[] e : edges) {
                int target = (int) e[1];
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
