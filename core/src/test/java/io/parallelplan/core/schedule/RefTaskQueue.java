package io.parallelplan.core.schedule;

import java.util.Arrays;

/**
 * A binary min-heap of task nodes by priority. Priorities are precomputed ranks ({@code prio[node]}: 0 is the best —
 * longest remaining path, then plan order), so the heap holds plain ints and compares them directly. Positions are
 * kept (indexed by priority) so that removal is O(log n); several queues may share one position array when a node is
 * in at most one of them at a time.
 *
 * <p><b>Test oracle:</b> a frozen copy of {@code TaskQueue} as of commit 0100d77, before issue 12 made the scheduler
 * cheaper per event and per task. {@link SchedulerEquivalenceTest} holds the scheduler to it call for call. Do not
 * change it; delete it with that test once the scheduler's behaviour is meant to change.
 */
final class RefTaskQueue {
    private final int[] prio;
    private final int[] byPrio;
    private final int[] pos;
    private int[] heap = new int[16];
    private int size;

    RefTaskQueue(int[] prio, int[] byPrio, int[] pos) {
        this.prio = prio;
        this.byPrio = byPrio;
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
        return size == 0 ? -1 : byPrio[heap[0]];
    }

    void add(int node) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        up(size++, prio[node]);
    }

    void remove(int node) {
        int p = prio[node];
        int i = pos[p];
        pos[p] = -1;
        size--;
        if (i == size) {
            return;
        }
        int last = heap[size];
        if (i > 0 && last < heap[(i - 1) >>> 1]) {
            up(i, last);
        } else {
            down(i, last);
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
        if (k == 1) {
            out[0] = byPrio[heap[0]];
            return out;
        }
        // A small heap of positions in this heap ("frontier"): pop the best, push its two children.
        int[] frontier = new int[k + 2];
        int fs = 0;
        frontier[fs++] = 0;
        for (int n = 0; n < k; n++) {
            int hi = frontier[0];
            out[n] = byPrio[heap[hi]];
            frontier[0] = frontier[--fs];
            siftFrontierDown(frontier, fs);
            for (int child = 2 * hi + 1; child <= 2 * hi + 2 && child < size; child++) {
                int i = fs++;
                frontier[i] = child;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (heap[frontier[i]] >= heap[frontier[parent]]) {
                        break;
                    }
                    int t = frontier[i];
                    frontier[i] = frontier[parent];
                    frontier[parent] = t;
                    i = parent;
                }
            }
        }
        return out;
    }

    private void siftFrontierDown(int[] f, int fs) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= fs) {
                return;
            }
            int best = l + 1 < fs && heap[f[l + 1]] < heap[f[l]] ? l + 1 : l;
            if (heap[f[best]] >= heap[f[i]]) {
                return;
            }
            int t = f[i];
            f[i] = f[best];
            f[best] = t;
            i = best;
        }
    }

    private void up(int i, int value) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int pv = heap[parent];
            if (value >= pv) {
                break;
            }
            heap[i] = pv;
            pos[pv] = i;
            i = parent;
        }
        heap[i] = value;
        pos[value] = i;
    }

    private void down(int i, int value) {
        int half = size >>> 1;
        while (i < half) {
            int l = 2 * i + 1;
            int best = l + 1 < size && heap[l + 1] < heap[l] ? l + 1 : l;
            int bv = heap[best];
            if (value <= bv) {
                break;
            }
            heap[i] = bv;
            pos[bv] = i;
            i = best;
        }
        heap[i] = value;
        pos[value] = i;
    }
}
