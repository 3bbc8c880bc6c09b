package io.parallelplan.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.ledger.RunLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path state;

    @Test
    void shouldNameRunsAfterTheirStartTimeAndFindTheLatest() throws IOException {
        Instant t = Instant.parse("2026-11-25T18:00:00.123Z");
        RunFolder first = recorded(RunFolder.create(state, t));
        RunFolder second = recorded(RunFolder.create(state, t));
        RunFolder later = recorded(RunFolder.create(state, t.plusSeconds(1)));
        RunFolder.create(state, t.plusSeconds(2)); // never began: no journal

        assertThat(first.runId()).isEqualTo("20261125-180000-123");
        assertThat(second.runId()).isEqualTo("20261125-180000-123-2");
        assertThat(first.path()).isEqualTo(state.resolve("runs").resolve(first.runId()));
        assertThat(RunFolder.existing(state, null)).get().extracting(RunFolder::runId).isEqualTo(later.runId());
        assertThat(RunFolder.existing(state, second.runId())).get().extracting(RunFolder::path)
                .isEqualTo(second.path());
    }

    @Test
    void shouldOrderSameMillisecondRunsBySuffix() throws IOException {
        Instant t = Instant.parse("2026-11-25T18:00:00Z");
        for (int i = 0; i < 11; i++) {
            recorded(RunFolder.create(state, t));
        }
        assertThat(RunFolder.existing(state, null)).get().extracting(RunFolder::runId)
                .isEqualTo("20261125-180000-000-11");
    }

    private static RunFolder recorded(RunFolder run) throws IOException {
        Files.writeString(run.path().resolve(RunLedger.JOURNAL), "{}\n");
        return run;
    }

    @Test
    void shouldSayWhenThereIsNoRun() {
        assertThat(RunFolder.existing(state, null)).isEmpty();
        assertThat(RunFolder.existing(state, "20261125-180000-000")).isEmpty();
    }

    @Test
    void shouldRefuseARunIdThatIsAPath() {
        assertThatThrownBy(() -> RunFolder.existing(state, "../../etc")).hasMessageContaining("is not a run id");
    }

    @Test
    void shouldKeepLogsInsideTheRunFolder() {
        RunFolder run = RunFolder.create(state, Instant.EPOCH);
        Path logs = run.path().resolve("logs");

        assertThat(run.log("1.1", 2)).isEqualTo(logs.resolve("1.1.attempt-2.log"));
        assertThat(run.log("2.1/2.1.1", 1)).isEqualTo(logs.resolve("2.1").resolve("2.1.1.attempt-1.log"));
        assertThat(run.log("..", 1).normalize()).startsWithRaw(logs);
        assertThat(run.log("../x", 1).normalize()).startsWithRaw(logs);
        assertThat(run.log("a b/.hidden", 1)).isEqualTo(logs.resolve("a_b").resolve("_.hidden.attempt-1.log"));
        assertThat(run.log("2.1-x_Y", 3)).isEqualTo(logs.resolve("2.1-x_Y.attempt-3.log"));
    }
}
