package io.parallelplan.core.graph;

import java.util.List;

/**
 * Id to node lookups for {@link PlanGraph} (and the reports' own lists of achievements): open addressing over parallel
 * arrays, so a plan of 100,000 achievements costs three arrays instead of 100,000 map entries and boxed integers, and
 * a probe compares the cached hash before it touches a string. The first node with an id wins. Immutable once built.
 */
public final class IdIndex {
    private final String[] keys;
    private final int[] hashes;
    private final int[] nodes;
    private final int mask;
    private boolean repeats;

    /** Indexes {@code ids}: the node of an id is its position in the list. */
    public IdIndex(List<String> ids) {
        int capacity = Integer.highestOneBit(Math.max(4, ids.size() * 2 - 1)) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        nodes = new int[capacity];
        mask = capacity - 1;
        for (int node = 0; node < ids.size(); node++) {
            String id = ids.get(node);
            int h = spread(id.hashCode());
            int slot = h & mask;
            while (keys[slot] != null && !(hashes[slot] == h && keys[slot].equals(id))) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == null) {
                keys[slot] = id;
                hashes[slot] = h;
                nodes[slot] = node;
            } else {
                repeats = true;
            }
        }
    }

    /** Whether some id is given to more than one node. */
    boolean repeats() {
        return repeats;
    }

    /**
     * The first node with this id, or -1. The id is usually the very string the index holds (dependencies read by the
     * fast reader, ids a scheduler handed out): that is recognized before the stored hash is read.
     */
    public int get(String id) {
        int h = spread(id.hashCode());
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == id) {
                return nodes[slot];
            }
            if (key == null) {
                return -1;
            }
            if (hashes[slot] == h && key.equals(id)) {
                return nodes[slot];
            }
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
