package io.parallelplan.core.schedule;

import java.util.List;
import java.util.Objects;

/**
 * The chain from a BLOCKED achievement to the root cause, e.g.
 * {@code 3.1 BLOCKED ← 2.3 BLOCKED ← 2.2 FAILED (exit 2 after 2 attempts)}.
 *
 * @param ids the blocked achievement first, then each link, the root cause last
 * @param text the formatted chain
 */
public record BlockedChain(List<String> ids, String text) {
    public BlockedChain {
        ids = List.copyOf(ids);
        Objects.requireNonNull(text, "text cannot be null");
        if (ids.size() < 2) {
            throw new IllegalArgumentException("a blocked-by chain names the blocked achievement and its cause");
        }
    }

    /** The blocked achievement. */
    public String blocked() {
        return ids.get(0);
    }

    /** The root cause (a FAILED or CANCELLED task). */
    public String root() {
        return ids.get(ids.size() - 1);
    }

    /** Every link after the blocked achievement, the root cause last (the JSON {@code blocked_by} list). */
    public List<String> blockedBy() {
        return ids.subList(1, ids.size());
    }

    @Override
    public String toString() {
        return text;
    }
}
