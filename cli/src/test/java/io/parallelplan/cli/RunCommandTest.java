package io.parallelplan.cli;

import static io.parallelplan.cli.RunPlans.achievement;
import static io.parallelplan.cli.RunPlans.mark;
import static io.parallelplan.cli.RunPlans.markers;
import static io.parallelplan.cli.RunPlans.onlyRun;
import static io.parallelplan.cli.RunPlans.plan;
import static io.parallelplan.cli.RunPlans.run;
import static io.parallelplan.cli.RunPlans.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parallelplan.cli.RunPlans.Result;
import io.parallelplan.core.ledger.RunLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldRunEveryAchievementAfterItsDependenciesAndSucceed() throws Exception {
        plan(dir, achievement("1.1", "echo output of $PARALLEL_PLAN_ACHIEVEMENT; " + mark("1.1")),
                achievement("2.1", mark("2.1"), "1.1"), achievement("2.2", mark("2.2"), "1.1"));

        Result r = run(dir.toString(), "--max-parallel", "2");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("[", "] 1.1 RUNNING (attempt 1)", "2.2 SUCCEEDED in ")
                .contains("3 achievements: 3 succeeded, 0 flaky, 0 failed, 0 blocked, 0 cancelled, 0 skipped — SUCCESS")
                .doesNotContain("To resume");
        assertThat(markers(dir)).hasSize(3).first().isEqualTo("1.1");
        Path run = onlyRun(dir);
        assertThat(run.resolve("logs/1.1.attempt-1.log")).content().isEqualTo("output of 1.1\n");
        assertThat(run.resolve("logs/2.1.attempt-1.log")).as("an attempt that printed nothing").doesNotExist();
        assertThat(run.resolve(RunLedger.RESULT)).content().contains("\"SUCCESS\"");
        assertThat(RunLedger.read(run).isFinished()).isTrue();
    }

    @Test
    void shouldBlockDependentsOfAFailureWithTheChainAndKeepGoing() throws Exception {
        plan(dir, achievement("1.1", "echo 'disk full on /var'; exit 3"), achievement("1.2", mark("1.2")),
                achievement("2.1", mark("2.1"), "1.1"), achievement("3.1", mark("3.1"), "2.1"));

        Result r = run(dir.toString(), "--max-parallel", "2");

        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out())
                .contains("4 achievements: 1 succeeded, 0 flaky, 1 failed, 2 blocked, 0 cancelled, 0 skipped — FAILURE")
                .contains("1.1 FAILED (exit 3 after 1 attempt) — Achievement 1.1")
                .contains("    | disk full on /var")
                .contains("3.1 BLOCKED ← 2.1 BLOCKED ← 1.1 FAILED (exit 3 after 1 attempt)")
                .contains("To resume: parallel-plan run " + dir + " --max-parallel 2 --resume ");
        assertThat(markers(dir)).containsExactly("1.2");
    }

    @Test
    void shouldWriteTheHtmlReportOfTheRunWithReport() throws Exception {
        plan(dir, achievement("1.1", "exit 4"), achievement("2.1", mark("2.1"), "1.1"));
        Path html = dir.resolve("out/run.html");

        Result r = run(dir.toString(), "--report", html.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("Report: " + html);
        assertThat(html).content().contains("<svg", "BLOCKED", "FAILED", "Achievement 2.1");
    }

    @Test
    void shouldRefuseReportWithDryRun() throws Exception {
        plan(dir, achievement("1.1", "true"));

        Result r = run(dir.toString(), "--dry-run", "--report", dir.resolve("r.html").toString());

        assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("--report needs a real run");
    }

    @Test
    void shouldBeUnstableWhenOnlyAnOptionalAchievementFails() throws Exception {
        plan(dir, achievement("1.1", "true"), with(achievement("1.2", "exit 1"), "optional", true));

        Result r = run(dir.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(r.out()).contains("1.2 FAILED (exit 1 after 1 attempt), optional").contains("— UNSTABLE")
                .contains("    (no output)");
    }

    @Test
    void shouldRetryAFailedAttemptAndCallItFlaky() throws Exception {
        String flaky = mark("1.1") + "; [ \"$PARALLEL_PLAN_ATTEMPT\" -ge 3 ]";
        plan(dir, achievement("1.1", flaky), with(achievement("1.2", "echo no; exit 4"), "retries", 1));

        Result r = run(dir.toString(), "--retries", "2");

        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("1.1 attempt 1 failed (exit 1) — will retry")
                .contains("1.1 FLAKY in ").contains("(passed on attempt 3)")
                .contains("1.2 FAILED (exit 4 on attempt 2)")
                .contains("1 flaky, 1 failed");
        assertThat(markers(dir)).containsExactly("1.1", "1.1", "1.1");
        assertThat(onlyRun(dir).resolve("logs/1.2.attempt-1.log")).content().isEqualTo("no\n");
        assertThat(onlyRun(dir).resolve("logs/1.2.attempt-2.log")).content().isEqualTo("no\n");
    }

    @Test
    void shouldReportAnAttemptKilledFromOutsideAsFailedWhenTheRunnerIsNotInterrupted() throws Exception {
        plan(dir, achievement("1.1", "kill -s TERM $$"));

        Result r = run(dir.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("1.1 FAILED (exit 143)");
    }

    @Test
    void shouldRunSubExecutionsAsTasksOfTheirAchievement() throws Exception {
        Map<String, Object> parts = achievement("2.1", null, "1.1");
        parts.put("sub_executions", List.of(
                Map.of("execution_id", "2.1.1", "command", "echo part $PARALLEL_PLAN_ACHIEVEMENT"),
                Map.of("execution_id", "2.1.2", "command", "echo broken; exit 4")));
        plan(dir, achievement("1.1", "true"), parts, achievement("3.1", mark("3.1"), "2.1"));

        Result r = run(dir.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("2.1/2.1.2 FAILED (exit 4)")
                .contains("3.1 BLOCKED ← 2.1 FAILED ← 2.1/2.1.2 FAILED (exit 4 after 1 attempt)");
        assertThat(onlyRun(dir).resolve("logs/2.1/2.1.1.attempt-1.log")).content().isEqualTo("part 2.1/2.1.1\n");
        assertThat(markers(dir)).isEmpty();
    }

    @Test
    void shouldRefuseAPlanWhereSomethingHasNothingToRunBeforeStartingAnything() throws Exception {
        plan(dir, achievement("1.1", mark("1.1")), achievement("1.2", null),
                with(achievement("1.3", null), "validation_script", "checks/missing.sh"));

        Result r = run(dir.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("nothing to run for 2 achievements")
                .contains("  1.2: no command, no validation_script")
                .contains("  1.3: validation_script checks/missing.sh not found");
        assertThat(markers(dir)).isEmpty();
        assertThat(dir.resolve(".parallel-plan")).doesNotExist();
    }

    @Test
    void shouldRunAValidationScriptFromThePlanFolder() throws Exception {
        Files.createDirectories(dir.resolve("checks"));
        Files.writeString(dir.resolve("checks/check.sh"), "echo checked-$PARALLEL_PLAN_ACHIEVEMENT >> markers\n");
        plan(dir, with(achievement("1.1", null), "validation_script", "checks/check.sh"));

        assertThat(run(dir.toString()).code()).isZero();
        assertThat(markers(dir)).containsExactly("checked-1.1");
    }

    @Test
    void shouldRunOnlyTheChosenAchievementsAndTheirDependenciesWhenAsked() throws Exception {
        plan(dir, achievement("1.1", mark("1.1")), achievement("1.2", mark("1.2")),
                achievement("2.1", mark("2.1"), "1.1"));

        Result only = run(dir.toString(), "--only", "2.1");
        assertThat(only.code()).isZero();
        assertThat(only.out()).contains("1.1 SKIPPED (not chosen by --only)");
        assertThat(markers(dir)).containsExactly("2.1");

        Files.delete(dir.resolve("markers"));
        Result withDeps = run(dir.toString(), "--only", "2.1", "--with-deps");
        assertThat(withDeps.code()).isZero();
        assertThat(markers(dir)).containsExactly("1.1", "2.1");
        assertThat(withDeps.out()).contains("2 succeeded, 0 flaky, 0 failed, 0 blocked, 0 cancelled, 1 skipped");
    }

    @Test
    void shouldPrintTheDryRunWithoutRunningAnything() throws Exception {
        plan(dir, with(achievement("1.1", mark("1.1")), "estimated_hours", 2),
                with(achievement("1.2", mark("1.2")), "estimated_hours", 1),
                with(achievement("2.1", mark("2.1"), "1.1", "1.2"), "estimated_hours", 3));

        Result r = run(dir.toString(), "--dry-run", "--max-parallel", "1");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Start order")
                .containsSubsequence("+0h      1.1", "$ echo 1.1 >> markers", "+2h      1.2", "+3h      2.1")
                .contains("  1: 1.1, 1.2", "  2: 2.1")
                .contains("Critical path: 1.1 → 2.1 (5h)")
                .contains("Makespan estimate with 1 at once: 6h");
        assertThat(markers(dir)).isEmpty();
        assertThat(dir.resolve(".parallel-plan")).doesNotExist();
    }

    @Test
    void shouldSubstituteExecPlaceholdersAsSingleShellWords() throws Exception {
        String hostile = "x'; touch pwned; echo \"$(touch pwned2)\" `touch pwned3` \\";
        plan(dir, with(achievement("1.10", null), "title", hostile));

        Result r = run(dir.toString(), "--exec", "printf '%s|%s|%s|%s' {id} {nn} {title} {plan} > out-{nn}.txt");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(dir.resolve("out-110.txt")).content().isEqualTo("1.10|110|" + hostile + "|TEST-PLAN");
        assertThat(dir.resolve("pwned")).doesNotExist();
        assertThat(dir.resolve("pwned2")).doesNotExist();
        assertThat(dir.resolve("pwned3")).doesNotExist();
    }

    @Test
    void shouldPrintTheFinalResultAsJson() throws Exception {
        plan(dir, achievement("1.1", "exit 2"), achievement("2.1", "true", "1.1"), achievement("1.2", "true"));

        Result r = run(dir.toString(), "--format", "json");

        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("result", "counts", "achievements");
        assertThat(json.get("result").asText()).isEqualTo("FAILURE");
        assertThat(json.get("counts").get("blocked").asInt()).isEqualTo(1);
        JsonNode failed = json.get("achievements").get("1.1");
        assertThat(failed.fieldNames()).toIterable()
                .containsExactly("state", "attempts", "exit_code", "blocked_by", "started_at", "finished_at");
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("exit_code").asInt()).isEqualTo(2);
        assertThat(json.get("achievements").get("2.1").get("blocked_by").toString()).isEqualTo("[\"1.1\"]");
        assertThat(r.err()).contains("1.1 RUNNING").contains("— FAILURE");
        assertThat(onlyRun(dir).resolve(RunLedger.RESULT)).content().isEqualTo(r.out());
    }

    @Test
    void shouldResumeWithoutRerunningWhatPassed() throws Exception {
        plan(dir, achievement("1.1", mark("1.1")), achievement("1.2", mark("1.2") + "; test -f fixed"),
                achievement("2.1", mark("2.1"), "1.2"));
        assertThat(run(dir.toString()).code()).isEqualTo(ExitCodes.FAILURE);
        Files.writeString(dir.resolve("fixed"), "");

        Result resumed = run(dir.toString(), "--resume");

        assertThat(resumed.code()).as(resumed.out()).isZero();
        assertThat(resumed.out()).contains("1.1 SKIPPED (done in run ");
        assertThat(markers(dir)).containsExactlyInAnyOrder("1.1", "1.2", "1.2", "2.1");
    }

    @Test
    void shouldKillTheWholeProcessTreeOfATimedOutAttempt() throws Exception {
        plan(dir, achievement("1.1", "sleep 30 & echo $! > sleeper.pid; wait"));

        Result r = run(dir.toString(), "--timeout", "0.02");

        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("1.1 FAILED (timed out after 1.2s)");
        long pid = Long.parseLong(Files.readString(dir.resolve("sleeper.pid")).trim());
        assertThat(ProcessWaits.dies(pid)).as("the background sleep %d was killed", pid).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--max-parallel 0|--max-parallel must be at least 1 (got 0)",
        "--policy sometimes|--policy: unknown failure policy",
        "--min-score 0.5|--min-score needs --policy threshold",
        "--policy threshold|--policy threshold needs --min-score",
        "--policy threshold --min-score 1.5|--min-score must be between 0 and 1",
        "--drain|--drain needs --policy fail-fast",
        "--retries -1|--retries cannot be negative",
        "--timeout 0|--timeout must be a number of minutes above 0",
        "--with-deps|--with-deps needs --only",
        "--only 9.9|--only: no achievement \"9.9\"",
        "--format xml|--format must be text or json",
        "--resume|--resume: no run yet",
        "--resume=../x|--resume: '../x' is not a run id",
    })
    void shouldRejectBadOptionsWithOneLine(String options, String message) throws Exception {
        plan(dir, achievement("1.1", mark("1.1")));
        List<String> args = new java.util.ArrayList<>(List.of(dir.toString()));
        args.addAll(List.of(options.split(" ")));

        Result r = run(args.toArray(new String[0]));

        assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("parallel-plan run: ").contains(message);
        assertThat(markers(dir)).isEmpty();
    }

    @Test
    void shouldRefuseAnInvalidPlanWithItsErrors() throws Exception {
        plan(dir, achievement("1.1", "true", "1.2"), achievement("1.2", "true", "1.1"));

        Result r = run(dir.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("error [cycle]").contains("invalid plan, 1 error");
        assertThat(dir.resolve(".parallel-plan")).doesNotExist();
    }
}
