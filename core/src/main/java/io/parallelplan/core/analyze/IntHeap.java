package io.parallelplan.core.analyze;

import java.util.Arrays;

/**
 * A binary min-heap of node indexes under a caller's order: the priority queues of list scheduling without boxing
 * (a 100,000-achievement plan pushes every node through two of them).
 */
final class IntHeap {
    /** Orders two nodes; negative when {@code a} comes first. */
    @FunctionalInterface
    interface Order {
        int compare(int a, int b);
    }

    private final Order order;
    private int[] items;
    private int size;

    IntHeap(Order order, int capacity) {
        this.order = order;
        this.items = new int[Math.max(4, capacity)];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The first node, without removing it. */
    int peek() {
        if (size == 0) {
            throw new IllegalStateException("the heap is empty");
        }
        return items[0];
    }

    void add(int node) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (order.compare(node, items[parent]) >= 0) {
                break;
            }
            items[i] = items[parent];
            i = parent;
        }
        items[i] = node;
    }

    /** Removes and returns the first node. */
    int poll() {
        int first = peek();
        int last = items[--size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && order.compare(items[right], items[child]) < 0) {
                child = right;
            }
            if (order.compare(last, items[child]) <= 0) {
                break;
            }
            items[i] = items[child];
            i = child;
        }
        if (size > 0) {
            items[i] = last;
        }
        return first;
    }
}
