package io.parallelplan.cli;

import static io.parallelplan.cli.WorkflowFixtures.demo;
import static io.parallelplan.cli.WorkflowFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCommandTest {
    @TempDir
    Path tmp;

    @Test
    void shouldExitZeroWhenInSync() {
        Path folder = demo(tmp);

        WorkflowFixtures.Result r = run("drift", folder.resolve("PLAN_DEMO.md").toString(), folder.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("are in sync (3 achievements)");
    }

    @Test
    void shouldExitOneAndNameEachDifference() {
        Path folder = demo(tmp);
        WorkflowFixtures.write(folder.resolve("parallel.json"), WorkflowFixtures.PARALLEL_JSON
                .replace("\"dependencies\": [\"1.1\", \"1.2\"]", "\"dependencies\": [\"1.1\"]")
                .replace("\"title\": \"Printer\"", "\"title\": \"Formatter\""));

        WorkflowFixtures.Result r = run("drift", folder.resolve("PLAN_DEMO.md").toString(),
                folder.resolve("parallel.json").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("differ (2 differences)",
                "2.1: PLAN_DEMO.md says it depends on 1.1, 1.2, parallel.json says 1.1; missing in parallel.json: 1.2",
                "warning [drift-dependencies] 2.1: ", "\"Printer\" in PLAN_DEMO.md but \"Formatter\" in parallel.json",
                "warning [drift-title] ");
    }

    @Test
    void shouldPrintJson() throws Exception {
        Path folder = demo(tmp);
        WorkflowFixtures.write(folder.resolve("parallel.json"), WorkflowFixtures.PARALLEL_JSON
                .replace("\"estimated_hours\": 1,", "\"estimated_hours\": 4,"));

        WorkflowFixtures.Result r = run("drift", folder.resolve("PLAN_DEMO.md").toString(), folder.toString(),
                "--format", "json");

        assertThat(r.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("in_sync").asBoolean()).isFalse();
        assertThat(json.at("/estimates/0/id").asText()).isEqualTo("1.2");
        assertThat(json.at("/findings/0/code").asText()).isEqualTo("drift-estimate");
    }

    @Test
    void shouldExitTwoForAMissingMarkdown() {
        Path folder = demo(tmp);

        WorkflowFixtures.Result r = run("drift", folder.resolve("PLAN_NOPE.md").toString(), folder.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("PLAN_NOPE.md: no such file");
    }
}
