package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.parse.ParsedPlan;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunEvent;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static LoadedPlan plan() {
        List<Achievement> list = List.of(
                Achievement.builder("1").title("build").hours(2).retries(1).position(0).build(),
                Achievement.builder("2").title("test").dependsOn("1").hours(1).position(1).build(),
                Achievement.builder("3").title("lint").hours(1).retries(1).position(2).build(),
                Achievement.builder("4").title("ship").dependsOn("2", "3").position(3).build());
        return new PlanLoader().load(new ParsedPlan(Plan.of("demo", list), List.of())).requireValid();
    }

    @Test
    void shouldTakeStatesAttemptsRetriesAndChainsFromARealRun() {
        LoadedPlan loaded = plan();
        List<RunEvent> events = new ArrayList<>();
        Scheduler s = new Scheduler(loaded, RunOptions.defaults(), T0, events::add);
        s.start("1", T0);
        s.start("3", T0.plusSeconds(1));
        s.finish("1", AttemptOutcome.failure(1, "flaky network"), T0.plusSeconds(10));
        s.start("1", T0.plusSeconds(11));
        s.finish("3", AttemptOutcome.failure(2, "lint errors"), T0.plusSeconds(12));
        s.start("3", T0.plusSeconds(13));
        s.finish("1", AttemptOutcome.success(), T0.plusSeconds(20));
        s.finish("3", AttemptOutcome.failure(2, "lint errors"), T0.plusSeconds(21));
        s.start("2", T0.plusSeconds(22));
        s.finish("2", AttemptOutcome.success(), T0.plusSeconds(30));

        ReportSnapshot snap = RunReports.ofRun(loaded, "run-1", s.result(), events, Map.of("3", "E501 line too long"));

        assertThat(snap.isRun()).isTrue();
        assertThat(snap.result()).isEqualTo("FAILURE");
        assertThat(snap.countLine()).startsWith("4 achievements: 1 succeeded, 1 flaky, 1 failed, 1 blocked");
        assertThat(snap.chains()).containsExactly("4 BLOCKED ← 3 FAILED (exit 2 after 2 attempts)");
        ReportSnapshot.Entry build = snap.entries().get(0);
        assertThat(build.state()).isEqualTo("FLAKY");
        assertThat(build.reason()).isEqualTo("passed on attempt 2");
        assertThat(build.attempts()).extracting(ReportSnapshot.Attempt::outcome).containsExactly("FAILED", "SUCCEEDED");
        assertThat(build.attempts().get(0).exitCode()).isEqualTo(1);
        assertThat(build.attempts().get(1).startedAt()).isEqualTo(T0.plusSeconds(11));
        assertThat(build.duration()).hasSeconds(19);
        ReportSnapshot.Entry lint = snap.entries().get(2);
        assertThat(lint.state()).isEqualTo("FAILED");
        assertThat(lint.reason()).isEqualTo("exit 2 after 2 attempts");
        assertThat(lint.logTail()).isEqualTo("E501 line too long");
        ReportSnapshot.Entry ship = snap.entries().get(3);
        assertThat(ship.state()).isEqualTo("BLOCKED");
        assertThat(ship.blockedBy()).containsExactly("3");
        assertThat(ship.attempts()).isEmpty();
        // Two attempts overlapped at most: the timeline needs two lanes.
        assertThat(TimelineRenderer.lanes(snap).count()).isEqualTo(2);
        assertThat(TimelineRenderer.lanes(snap).bars()).hasSize(5);
    }

    @Test
    void shouldShowAnAttemptStillRunningWhenTheJournalEnds() {
        LoadedPlan loaded = plan();
        List<RunEvent> events = new ArrayList<>();
        Scheduler s = new Scheduler(loaded, RunOptions.defaults(), T0, events::add);
        s.start("1", T0);
        s.start("3", T0.plusSeconds(1));
        s.finish("3", AttemptOutcome.success(), T0.plusSeconds(5));

        ReportSnapshot snap = RunReports.ofRun(loaded, "run-2", s.result(), events, Map.of());
        assertThat(snap.result()).isEqualTo("FAILURE (unfinished)");
        ReportSnapshot.Entry build = snap.entries().get(0);
        assertThat(build.state()).isEqualTo("RUNNING");
        assertThat(build.attempts()).singleElement().satisfies(a -> {
            assertThat(a.finishedAt()).isNull();
            assertThat(a.outcome()).isNull();
        });
        assertThat(new TimelineRenderer().render(snap)).contains("attempt 1 of 1: RUNNING");
    }

    @Test
    void shouldTakeStatusesAndHeldBackChainsFromAPlanFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        java.nio.file.Path folder = io.parallelplan.core.testing.PlanFolders.in(tmp, "P")
                .achievement("1.1", "schema", 2, List.of())
                .achievement("1.2", "api", 1, List.of("1.1"))
                .achievement("1.3", "ui", 1, List.of("1.2"))
                .achievement("2.1", "docs", 1, List.of())
                .files("execution/feedbacks/APPROVED_11.md", "execution/feedbacks/FIX_12.md",
                        "subplans/SUBPLAN_P_21.md")
                .write();
        io.parallelplan.core.status.PlanStatus status = new io.parallelplan.core.status.StatusReader().read(folder);
        LoadedPlan loaded = new PlanLoader().loadValid(folder);

        ReportSnapshot snap = RunReports.ofStatus(loaded, status);

        assertThat(snap.source()).isEqualTo(ReportSnapshot.Source.FILESYSTEM);
        assertThat(snap.entries()).extracting(ReportSnapshot.Entry::state)
                .containsExactly("COMPLETE", "FAILED", "NOT_STARTED", "SUBPLAN_CREATED");
        assertThat(snap.entries().get(2).blockedBy()).containsExactly("1.2");
        assertThat(snap.chains()).containsExactly("1.3 NOT_STARTED ← 1.2 FAILED");
        assertThat(snap.summaryLine())
                .isEqualTo("4 achievements: 1 complete, 1 failed, 1 subplan_created, 1 not_started");
    }
}
