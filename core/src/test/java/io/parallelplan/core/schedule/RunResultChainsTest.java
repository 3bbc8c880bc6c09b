package io.parallelplan.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The blocked-by chains of a result are each {@link RunResult#chain} of its record, however they share links. */
class RunResultChainsTest {
    private static final TaskState[] STATES = {
        TaskState.BLOCKED, TaskState.BLOCKED, TaskState.BLOCKED, TaskState.FAILED, TaskState.CANCELLED,
        TaskState.SUCCEEDED, TaskState.SKIPPED
    };

    @Property(tries = 300)
    void shouldGiveEachBlockedRecordTheChainFollowedOnItsOwn(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int size, @ForAll boolean loops) {
        // Random records whose causes point to earlier records (as a scheduler writes them), or anywhere (loops,
        // dangling and missing causes, which only a damaged ledger could hold).
        Random random = new Random(seed);
        List<TaskRecord> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            TaskState state = STATES[random.nextInt(STATES.length)];
            String cause = null;
            if (random.nextInt(8) > 0 && (i > 0 || loops)) {
                int target = loops ? random.nextInt(size + 2) : random.nextInt(i);
                cause = "t" + target;
            }
            boolean group = random.nextInt(10) == 0;
            records.add(new TaskRecord("t" + i, null, group, state, random.nextInt(3),
                    random.nextBoolean() ? 2 : null, random.nextBoolean() ? "why " + i : null, cause, null, null,
                    false, false, 1));
        }
        Map<String, TaskRecord> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.id(), r));

        RunResult result = RunResult.of(records, FailurePolicy.KEEP_GOING, 1, null);

        List<BlockedChain> expected = new ArrayList<>();
        for (TaskRecord r : records) {
            if (r.state() == TaskState.BLOCKED) {
                expected.add(RunResult.chain(r, byId));
            }
        }
        assertThat(result.blockedChains()).isEqualTo(expected);
    }
}
