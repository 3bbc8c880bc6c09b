package io.parallelplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    private static final String VALID = """
            {"plan_name": "DEMO", "parallelization_level": "level_2", "achievements": [
              {"achievement_id": "1.1", "dependencies": [], "estimated_hours": 2},
              {"achievement_id": "1.2", "dependencies": ["1.1"], "estimated_hours": "1-3"}
            ]}
            """;
    private static final String WARNED = """
            {"plan_name": "WARNED", "parallelization_level": "level_2", "achievements": [
              {"achievement_id": "1.1", "dependencies": [], "status": "done", "colour": "red"}
            ]}
            """;
    private static final String INVALID = """
            {"plan_name": "BAD", "parallelization_level": "level_2", "achievements": [
              {"achievement_id": "1.1", "dependencies": ["1.3"]},
              {"achievement_id": "1.2", "dependencies": ["1.1"], "status": "done"},
              {"achievement_id": "1.3", "dependencies": ["1.2"]},
              {"achievement_id": "1.4", "dependencies": ["1.22"]}
            ]}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path write(String name, String json) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        return Files.writeString(folder.resolve("parallel.json"), json);
    }

    @Test
    void shouldExitZeroForAValidPlanGivenAsFolder() throws IOException {
        Path file = write("ok", VALID);
        assertThat(run("validate", file.getParent().toString())).isEqualTo(0);
        assertThat(out.toString()).isEqualTo(file + ": valid plan, 0 errors, 0 warnings, 0 info" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldExitZeroWithWarningsUnlessStrict() throws IOException {
        Path file = write("warned", WARNED);
        assertThat(run("validate", file.toString())).isEqualTo(0);
        assertThat(out.toString()).contains(file + ":2:3: warning [unknown-status] 1.1: status \"done\"")
                .contains("valid plan, 0 errors, 1 warning, 1 info");
    }

    @Test
    void shouldExitOneForWarningsUnderStrict() throws IOException {
        Path file = write("warned", WARNED);
        assertThat(run("validate", "--strict", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("valid plan, but --strict fails on warnings: 0 errors, 1 warning, 1 info");
    }

    @Test
    void shouldExitTwoAndGroupFindingsBySeverity() throws IOException {
        Path file = write("bad", INVALID);
        assertThat(run("validate", file.toString())).isEqualTo(2);
        String[] lines = out.toString().split("\\R");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo(file + ":2:46: error [cycle] 1.1: dependency cycle among 3 achievements: "
                + "1.1 → 1.2 → 1.3 → 1.1 (each needs the one before it); remove any one of these dependencies: "
                + "1.2 on 1.1, 1.3 on 1.2, 1.1 on 1.3");
        assertThat(lines[1]).startsWith(file + ":5:46: error [unknown-dependency] 1.4: depends on \"1.22\"")
                .contains("did you mean \"1.2\"?");
        assertThat(lines[2]).startsWith(file + ":3:3: warning [unknown-status] 1.2:");
        assertThat(lines[3]).isEqualTo(file + ": invalid plan, 2 errors, 1 warning, 0 info");
    }

    @Test
    void shouldPrintJson() throws IOException {
        Path file = write("bad", INVALID);
        assertThat(run("validate", "--format", "json", file.toString())).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("file").asText()).isEqualTo(file.toString());
        assertThat(json.get("counts").get("error").asInt()).isEqualTo(2);
        assertThat(json.get("counts").get("warning").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("info").asInt()).isEqualTo(0);
        JsonNode first = json.get("findings").get(0);
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("code").asText()).isEqualTo("cycle");
        assertThat(first.get("achievement").asText()).isEqualTo("1.1");
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("column").asInt()).isEqualTo(46);
        assertThat(first.get("message").asText()).contains("1.1 → 1.2 → 1.3 → 1.1");
        assertThat(json.get("findings")).hasSize(3);
    }

    @Test
    void shouldPrintValidJsonWithNullsForPlanWideFindings() throws IOException {
        Path file = write("plain", "{\"plan_name\": \"PLAIN\", \"parallelization_level\": \"level_2\", "
                + "\"total_achievements\": 2, \"achievements\": [{\"achievement_id\": \"1.1\", \"dependencies\": []}]}");
        assertThat(run("validate", "--format", "json", "--strict", file.toString())).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("valid").asBoolean()).isTrue();
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("total-achievements-drift");
        assertThat(finding.get("achievement").isNull()).isTrue();
        assertThat(finding.get("line").isNull()).isTrue();
    }

    /** Issue 13: each plan the methodology's own validator rejects has its finding in the JSON output. */
    @Test
    void shouldReportWhatTheMethodologysValidatorRejectsInJson() throws IOException {
        String header = "\"plan_name\": \"M\", \"parallelization_level\": \"level_2\", ";
        String one = "\"achievements\": [{\"achievement_id\": \"1.1\", \"dependencies\": []}]";
        String[][] cases = {
            {"{\"parallelization_level\": \"level_2\", " + one + "}", "missing-plan-name", "warning", "0"},
            {"{\"plan_name\": \"M\", " + one + "}", "missing-parallelization-level", "warning", "0"},
            {"{\"plan_name\": \"M\", \"parallelization_level\": \"invalid\", " + one + "}",
                "unknown-parallelization-level", "warning", "0"},
            {"{" + header + "\"achievements\": []}", "empty-achievements", "warning", "0"},
            {"{" + header + "\"achievements\": [{\"achievement_id\": \"invalid\", \"dependencies\": []}]}",
                "id-shape", "info", "0"},
            {"{" + header + "\"achievements\": [{\"achievement_id\": \".1\", \"dependencies\": []}]}",
                "id-not-file-name", "warning", "0"},
            {"{" + header + "\"achievements\": [{\"achievement_id\": \"1.1\"}]}", "missing-dependencies", "info", "0"},
            {"{" + header + "\"achievements\": [{\"achievement_id\": \"1.1\", \"dependencies\": \"x\"}]}",
                "invalid-type", "error", "2"},
        };
        for (String[] c : cases) {
            out.getBuffer().setLength(0);
            Path file = write("m-" + c[1], c[0]);
            assertThat(run("validate", "--format", "json", file.toString())).as(c[0]).isEqualTo(Integer.parseInt(c[3]));
            JsonNode findings = new ObjectMapper().readTree(out.toString()).get("findings");
            assertThat(findings).as(c[0]).singleElement().satisfies(f -> {
                assertThat(f.get("code").asText()).isEqualTo(c[1]);
                assertThat(f.get("severity").asText()).isEqualTo(c[2]);
                assertThat(f.get("line").isNull()).isFalse();
            });
        }
        out.getBuffer().setLength(0);
        Path warned = write("m-strict", "{\"plan_name\": \"M\", " + one + "}");
        assertThat(run("validate", "--strict", warned.toString())).isEqualTo(1);
        Path typed = write("m-type", "{" + header + "\"achievements\": [{\"achievement_id\": \"1.1\", "
                + "\"dependencies\": \"x\"}]}");
        out.getBuffer().setLength(0);
        run("validate", typed.toString());
        assertThat(out.toString()).contains(typed + ":1:115: error [invalid-type] 1.1: \"dependencies\" is the string "
                + "\"x\"").doesNotContain("unknown-dependency");
    }

    @Test
    void shouldExitTwoForBadUsage() {
        assertThat(run("validate", "--format", "yaml", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--format").contains("Try 'parallel-plan validate --help'");
        assertThat(run("validate")).isEqualTo(2);
    }

    @Test
    void shouldExitTwoForAMissingOrMalformedFile() throws IOException {
        assertThat(run("validate", dir.resolve("nowhere.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nowhere.json").doesNotContain("Exception");
        Path broken = write("broken", "{\"achievements\": [}");
        assertThat(run("validate", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(broken + ":1:19");
    }

    @Test
    void shouldNeverColourWhenNotOnATerminal() throws IOException {
        run("validate", write("bad", INVALID).toString());
        assertThat(out.toString()).doesNotContain("\u001b[");
    }

    @Test
    void shouldEscapeControlCharactersFromTheFile() throws IOException {
        Path file = write("hostile", "{\"achievements\": [{\"achievement_id\": \"x\\u001b[2J\", \"\\u001b[31mfield\": 1}]}");
        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(out.toString()).doesNotContain("\u001b").contains("\\u001b[2J").contains("#1");
    }

    @Test
    void shouldValidateTheGraphragCorpusPlan() {
        Path corpus = Path.of(System.getProperty("user.dir")).resolve(
                "../../shared/corpus/youtuberag/work-space/plans/GRAPHRAG-OBSERVABILITY-VALIDATION").normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus) || System.getenv("CI") != null,
                "the corpus is not beside this checkout");
        assertThat(run("validate", corpus.toString())).isEqualTo(0);
        assertThat(out.toString())
                .contains("warning [critical-path-drift] critical_path_analysis.sequential_time claims 68.5 h, but "
                        + "the estimates sum to 71.0 h")
                .contains("parallel_time claims 36.0 h", "takes 23.5 h")
                .contains("valid plan, 0 errors, 16 warnings, 7 info");
    }

    @Test
    void shouldListExitCodesInHelp() {
        assertThat(run("validate", "--help")).isEqualTo(0);
        assertThat(out.toString()).contains("--format", "--strict", "Exit codes:", "1   valid plan with warnings");
    }

    @Test
    void shouldReportDriftAgainstThePlanMarkdownWithPlanMd() throws IOException {
        Path file = write("drifted", VALID);
        Path markdown = Files.writeString(dir.resolve("PLAN_DEMO.md"), """
                # PLAN: DEMO

                **Achievement 1.1**: Build the base (2h)
                - **Dependencies**: None

                **Achievement 1.2**: Build on it (1-3h)
                - **Dependencies**: None
                """);
        assertThat(run("validate", "--plan-md", markdown.toString(), file.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("warning [drift-dependencies] 1.2:");
        assertThat(run("validate", "--strict", "--plan-md", markdown.toString(), file.toString())).isEqualTo(1);
    }

    @Test
    void shouldRefuseAMissingPlanMarkdownWithExitTwo() throws IOException {
        Path file = write("nomd", VALID);
        assertThat(run("validate", "--plan-md", dir.resolve("PLAN_NONE.md").toString(), file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("PLAN_NONE.md: no such file");
    }
}
