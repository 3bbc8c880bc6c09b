package io.parallelplan.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RandomPlans;
import io.parallelplan.core.schedule.RunEvent;
import io.parallelplan.core.schedule.RunListener;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.schedule.TaskRecord;
import io.parallelplan.core.schedule.TaskState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A runner killed at any byte of its journal loses nothing that was written, and the run can go on. */
class RunLedgerPropertyTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 40)
    void shouldLoseNothingWrittenWhenKilledAnywhere(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 15) int size,
            @ForAll @IntRange(min = 0, max = 100) int cutPercent) throws IOException {
        Random random = new Random(seed);
        RandomPlans plans = RandomPlans.generate(random, size);
        Path dir = Files.createTempDirectory("ledger-property");
        try {
            List<RunEvent> events = new ArrayList<>();
            RunOptions options = RunOptions.builder().maxParallel(2).defaultRetries(1).build();
            RunLedger ledger = RunLedger.create(dir, "run", plans.plan, options, T0, events::add);
            drive(ledger.scheduler(), random, 30); // then killed: never closed
            Path journal = dir.resolve(RunLedger.JOURNAL);
            byte[] bytes = Files.readAllBytes(journal);
            int header = indexOf(bytes, (byte) '\n') + 1;
            int cut = header + (int) ((long) (bytes.length - header) * cutPercent / 100);
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                channel.truncate(cut);
            }
            int kept = count(bytes, header, cut);

            LedgerState state = RunLedger.read(dir);

            Map<String, TaskState> expected = new HashMap<>();
            for (RunEvent e : events.subList(0, kept)) {
                expected.put(e.taskId(), e.to());
            }
            for (TaskRecord r : state.records()) {
                assertThat(r.state()).as(r.id()).isEqualTo(expected.getOrDefault(r.id(), TaskState.PENDING));
            }
            assertThat(state.tornLineDropped()).isEqualTo(cut > header && bytes[cut - 1] != '\n');

            Set<String> finished = new HashSet<>();
            for (TaskRecord r : state.records()) {
                if (r.state().isFinal()) {
                    finished.add(r.id());
                }
            }
            List<String> started = new ArrayList<>();
            RunLedger again = RunLedger.restore(dir, plans.plan, e -> {
                if (e.to() == TaskState.RUNNING) {
                    started.add(e.taskId());
                }
            });
            Scheduler s = again.scheduler();
            for (String id : s.running()) {
                s.finish(id, AttemptOutcome.interrupted("the runner was killed"), T0.plusSeconds(10_000));
            }
            drive(s, random, 0);
            again.close();
            assertThat(started).noneMatch(finished::contains);
            for (String id : finished) {
                assertThat(s.state(id)).isEqualTo(state.record(id).orElseThrow().state());
            }
            assertThat(RunLedger.read(dir).records()).isEqualTo(s.records());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void drive(Scheduler s, Random random, int failPercent) {
        Instant t = T0;
        while (!s.isFinished()) {
            t = t.plusSeconds(1);
            for (String id : s.startable()) {
                s.start(id, t);
            }
            List<String> running = s.running();
            String id = running.get(random.nextInt(running.size()));
            s.finish(id, random.nextInt(100) < failPercent ? AttemptOutcome.failure(1, null)
                    : AttemptOutcome.success(), t);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Complete event lines between {@code from} and {@code to}. */
    private static int count(byte[] bytes, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
