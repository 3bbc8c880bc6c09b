package io.parallelplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    /** Two roots, a range estimate on the long branch, a join and an independent task. */
    static final String FEATURE = """
            {"plan_name": "FEATURE", "achievements": [
              {"achievement_id": "1.1", "title": "Schema", "estimated_hours": "4-6"},
              {"achievement_id": "1.2", "title": "Fixtures", "estimated_hours": 2},
              {"achievement_id": "2.1", "title": "Importer", "estimated_hours": 3, "dependencies": ["1.1", "1.2"]},
              {"achievement_id": "2.2", "title": "Docs", "estimated_hours": 1}
            ]}
            """;

    @TempDir
    Path dir;

    private Path plan(String json) throws IOException {
        return CliRun.planFile(dir, json);
    }

    @Test
    void shouldPrintLevelsCriticalPathAndMakespanAsText() throws IOException {
        CliRun run = CliRun.of("analyze", plan(FEATURE).getParent().toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains(
                "Plan FEATURE: 4 achievements, 2 dependencies\n",
                "Levels (waves): 2, width 3\n",
                "  level 1 (3): 1.1, 1.2, 2.2\n",
                "  level 2 (1): 2.1\n",
                "Critical path: 9 h (2 achievements): 1.1 -> 2.1\n",
                "Sequential: 12 h\n",
                "Makespan with unlimited executors: 9 h (at most 3 at once)\n",
                "Saving: 3 h (25% of sequential)\n",
                "count as their upper bound");
    }

    @Test
    void shouldScheduleOnTheGivenExecutorsAndBound() throws IOException {
        CliRun run = CliRun.of("analyze", plan(FEATURE).toString(), "--executors", "1", "--estimates", "lower");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Critical path: 7 h", "Sequential: 10 h\n",
                "Makespan with 1 executor: 10 h (no schedule beats 10 h)\n", "count as their lower bound");
    }

    @Test
    void shouldPrintJsonWithTheDocumentedKeys() throws IOException {
        CliRun run = CliRun.of("analyze", plan(FEATURE).toString(), "--format", "json", "--executors", "2",
                "--estimates", "middle");
        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("levels").toString()).isEqualTo("[[\"1.1\",\"1.2\",\"2.2\"],[\"2.1\"]]");
        assertThat(json.get("critical_path").get("ids").toString()).isEqualTo("[\"1.1\",\"2.1\"]");
        assertThat(json.get("critical_path").get("hours").asDouble()).isEqualTo(8.0);
        assertThat(json.get("sequential_hours").asDouble()).isEqualTo(11.0);
        assertThat(json.get("makespan_hours").asDouble()).isEqualTo(8.0);
        assertThat(json.get("executors").asInt()).isEqualTo(2);
        assertThat(json.get("saving_hours").asDouble()).isEqualTo(3.0);
        assertThat(json.get("estimate_bound").asText()).isEqualTo("middle");
    }

    @Test
    void shouldRefuseAnInvalidPlanListingEveryError() throws IOException {
        Path file = plan("""
                {"achievements": [
                  {"achievement_id": "a", "dependencies": ["zz"]},
                  {"achievement_id": "b", "dependencies": ["c"]},
                  {"achievement_id": "c", "dependencies": ["b"]}
                ]}
                """);
        CliRun run = CliRun.of("analyze", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(file + ":2:44: error [unknown-dependency] a: ")
                .contains(file + ":3:").contains(": error [cycle] b: ")
                .doesNotContain("Exception");
    }

    @Test
    void shouldRefuseZeroExecutorsAndUnknownFormats() throws IOException {
        Path file = plan(FEATURE);
        CliRun zero = CliRun.of("analyze", file.toString(), "--executors", "0");
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(zero.err()).contains("--executors must be at least 1");
        CliRun xml = CliRun.of("analyze", file.toString(), "--format", "xml");
        assertThat(xml.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(xml.err()).contains("--format");
    }

    @Test
    void shouldSayWhatIsWrongWithAMissingPlan() {
        CliRun run = CliRun.of("analyze", dir.resolve("nowhere.json").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).contains("nowhere.json").contains("no such file").doesNotContain("Exception");
    }

    @Test
    void shouldListExitCodesInHelp() {
        CliRun run = CliRun.of("analyze", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--executors=N", "--estimates=upper|lower|middle", "Exit codes:", "  2 ");
    }

    @Test
    void shouldEscapeControlCharactersOfThePlanNameInText() throws IOException {
        Path file = plan("{\"plan_name\": \"evil\\u001b[31m\", \"achievements\": []}");
        CliRun run = CliRun.of("analyze", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Plan evil\\u001b[31m: 0 achievements, 0 dependencies\n")
                .contains("Critical path: 0 h (0 achievements): \n", "Makespan with unlimited executors: 0 h")
                .doesNotContain("\u001b");
    }
}
