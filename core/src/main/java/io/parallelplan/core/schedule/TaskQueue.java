package io.parallelplan.core.schedule;

import java.util.Arrays;

/**
 * A binary min-heap of task nodes by priority. Priorities are precomputed ranks ({@code prio[node]}: 0 is the best —
 * longest remaining path, then plan order), so the heap holds plain ints and compares them directly. Positions are
 * kept (indexed by priority) so that removal is O(log n); several queues may share one position array when a node is
 * in at most one of them at a time. The scheduler keeps one per executor (the READY tasks of all executors together
 * are a {@link RankSet}), so each grows only as large as its executor's backlog.
 */
final class TaskQueue {
    private final int[] prio;
    private final int[] byPrio;
    private final int[] pos;
    private int[] heap = new int[16];
    private int size;

    TaskQueue(int[] prio, int[] byPrio, int[] pos) {
        this.prio = prio;
        this.byPrio = byPrio;
        this.pos = pos;
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
