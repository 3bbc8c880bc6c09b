package io.parallelplan.core.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of priority ranks {@code 0 .. capacity-1} (0 is the best), as a bit set with a summary level per 64 words:
 * adding, removing and finding the best or the next member each touch one word per level (three levels for a
 * million ranks), and the whole set costs one bit per rank. The scheduler's queue of READY tasks, which needs no
 * positions kept and no sifting, unlike a binary heap.
 */
final class RankSet {
    /** A bit per rank in {@code levels[0]}; bit {@code j} of {@code levels[i + 1]}: word j of level i is not 0. */
    private final long[][] levels;
    private int size;

    RankSet(int capacity) {
        List<long[]> all = new ArrayList<>();
        int bits = Math.max(1, capacity);
        do {
            int words = (bits + 63) >>> 6;
            all.add(new long[words]);
            bits = words;
        } while (bits > 1);
        levels = all.toArray(new long[0][]);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds a rank that is not in the set. */
    void add(int rank) {
        size++;
        int r = rank;
        for (long[] level : levels) {
            int w = r >>> 6;
            long before = level[w];
            level[w] = before | (1L << r);
            if (before != 0) {
                return;
            }
            r = w;
        }
    }

    /** Removes a rank that is in the set. */
    void remove(int rank) {
        size--;
        int r = rank;
        for (long[] level : levels) {
            int w = r >>> 6;
            long after = level[w] & ~(1L << r);
            level[w] = after;
            if (after != 0) {
                return;
            }
            r = w;
        }
    }

    /** The best rank in the set, or -1. */
    int first() {
        return size == 0 ? -1 : ceiling(0);
    }

    /** The best rank in the set that is {@code from} or worse, or -1. */
    int ceiling(int from) {
        int r = from;
        int i = 0;
        while (true) {
            if (i == levels.length) {
                return -1;
            }
            long[] level = levels[i];
            int w = r >>> 6;
            if (w >= level.length) {
                return -1;
            }
            long bits = level[w] & (-1L << r);
            if (bits != 0) {
                r = (w << 6) | Long.numberOfTrailingZeros(bits);
                break;
            }
            r = w + 1;
            i++;
        }
        while (i > 0) {
            i--;
            r = (r << 6) | Long.numberOfTrailingZeros(levels[i][r]);
        }
        return r;
    }

    void clear() {
        for (long[] level : levels) {
            Arrays.fill(level, 0);
        }
        size = 0;
    }
}
