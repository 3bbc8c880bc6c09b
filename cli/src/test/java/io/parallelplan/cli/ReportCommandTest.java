package io.parallelplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.ledger.RunLedger;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunListener;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.validate.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path tmp;

    private Path plan() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("demo"));
        Files.writeString(folder.resolve("parallel.json"), """
                {"plan_name": "demo", "achievements": [
                  {"achievement_id": "1.1", "title": "build <b>it</b>", "estimated_hours": 2, "dependencies": []},
                  {"achievement_id": "1.2", "title": "test", "estimated_hours": 1, "dependencies": ["1.1"]},
                  {"achievement_id": "2.1", "title": "ship", "dependencies": ["1.2"]}
                ]}
                """);
        return folder;
    }

    /** Records a run in which 1.2 fails with a log, so 2.1 is BLOCKED. */
    private void run(Path folder, String runId, Instant start) throws Exception {
        Path dir = folder.resolve(".parallel-plan/runs/" + runId);
        var loaded = new PlanLoader().loadValid(folder);
        try (RunLedger ledger = RunLedger.create(dir, runId, loaded, RunOptions.defaults(), start,
                RunListener.NONE)) {
            Scheduler s = ledger.scheduler();
            s.start("1.1", start);
            s.finish("1.1", AttemptOutcome.success(), start.plusSeconds(30));
            s.start("1.2", start.plusSeconds(31));
            s.finish("1.2", AttemptOutcome.failure(3, "assertion failed"), start.plusSeconds(50));
        }
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/1.2.attempt-1.log"), "running tests\nexpected 1 but was 2\n");
    }

    @Test
    void shouldReportTheLatestRunOfAPlanAsJunitWithTheLogTail() throws Exception {
        Path folder = plan();
        run(folder, "20260302-090000-000", T0.minusSeconds(3600));
        run(folder, "20260302-100000-000", T0);
        CliRun r = CliRun.of("report", folder.toString(), "--format", "junit");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("<property name=\"run_id\" value=\"20260302-100000-000\"/>")
                .contains("<failure message=\"FAILED: exit 3 after 1 attempt\" type=\"FAILED\">running tests\n"
                        + "expected 1 but was 2</failure>")
                .contains("<skipped message=\"BLOCKED: blocked by 1.2\"/>")
                .contains("name=\"1.1 build &lt;b&gt;it&lt;/b&gt;\"");
    }

    @Test
    void shouldReportANamedRunToAFileAndSayWhatItWrote() throws Exception {
        Path folder = plan();
        run(folder, "20260302-090000-000", T0.minusSeconds(3600));
        run(folder, "20260302-100000-000", T0);
        Path out = tmp.resolve("out/report.html");
        CliRun r = CliRun.of("report", folder.toString(), "--run", "20260302-090000-000", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("Wrote " + out + " (html, run 20260302-090000-000)" + System.lineSeparator());
        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("demo — run 20260302-090000-000")
                .contains("class=\"pp-timeline\"").doesNotContain("<b>it</b>");
    }

    @Test
    void shouldReportARunFolderGivenDirectly() throws Exception {
        Path folder = plan();
        run(folder, "20260302-100000-000", T0);
        CliRun r = CliRun.of("report", folder.resolve(".parallel-plan/runs/20260302-100000-000").toString(),
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("\"run_id\" : \"20260302-100000-000\"").contains("\"state\" : \"BLOCKED\"");
    }

    @Test
    void shouldReportAPlanWithoutRunsAndItsFolderStatuses() throws Exception {
        Path folder = plan();
        CliRun plain = CliRun.of("report", folder.toString(), "--format", "markdown");
        assertThat(plain.exitCode()).as(plain.err()).isEqualTo(ExitCodes.OK);
        assertThat(plain.out()).startsWith("## demo — plan report").contains("Plan only: no run and no statuses");

        Files.createDirectories(folder.resolve("execution/feedbacks"));
        Files.writeString(folder.resolve("execution/feedbacks/APPROVED_11.md"), "ok\n");
        CliRun statuses = CliRun.of("report", folder.toString(), "--format", "mermaid");
        assertThat(statuses.exitCode()).as(statuses.err()).isEqualTo(ExitCodes.OK);
        assertThat(statuses.out()).contains("n0[\"1.1<br/>build #lt;b#gt;it#lt;/b#gt;<br/>COMPLETE\"]")
                .contains("NOT_STARTED");
    }

    @Test
    void shouldPreferThePlanWhenAskedEvenIfItHasRuns() throws Exception {
        Path folder = plan();
        run(folder, "20260302-100000-000", T0);
        CliRun r = CliRun.of("report", folder.toString(), "--plan-only", "--format", "dot");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("digraph \"demo\" {").doesNotContain("FAILED");
    }

    @Test
    void shouldFailWithOneLineForAnUnknownRunABadFormatOrAnInvalidPlan() throws Exception {
        Path folder = plan();
        CliRun missing = CliRun.of("report", folder.toString(), "--run", "20990101-000000-000");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(missing.err()).startsWith("parallel-plan: --run: no run 20990101-000000-000 in ")
                .doesNotContain("Exception");
        CliRun hostile = CliRun.of("report", folder.toString(), "--run", "../../etc");
        assertThat(hostile.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(hostile.err()).contains("is not a run id");
        CliRun format = CliRun.of("report", folder.toString(), "--format", "pdf");
        assertThat(format.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(format.err()).contains("--format");
        Files.writeString(folder.resolve("parallel.json"), "{\"achievements\": [{\"achievement_id\": \"a\", "
                + "\"dependencies\": [\"a2\"]}]}");
        CliRun invalid = CliRun.of("report", folder.toString());
        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(invalid.err()).contains("a2").doesNotContain("Exception");
        CliRun both = CliRun.of("report", folder.toString(), "--plan-only", "--run", "x");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(both.err()).contains("--plan-only and --run exclude each other");
    }

    @Test
    void shouldWarnWhenThePlanChangedSinceTheRunAndStillDrawIt() throws Exception {
        Path folder = plan();
        run(folder, "20260302-100000-000", T0);
        CliRun same = CliRun.of("report", folder.toString(), "--format", "json");
        assertThat(same.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(same.err()).isEmpty();
        // A new dependency changes what 2.1 is: the report warns, then draws today's plan with the run's states.
        Files.writeString(folder.resolve("parallel.json"), Files.readString(folder.resolve("parallel.json"))
                .replace("\"dependencies\": [\"1.2\"]", "\"dependencies\": [\"1.2\", \"1.1\"]"));
        CliRun changed = CliRun.of("report", folder.toString(), "--format", "json");
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(changed.err()).isEqualTo("parallel-plan: warning: the plan changed since run 20260302-100000-000; "
                + "the report draws today's plan with that run's states\n");
        assertThat(changed.out()).contains("\"state\" : \"BLOCKED\"");
    }

    @Test
    void shouldReportAnUnreadableLedgerAfterThePlanIsFoundValidAndThePlansErrorsFirst() throws Exception {
        // The ledger is read on a second thread while the plan is validated: what fails still reads as before.
        Path folder = plan();
        run(folder, "20260302-100000-000", T0);
        Path journal = folder.resolve(".parallel-plan/runs/20260302-100000-000/journal.jsonl");
        Files.writeString(journal, "not a journal\n");
        CliRun torn = CliRun.of("report", folder.toString());
        assertThat(torn.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(torn.err()).startsWith("parallel-plan: ").contains("journal.jsonl").doesNotContain("Exception")
                .hasLineCount(1);
        Files.writeString(folder.resolve("parallel.json"), "{\"achievements\": [{\"achievement_id\": \"a\", "
                + "\"dependencies\": [\"a2\"]}]}");
        CliRun invalid = CliRun.of("report", folder.toString());
        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(invalid.err()).contains("a2").doesNotContain("journal");
    }

    @Test
    void shouldListItsFormatsAndExitCodesInHelp() {
        CliRun r = CliRun.of("report", "--help");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("html|junit|markdown|json|mermaid|dot").contains("Exit codes:")
                .contains("--run=RUN-ID").contains("-o, --output=FILE");
    }
}
