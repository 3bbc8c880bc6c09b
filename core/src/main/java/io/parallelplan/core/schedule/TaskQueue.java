package io.parallelplan.core.schedule;

/**
 * A binary min-heap of task nodes ordered by priority (higher rank first, then lower node index = plan order), with
 * positions kept so that removal is O(log n). Several queues may share one position array when a node is in at most
 * one of them at a time.
 */
final class TaskQueue {
    private final double[] rank;
    private final int[] pos;
    private int[] heap = new int[16];
    private int size;

    TaskQueue(double[] rank, int[] pos) {
        this.rank = rank;
        this.pos = pos;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The best node, or -1. */
    int peek() {
        return size == 0 ? -1 : heap[0];
    }

    boolean contains(int node) {
        int p = pos[node];
        return p >= 0 && p < size && heap[p] == node;
    }

    void add(int node) {
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, size * 2);
        }
        heap[size] = node;
        pos[node] = size;
        size++;
        up(size - 1);
    }

    void remove(int node) {
        int p = pos[node];
        pos[node] = -1;
        size--;
        if (p == size) {
            return;
        }
        int last = heap[size];
        heap[p] = last;
        pos[last] = p;
        if (p > 0 && better(last, heap[(p - 1) >>> 1])) {
            up(p);
        } else {
            down(p);
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            pos[heap[i]] = -1;
        }
        size = 0;
    }

    /** The {@code k} best nodes, best first, without changing the queue: O(k log k). */
    int[] top(int k) {
        k = Math.min(k, size);
        int[] out = new int[k];
        if (k == 0) {
            return out;
        }
        int[] frontier = new int[2 * k + 1];
        int fs = 0;
        frontier[fs++] = 0;
        for (int i = 0; i < k; i++) {
            int hi = frontier[0];
            frontier[0] = frontier[--fs];
            siftFrontierDown(frontier, fs, 0);
            out[i] = heap[hi];
            for (int child = 2 * hi + 1; child <= 2 * hi + 2 && child < size; child++) {
                frontier[fs] = child;
                siftFrontierUp(frontier, fs++);
            }
        }
        return out;
    }

    private void siftFrontierUp(int[] f, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(heap[f[i]], heap[f[parent]])) {
                return;
            }
            int t = f[i];
            f[i] = f[parent];
            f[parent] = t;
            i = parent;
        }
    }

    private void siftFrontierDown(int[] f, int fs, int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= fs) {
                return;
            }
            int best = l + 1 < fs && better(heap[f[l + 1]], heap[f[l]]) ? l + 1 : l;
            if (!better(heap[f[best]], heap[f[i]])) {
                return;
            }
            int t = f[i];
            f[i] = f[best];
            f[best] = t;
            i = best;
        }
    }

    private boolean better(int a, int b) {
        double ra = rank[a];
        double rb = rank[b];
        return ra > rb || (ra == rb && a < b);
    }

    private void up(int i) {
        int node = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int pn = heap[parent];
            if (!better(node, pn)) {
                break;
            }
            heap[i] = pn;
            pos[pn] = i;
            i = parent;
        }
        heap[i] = node;
        pos[node] = i;
    }

    private void down(int i) {
        int node = heap[i];
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                break;
            }
            int best = l + 1 < size && better(heap[l + 1], heap[l]) ? l + 1 : l;
            if (!better(heap[best], node)) {
                break;
            }
            heap[i] = heap[best];
            pos[heap[i]] = i;
            i = best;
        }
        heap[i] = node;
        pos[node] = i;
    }
}
