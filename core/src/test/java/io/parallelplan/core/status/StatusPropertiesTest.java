package io.parallelplan.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.testing.PlanFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** On random plans with random files, "can be done now" and "held back" follow their definitions. */
class StatusPropertiesTest {
    private static final String[] FEEDBACK = {
        null, "execution/feedbacks/APPROVED_%s.md", "execution/feedbacks/FIX_%s.md",
        "execution/EXECUTION_TASK_R_%s_01.md", "subplans/SUBPLAN_R_%s.md", "execution/SKIPPED_%s.md"
    };

    @Property(tries = 60)
    void shouldListReadyAndBlockedByTheirDefinitions(@ForAll @IntRange(min = 1, max = 25) int size,
            @ForAll long seed) throws IOException {
        Random random = new Random(seed);
        Path tmp = Files.createTempDirectory("status-property");
        try {
            PlanFolders folder = PlanFolders.in(tmp, "R");
            Map<String, List<String>> deps = new HashMap<>();
            for (int i = 0; i < size; i++) {
                String id = "a" + i;
                List<String> d = new ArrayList<>();
                for (int j = 0; j < i; j++) {
                    if (random.nextInt(4) == 0) {
                        d.add("a" + j);
                    }
                }
                deps.put(id, d);
                folder.achievement(id, "A " + i, 1 + random.nextInt(5), d);
                String file = FEEDBACK[random.nextInt(FEEDBACK.length)];
                if (file != null) {
                    folder.files(String.format(file, id));
                }
            }
            PlanStatus s = new StatusReader().read(folder.write());

            Map<String, PlanStatus.Entry> byId = new HashMap<>();
            s.achievements().forEach(e -> byId.put(e.id(), e));
            for (PlanStatus.Entry e : s.achievements()) {
                boolean depsDone = deps.get(e.id()).stream().allMatch(d -> byId.get(d).status().isDone());
                boolean shouldBeReady = !e.status().isDone() && depsDone;
                assertThat(s.ready().contains(e.id())).as(e.id()).isEqualTo(shouldBeReady);
                if (s.blocked().containsKey(e.id())) {
                    assertThat(shouldBeReady).isFalse();
                    List<String> chain = s.blocked().get(e.id());
                    String previous = e.id();
                    for (String link : chain) {
                        assertThat(deps.get(previous)).contains(link);
                        previous = link;
                    }
                    assertThat(byId.get(previous).status()).isEqualTo(AchievementStatus.FAILED);
                }
            }
            List<Double> remaining = s.ready().stream().map(id -> byId.get(id).remainingHours()).toList();
            assertThat(remaining).isSortedAccordingTo(Comparator.reverseOrder());
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
