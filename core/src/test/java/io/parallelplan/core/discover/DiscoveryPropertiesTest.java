package io.parallelplan.core.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Discovery reads back exactly the dependencies a generated PLAN states, and never one more. */
class DiscoveryPropertiesTest {
    @Property(tries = 200)
    void shouldNeverInventOrLoseAStatedEdge(@ForAll @IntRange(min = 1, max = 30) int size, @ForAll long seed) {
        Random random = new Random(seed);
        StringBuilder md = new StringBuilder("# PLAN: Random\n\n");
        List<List<String>> stated = new ArrayList<>();
        List<Boolean> hasStatement = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = (i / 5 + 1) + "." + (i % 5 + 1);
            List<String> deps = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (random.nextInt(4) == 0) {
                    deps.add((j / 5 + 1) + "." + (j % 5 + 1));
                }
            }
            boolean states = random.nextInt(3) > 0;
            md.append(random.nextBoolean() ? "**Achievement " + id + ": Step " + id + "** ⏱️ 2-3 hours\n"
                    : "### Achievement " + id + ": Step " + id + "\n");
            md.append("\n- Work on step ").append(id).append(" and mention 1.1 in passing.\n");
            if (states) {
                md.append(deps.isEmpty() ? "- **Dependencies**: None\n"
                        : "- **Dependencies**: " + String.join(", ", deps) + "\n");
            }
            md.append("\n---\n\n");
            stated.add(states ? deps : List.of());
            hasStatement.add(states);
        }

        DiscoveredPlan plan = new MarkdownDiscovery().discover(md.toString(), Path.of("PLAN_RANDOM.md"));

        assertThat(plan.achievements()).hasSize(size);
        for (int i = 0; i < size; i++) {
            DiscoveredAchievement a = plan.achievements().get(i);
            assertThat(a.stated()).as(a.id()).isEqualTo(hasStatement.get(i));
            assertThat(a.dependencies()).as(a.id()).containsExactlyElementsOf(stated.get(i));
        }
        assertThat(plan.isWritable()).isTrue();
    }
}
