package io.parallelplan.cli;

import static io.parallelplan.cli.WorkflowFixtures.demo;
import static io.parallelplan.cli.WorkflowFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    @TempDir
    Path tmp;

    @Test
    void shouldShowProgressWhatCanBeDoneNowAndWhatAFailureHoldsBack() {
        Path folder = demo(tmp, "execution/feedbacks/APPROVED_12.md", "execution/feedbacks/FIX_11.md");

        WorkflowFixtures.Result r = run("status", folder.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Plan DEMO: 1/3 achievements done (33%), 1 h of 6 h",
                "level 0: 1/2 done", "1.1      failed", "(execution/feedbacks/FIX_11.md)",
                "Can be done now", "Parser  [failed: fix it]",
                "Held back by a failed dependency:", "2.1 ← 1.1 (failed: execution/feedbacks/FIX_11.md)");
    }

    @Test
    void shouldPrintTheJsonContract() throws Exception {
        Path folder = demo(tmp, "subplans/SUBPLAN_DEMO_11.md", "execution/feedbacks/FIX_12.md");

        WorkflowFixtures.Result r = run("status", folder.resolve("parallel.json").toString(), "--format", "json");

        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("plan").asText()).isEqualTo("DEMO");
        assertThat(json.at("/achievements/1.1/status").asText()).isEqualTo("subplan_created");
        assertThat(json.at("/achievements/1.1/files/0").asText()).isEqualTo("subplans/SUBPLAN_DEMO_11.md");
        assertThat(json.get("ready").toString()).isEqualTo("[\"1.1\",\"1.2\"]");
        assertThat(json.at("/blocked/2.1").toString()).isEqualTo("[\"1.2\"]");
        assertThat(json.at("/progress/total").asInt()).isEqualTo(3);
        assertThat(json.at("/progress/levels/1/total").asInt()).isEqualTo(1);
    }

    @Test
    void shouldExitTwoWithOneLineWhenThereIsNoPlan() {
        WorkflowFixtures.Result r = run("status", tmp.resolve("missing").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file or folder").doesNotContain("Exception");
    }

    @Test
    void shouldExitTwoAndListErrorsForACyclicPlan() {
        WorkflowFixtures.write(tmp.resolve("parallel.json"), """
                {"plan_name": "C", "achievements": [
                  {"achievement_id": "1", "dependencies": ["2"]},
                  {"achievement_id": "2", "dependencies": ["1"]}]}
                """);

        WorkflowFixtures.Result r = run("status", tmp.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(tmp.resolve("parallel.json") + ":2:44: error [cycle] 1: ",
                tmp.resolve("parallel.json") + ": invalid plan, 1 error");
    }
}
