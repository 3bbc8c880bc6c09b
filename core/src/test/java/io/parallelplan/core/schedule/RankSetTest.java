package io.parallelplan.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RankSetTest {
    /** Random adds and removes, checked against a sorted set after each: size, first, and every ceiling. */
    @Property(tries = 300)
    void shouldAgreeWithASortedSet(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 300_000) int capacity,
            @ForAll @IntRange(min = 1, max = 400) int operations) {
        Random random = new Random(seed);
        RankSet set = new RankSet(capacity);
        TreeSet<Integer> expected = new TreeSet<>();
        // Ranks from a small window now and then, so that words and summary words empty and fill again.
        int window = random.nextBoolean() ? capacity : Math.min(capacity, 1 + random.nextInt(200));
        int base = random.nextInt(capacity - window + 1);
        for (int i = 0; i < operations; i++) {
            int rank = base + random.nextInt(window);
            if (expected.contains(rank)) {
                set.remove(rank);
                expected.remove(rank);
            } else {
                set.add(rank);
                expected.add(rank);
            }
            if (random.nextInt(50) == 0) {
                set.clear();
                expected.clear();
            }
            assertThat(set.size()).isEqualTo(expected.size());
            assertThat(set.isEmpty()).isEqualTo(expected.isEmpty());
            assertThat(set.first()).isEqualTo(expected.isEmpty() ? -1 : expected.first());
            int from = random.nextInt(capacity + 70);
            Integer ceiling = expected.ceiling(from);
            assertThat(set.ceiling(from)).as("ceiling(%d)", from).isEqualTo(ceiling == null ? -1 : ceiling);
        }
        int walked = 0;
        for (int r = set.first(); r >= 0; r = set.ceiling(r + 1)) {
            assertThat(r).isEqualTo(expected.pollFirst());
            walked++;
        }
        assertThat(walked).isEqualTo(set.size());
    }
}
