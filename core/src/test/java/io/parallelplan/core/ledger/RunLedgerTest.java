package io.parallelplan.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.parse.ParsedPlan;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunEvent;
import io.parallelplan.core.schedule.RunListener;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.schedule.TaskState;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLedgerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path dir;

    private static LoadedPlan plan(Achievement.Builder... builders) {
        List<Achievement> list = new ArrayList<>();
        for (int i = 0; i < builders.length; i++) {
            list.add(builders[i].position(i).build());
        }
        return new PlanLoader().load(new ParsedPlan(Plan.of("ledger-test", list), List.of())).requireValid();
    }

    private static Achievement.Builder a(String id, String... deps) {
        return Achievement.builder(id).dependsOn(deps).command("make " + id);
    }

    private static LoadedPlan diamond() {
        return plan(a("1"), a("2", "1"), a("3", "1"), a("4", "2", "3"), a("5"));
    }

    @Test
    void shouldReadBackWhatTheSchedulerProduced() {
        Path run = dir.resolve("r1");
        List<RunEvent> seen = new ArrayList<>();
        try (RunLedger ledger = RunLedger.create(run, "r1", diamond(), RunOptions.defaults(), T0, seen::add)) {
            Scheduler s = ledger.scheduler();
            Instant t = T0;
            while (!s.isFinished()) {
                t = t.plusSeconds(5);
                for (String id : s.startable()) {
                    s.start(id, t);
                }
                for (String id : s.running()) {
                    s.finish(id, id.equals("2") ? AttemptOutcome.failure(2, "no") : AttemptOutcome.success(), t);
                }
            }
            ledger.close();
            LedgerState state = RunLedger.read(run);
            assertThat(state.summary()).isEqualTo(s.result().summary());
            assertThat(state.result().countLine()).isEqualTo(s.result().countLine());
        }
        assertThat(seen).isNotEmpty();
        assertThat(run.resolve(RunLedger.RESULT)).content(StandardCharsets.UTF_8).contains("\"result\" : \"FAILURE\"");
    }

    @Test
    void shouldDropATornLastLine() throws IOException {
        Path run = dir.resolve("torn");
        RunLedger ledger = RunLedger.create(run, "torn", diamond(), RunOptions.defaults(), T0, RunListener.NONE);
        Scheduler s = ledger.scheduler();
        s.start("1", T0.plusSeconds(1));
        s.finish("1", AttemptOutcome.success(), T0.plusSeconds(2));
        Files.writeString(run.resolve(RunLedger.JOURNAL), "{\"type\":\"event\",\"time\":\"2026-",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        LedgerState state = RunLedger.read(run);

        assertThat(state.tornLineDropped()).isTrue();
        assertThat(state.record("1").orElseThrow().state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(state.record("2").orElseThrow().state()).isEqualTo(TaskState.READY);
    }

    @Test
    void shouldRestoreTheSameRunWithRunningTasksStillRunning() {
        Path run = dir.resolve("restore");
        RunLedger first = RunLedger.create(run, "restore", diamond(), RunOptions.defaults(), T0, RunListener.NONE);
        Scheduler s = first.scheduler();
        s.start("1", T0.plusSeconds(1));
        s.start("5", T0.plusSeconds(1));
        s.finish("1", AttemptOutcome.success(), T0.plusSeconds(2));
        s.start("2", T0.plusSeconds(3));
        // the controller restarts: the ledger is never closed

        RunLedger again = RunLedger.restore(run, diamond(), RunListener.NONE);
        Scheduler r = again.scheduler();

        assertThat(r.running()).containsExactly("2", "5");
        assertThat(r.startable()).containsExactly("3");
        r.finish("2", AttemptOutcome.success(), T0.plusSeconds(4));
        again.close();
        assertThat(RunLedger.read(run).record("2").orElseThrow().state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void shouldRefuseToRestoreWithAChangedPlan() {
        Path run = dir.resolve("changed");
        RunLedger.create(run, "changed", diamond(), RunOptions.defaults(), T0, RunListener.NONE).close();
        LoadedPlan edited = plan(a("1"), a("2", "1"), a("3", "1"), a("4", "2", "3"), a("5").command("other"));

        assertThatThrownBy(() -> RunLedger.restore(run, edited, RunListener.NONE))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("different plan");
    }

    @Test
    void shouldResumeRerunningFailuresChangesAndTheirDependents() {
        Path run = dir.resolve("old");
        try (RunLedger ledger = RunLedger.create(run, "old", diamond(), RunOptions.defaults(), T0, RunListener.NONE)) {
            Scheduler s = ledger.scheduler();
            Instant t = T0;
            while (!s.isFinished()) {
                t = t.plusSeconds(5);
                for (String id : s.startable()) {
                    s.start(id, t);
                }
                for (String id : s.running()) {
                    s.finish(id, id.equals("2") ? AttemptOutcome.failure(1, null) : AttemptOutcome.success(), t);
                }
            }
        }
        LoadedPlan edited = plan(a("1"), a("2", "1"), a("3", "1").command("fixed"), a("4", "2", "3"), a("5"));

        ResumePlan resume = ResumePlan.of(RunLedger.read(run), edited);

        assertThat(resume.skip()).containsOnlyKeys("1", "5").containsEntry("1", "done in run old");
        assertThat(resume.rerun()).containsOnlyKeys("2", "3", "4")
                .containsEntry("2", "FAILED in run old")
                .containsEntry("3", "definition changed since run old");
        Scheduler next = new Scheduler(edited, resume.applyTo(RunOptions.builder()).build(), T0.plusSeconds(60));
        assertThat(next.startable()).containsExactly("2", "3");
        assertThat(next.result().status()).isEqualTo(RunStatus.FAILURE);
    }
}
