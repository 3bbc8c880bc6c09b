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
import io.parallelplan.core.schedule.SchedulePlan;
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

    /** Runs everything to the end, in rounds five seconds apart; {@code failing} fails with exit 2. */
    private static void runFailing(Scheduler s, String failing) {
        Instant t = T0;
        while (!s.isFinished()) {
            t = t.plusSeconds(5);
            for (String id : s.startable()) {
                s.start(id, t);
            }
            for (String id : s.running()) {
                s.finish(id, id.equals(failing) ? AttemptOutcome.failure(2, "no") : AttemptOutcome.success(), t);
            }
        }
    }

    private static LoadedPlan diamond() {
        return plan(a("1"), a("2", "1"), a("3", "1"), a("4", "2", "3"), a("5"));
    }

    @Test
    void shouldWriteTheSameJournalWithDefinitionHashesTakenBeforehand() throws IOException {
        LoadedPlan plan = plan(a("1"), a("2", "1").subExecutions(List.of(Achievement.builder("2.a").command("x").build())), a("3", "2"));
        SchedulePlan prepared = SchedulePlan.of(plan);
        Path inside = dir.resolve("inside");
        Path given = dir.resolve("given");
        for (Path run : List.of(inside, given)) {
            try (RunLedger ledger = run == inside
                    ? RunLedger.create(run, "same", prepared, RunOptions.defaults(), T0, RunListener.NONE)
                    : RunLedger.create(run, "same", prepared, Definitions.of(plan.plan()), RunOptions.defaults(), T0,
                            RunListener.NONE)) {
                runFailing(ledger.scheduler(), "3");
            }
        }
        for (String file : List.of(RunLedger.JOURNAL, RunLedger.SNAPSHOT, RunLedger.RESULT)) {
            assertThat(given.resolve(file)).hasSameTextualContentAs(inside.resolve(file));
        }
    }

    @Test
    void shouldReadBackWhatTheSchedulerProduced() {
        Path run = dir.resolve("r1");
        List<RunEvent> seen = new ArrayList<>();
        try (RunLedger ledger = RunLedger.create(run, "r1", diamond(), RunOptions.defaults(), T0, seen::add)) {
            Scheduler s = ledger.scheduler();
            runFailing(s, "2");
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
            runFailing(ledger.scheduler(), "2");
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

    @Test
    void shouldReadASnapshotAndTheJournalAfterIt() {
        Path run = dir.resolve("snap");
        RunLedger ledger = RunLedger.create(run, "snap", diamond(), RunOptions.defaults(), T0, RunListener.NONE);
        Scheduler s = ledger.scheduler();
        s.start("1", T0.plusSeconds(1));
        ledger.snapshot();
        s.finish("1", AttemptOutcome.success(), T0.plusSeconds(2));
        s.start("2", T0.plusSeconds(3));

        LedgerState state = RunLedger.read(run);

        assertThat(state.records()).isEqualTo(s.records());
        assertThat(state.events()).isEqualTo(ledger.state().events());
    }

    @Test
    void shouldNameTheLineOfADamagedJournal() throws IOException {
        Path run = dir.resolve("damaged");
        RunLedger ledger = RunLedger.create(run, "damaged", diamond(), RunOptions.defaults(), T0, RunListener.NONE);
        ledger.scheduler().start("1", T0.plusSeconds(1));
        Path journal = run.resolve(RunLedger.JOURNAL);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        lines.set(2, "{garbage");
        Files.write(journal, lines);
        Files.delete(run.resolve(RunLedger.SNAPSHOT));

        assertThatThrownBy(() -> RunLedger.read(run))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("journal.jsonl: line 3 is damaged");
    }

    @Test
    void shouldCompleteACallThatWasCutShortWhenRestoring() throws IOException {
        Path run = dir.resolve("cut");
        RunLedger ledger = RunLedger.create(run, "cut", diamond(), RunOptions.defaults(), T0, RunListener.NONE);
        Scheduler s = ledger.scheduler();
        s.start("1", T0.plusSeconds(1));
        s.finish("1", AttemptOutcome.success(), T0.plusSeconds(2)); // 1 SUCCEEDED, then 2 and 3 READY
        Path journal = run.resolve(RunLedger.JOURNAL);
        List<String> lines = Files.readAllLines(journal);
        // killed after writing "1 SUCCEEDED" but before "2 READY" and "3 READY", mid-way through a line
        String cut = String.join("\n", lines.subList(0, lines.size() - 2)) + "\n" + lines.get(lines.size() - 2)
                .substring(0, 10);
        Files.writeString(journal, cut, StandardCharsets.UTF_8);

        RunLedger again = RunLedger.restore(run, diamond(), RunListener.NONE);

        assertThat(again.scheduler().startable()).containsExactly("2", "3", "5");
        again.close();
        LedgerState state = RunLedger.read(run);
        assertThat(state.tornLineDropped()).isFalse();
        assertThat(state.records()).isEqualTo(again.scheduler().records());
    }

    @Test
    void shouldWriteAndReadTheSharedRunJson() {
        io.parallelplan.core.schedule.RunSummary summary;
        try (RunLedger ledger = RunLedger.create(dir.resolve("json"), "json", diamond(), RunOptions.defaults(), T0,
                RunListener.NONE)) {
            Scheduler s = ledger.scheduler();
            s.start("1", T0.plusSeconds(1));
            s.finish("1", AttemptOutcome.failure(7, "no"), T0.plusSeconds(2));
            summary = s.result().summary();
        }
        String text = RunJson.write(summary);

        assertThat(text).contains("\"exit_code\" : 7", "\"blocked_by\" : [ \"2\", \"1\" ]",
                "\"started_at\" : \"2026-01-01T10:00:01Z\"", "\"blocked\" : 3");
        assertThat(RunJson.readSummary(RunJson.toJson(summary))).isEqualTo(summary);
        RunEvent e = new RunEvent(T0, "2", TaskState.PENDING, TaskState.BLOCKED, 0, null, null,
                io.parallelplan.core.schedule.EventReason.DEPENDENCY_FAILED, "1");
        assertThat(RunJson.readEvent(RunJson.line(e))).isEqualTo(e);
    }

    @Test
    void shouldLeaveNoJournalWhenTheRunCannotStart() {
        Path run = dir.resolve("refused");
        RunOptions bad = RunOptions.builder().skip("nope", "excluded").build();

        assertThatThrownBy(() -> RunLedger.create(run, "refused", diamond(), bad, T0, RunListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot skip \"nope\"");
        assertThat(run.resolve(RunLedger.JOURNAL)).doesNotExist();
    }
}
