package io.parallelplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assign}, and the assignment file it writes as {@code status} and {@code report} read it. */
class AssignCommandTest {
    private static final Path EXAMPLE = Path.of("../examples/methodology");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path exampleCopy() throws IOException {
        Path copy = tmp.resolve("methodology");
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(EXAMPLE.relativize(p).toString()));
            }
        }
        return copy;
    }

    @Test
    void shouldPrintEachExecutorsOrderIdleTimeAndTheSyncPoints() {
        CliRun run = CliRun.of("assign", EXAMPLE.toString(), "--executors", "2");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains(
                "Plan NOTES-SEARCH on 2 executors (e1, e2): makespan 9 h\n",
                "e1: 3 achievements, busy 9 h, idle 0 h\n",
                "    1. 1.2         0 h -> 3 h    Tokenizer Written\n",
                "    2. 2.1         3 h -> 7 h    Indexer Built\n",
                "e2: 2 achievements, busy 4 h, idle 5 h\n",
                "  waits for:\n    starts 2.2 after e1's 1.2 is APPROVED\n",
                "Sync points (3):\n"
                        + "  e1 starts 2.1 after e2's 1.1 is APPROVED\n"
                        + "  e2 starts 2.2 after e1's 1.2 is APPROVED\n"
                        + "  e1 starts 3.1 after e2's 2.2 is APPROVED\n");
        assertThat(CliRun.of("analyze", EXAMPLE.toString(), "--executors", "2").out())
                .contains("Makespan with 2 executors: 9 h");
    }

    @Test
    void shouldGiveOneExecutorThePseudoParallelOrder() {
        CliRun run = CliRun.of("assign", EXAMPLE.toString(), "--executors", "1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("makespan 13 h", "SUBPLAN batches:\n  batch 1: 1.2, 1.1\n  batch 2: 2.1, 2.2\n"
                + "  batch 3: 3.1\n", "Execution order:\n    1. 1.2 ").doesNotContain("Sync points");
    }

    @Test
    void shouldPrintTheJsonContractWithTheMakespanAnalyzePrints() throws IOException {
        CliRun run = CliRun.of("assign", EXAMPLE.toString(), "--executors", "3", "--format", "json",
                "--estimates", "lower");
        JsonNode json = JSON.readTree(run.out());
        JsonNode analysis = JSON.readTree(CliRun.of("analyze", EXAMPLE.toString(), "--executors", "3", "--format",
                "json", "--estimates", "lower").out());

        assertThat(run.exitCode()).isZero();
        assertThat(json.get("makespan_hours").asDouble()).isEqualTo(analysis.get("makespan_hours").asDouble());
        List<String> names = new ArrayList<>();
        json.get("executors").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("e1", "e2", "e3");
        JsonNode slot = json.get("executors").get("e1").get(0);
        assertThat(slot.get("id").isTextual()).isTrue();
        assertThat(slot.get("start_hours").isNumber()).isTrue();
        assertThat(slot.get("end_hours").isNumber()).isTrue();
        JsonNode sync = json.get("sync_points").get(0);
        assertThat(sync.fieldNames()).toIterable().containsExactly("id", "executor", "waits_for", "on");
        assertThat(json.get("idle_hours").get("e3").isNumber()).isTrue();
    }

    @Test
    void shouldPinAchievementsToNamedExecutorsAsAnalyzeDoes() throws IOException {
        Path plan = CliRun.planFile(tmp, """
                {"plan_name": "PINS", "achievements": [
                  {"achievement_id": "1.1", "title": "Long", "estimated_hours": 5},
                  {"achievement_id": "1.2", "title": "Alice's", "estimated_hours": 2, "executor": "alice"},
                  {"achievement_id": "2.1", "title": "After", "estimated_hours": 1, "dependencies": ["1.2"],
                   "executor": "bob"}
                ]}
                """);
        JsonNode json = JSON.readTree(CliRun.of("assign", plan.toString(), "--executors", "alice, bob",
                "--format", "json").out());

        assertThat(json.get("executors").get("alice").findValuesAsText("id")).containsExactly("1.2");
        assertThat(json.get("executors").get("bob").findValuesAsText("id")).containsExactly("1.1", "2.1");
        assertThat(json.get("makespan_hours").asDouble()).isEqualTo(6);
        assertThat(CliRun.of("analyze", plan.toString(), "--executors", "alice,bob").out())
                .contains("Makespan with 2 executors (alice, bob): 6 h (no schedule beats 5 h)\n");
    }

    @Test
    void shouldPrintMarkdownWhosePlanTextCannotBreakIt() throws IOException {
        Path plan = CliRun.planFile(tmp, """
                {"plan_name": "MD", "achievements": [
                  {"achievement_id": "1.1", "title": "# not | a heading\\n- nor a list", "estimated_hours": 1},
                  {"achievement_id": "1.2", "title": "Two", "estimated_hours": 1, "dependencies": ["1.1"]}
                ]}
                """);
        CliRun run = CliRun.of("assign", plan.toString(), "--executors", "2", "--format", "markdown");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("# Plan MD on 2 executors (e1, e2): makespan 2 h\n\n")
                .contains("## e1: 2 achievements, busy 2 h, idle 0 h\n",
                        "| # | id | title | start | end |\n",
                        "| 1 | 1.1 | \\# not \\| a heading - nor a list | 0 h | 1 h |\n",
                        "## Sync points (0)\n");
        assertThat(run.out().lines().filter(l -> l.startsWith("- nor"))).isEmpty();
    }

    @Test
    void shouldWriteTheJsonWithOutput() throws IOException {
        Path file = tmp.resolve("out/assignment.json");
        CliRun run = CliRun.of("assign", EXAMPLE.toString(), "--executors", "alice,bob", "-o", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Plan NOTES-SEARCH on 2 executors (alice, bob)");
        assertThat(run.err()).isEqualTo("Wrote " + file + " (2 executors, 3 sync points)\n");
        assertThat(Files.readString(file)).isEqualTo(CliRun.of("assign", EXAMPLE.toString(), "--executors",
                "alice,bob", "--format", "json").out());
    }

    @Test
    void shouldRefuseBadExecutorsAndOutputsWithOneLineAndExit2() throws IOException {
        for (String[] bad : List.of(
                new String[] {"--executors", "0"},
                new String[] {"--executors", ""},
                new String[] {"--executors", "alice,,bob"},
                new String[] {"--executors", "alice,alice"},
                new String[] {"--executors", "al\u0007ice"},
                new String[] {"--executors", "6"},
                new String[] {"--executors", "a,b,c,d,e,f"},
                new String[] {"--executors", "2", "-o", tmp.toString()},
                new String[] {"--executors", "2", "--format", "yaml"})) {
            List<String> args = new ArrayList<>(List.of("assign", EXAMPLE.toString()));
            args.addAll(List.of(bad));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", bad)).isEqualTo(ExitCodes.INVALID);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines().toList()).as(String.join(" ", bad)).hasSize(2)
                    .last().asString().startsWith("Try 'parallel-plan assign --help'");
            assertThat(run.err()).doesNotContain("\u0007", "Exception");
        }
        assertThat(CliRun.of("assign", EXAMPLE.toString(), "--executors", "6").err())
                .contains("--executors gives 6 executors but the plan has 5 achievements; give at most 5");
        assertThat(CliRun.of("assign", EXAMPLE.toString()).exitCode()).isEqualTo(ExitCodes.INVALID);
        CliRun missing = CliRun.of("assign", tmp.resolve("nowhere").toString(), "--executors", "2");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(missing.err()).contains("nowhere");
    }

    @Test
    void shouldTellEachExecutorWhatToDoNextFromTheAssignment() throws IOException {
        Path file = tmp.resolve("assignment.json");
        CliRun.of("assign", EXAMPLE.toString(), "--executors", "alice,bob", "-o", file.toString());

        CliRun bob = CliRun.of("status", EXAMPLE.toString(), "--assignment", file.toString(), "--executor", "bob");

        assertThat(bob.exitCode()).isZero();
        assertThat(bob.err()).isEmpty();
        assertThat(bob.out()).isEqualTo("""
                Executor bob: 1/2 done
                  next: 2.2 Query Parser Written: create subplans/SUBPLAN_NOTES-SEARCH_22.md
                    1.1      complete           0 h -> 2 h  Index Format Defined
                    2.2      not_started        3 h -> 5 h  Query Parser Written
                  waited on by:
                    alice's 3.1 waits for 2.2: not_started
                """);
        CliRun all = CliRun.of("status", EXAMPLE.toString(), "--assignment", file.toString());
        assertThat(all.out()).contains("Executor alice: 1/3 done\n  next: 2.1 Indexer Built: do the work of "
                + "execution/EXECUTION_TASK_NOTES-SEARCH_21_01.md", "  waiting on:\n    3.1 waits for bob's 2.2: "
                + "not_started\n", "\n\nExecutor bob: 1/2 done\n");
        JsonNode json = JSON.readTree(CliRun.of("status", EXAMPLE.toString(), "--assignment", file.toString(),
                "--executor", "alice", "--format", "json").out());
        JsonNode alice = json.get("executors").get(0);
        assertThat(alice.get("executor").asText()).isEqualTo("alice");
        assertThat(alice.get("next").get("action").asText()).isEqualTo("execute");
        assertThat(alice.get("waiting_on").get(0).get("waits_for").asText()).isEqualTo("2.2");
        assertThat(json.get("warnings")).isEmpty();
    }

    @Test
    void shouldShowAFixHoldingBackAnotherExecutor() throws IOException {
        Path copy = exampleCopy();
        Files.delete(copy.resolve("execution/feedbacks/APPROVED_12.md"));
        Path file = tmp.resolve("assignment.json");
        CliRun.of("assign", copy.toString(), "--executors", "alice,bob", "-o", file.toString());

        CliRun bob = CliRun.of("status", copy.toString(), "--assignment", file.toString(), "--executor", "bob");

        assertThat(bob.out()).contains("Executor bob: 1/2 done\n  next: nothing can be done now; it waits (below)\n",
                "  waiting on:\n    2.2 waits for alice's 1.2: failed (execution/feedbacks/FIX_12.md)\n");
        assertThat(CliRun.of("status", copy.toString(), "--assignment", file.toString(), "--executor", "alice")
                .out()).contains("next: 1.2 Tokenizer Written: answer execution/feedbacks/FIX_12.md and have it "
                        + "reviewed again", "  waited on by:\n    bob's 2.2 waits for 1.2: failed "
                        + "(execution/feedbacks/FIX_12.md)\n");
    }

    @Test
    void shouldRefuseOrWarnAboutABadOrStaleAssignment() throws IOException {
        Path file = tmp.resolve("assignment.json");
        CliRun.of("assign", EXAMPLE.toString(), "--executors", "alice,bob", "-o", file.toString());
        String path = file.toString();

        CliRun unknown = CliRun.of("status", EXAMPLE.toString(), "--assignment", path, "--executor", "carol");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(unknown.err()).contains("--executor: no executor carol in the assignment; it has alice, bob");

        CliRun alone = CliRun.of("status", EXAMPLE.toString(), "--executor", "bob");
        assertThat(alone.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(alone.err()).contains("--executor needs --assignment FILE");

        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"executors\": ");
        CliRun bad = CliRun.of("status", EXAMPLE.toString(), "--assignment", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(bad.err()).startsWith("parallel-plan: " + broken + ":1:").contains("not valid JSON")
                .doesNotContain("Exception");

        Path copy = exampleCopy();
        String plan = Files.readString(copy.resolve("parallel.json"));
        Files.writeString(copy.resolve("parallel.json"), plan.replace("\"dependencies\": [\"2.1\", \"2.2\"]",
                "\"dependencies\": [\"2.1\"]"));
        CliRun stale = CliRun.of("status", copy.toString(), "--assignment", path, "--executor", "alice");
        assertThat(stale.exitCode()).isZero();
        assertThat(stale.err()).contains("parallel-plan: warning: " + path + ": it lists sync points the plan's "
                + "dependencies no longer make: 3.1 waits for 2.2\n", "run parallel-plan assign again");
        assertThat(stale.out()).doesNotContain("waiting on:");

        Files.writeString(copy.resolve("parallel.json"), plan.replace(",\n    {\"achievement_id\": \"3.1\"",
                ",\n    {\"achievement_id\": \"3.9\""));
        CliRun gone = CliRun.of("status", copy.toString(), "--assignment", path);
        assertThat(gone.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(gone.err()).contains("achievement 3.1 (executor alice) is not in the plan");
    }

    @Test
    void shouldDrawTheAssignmentInTheHtmlReportOnly() throws IOException {
        Path file = tmp.resolve("assignment.json");
        CliRun.of("assign", EXAMPLE.toString(), "--executors", "alice,bob", "-o", file.toString());

        CliRun html = CliRun.of("report", EXAMPLE.toString(), "--assignment", file.toString());
        assertThat(html.exitCode()).isZero();
        assertThat(html.out()).contains("<h3>Assignment</h3>", ">alice</text>", ">bob</text>",
                "alice starts 2.1 after bob’s 1.1 is APPROVED");
        assertThat(CliRun.of("report", EXAMPLE.toString()).out()).doesNotContain("<h3>Assignment</h3>");

        Path out = tmp.resolve("report.html");
        CliRun written = CliRun.of("report", EXAMPLE.toString(), "--assignment", file.toString(), "-o",
                out.toString());
        assertThat(written.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo(html.out());

        CliRun junit = CliRun.of("report", EXAMPLE.toString(), "--assignment", file.toString(), "--format", "junit");
        assertThat(junit.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(junit.err()).contains("--assignment is drawn by the html report only");
    }
}
