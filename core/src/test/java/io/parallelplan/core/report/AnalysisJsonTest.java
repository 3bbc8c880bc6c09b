package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parallelplan.core.analyze.EstimateBound;
import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisJsonTest {
    private static final PlanGraph GRAPH = PlanGraph.of(List.of(
            Achievement.builder("1.1").estimate("4-6").build(),
            Achievement.builder("1.2").hours(3).build(),
            Achievement.builder("2.1").hours(2).dependsOn("1.1").build()));

    private static JsonNode render(PlanAnalyzer analyzer, int executors) throws Exception {
        String json = new AnalysisJson().render("DEMO \"x\"", GRAPH, analyzer.analyze(GRAPH, executors));
        return new ObjectMapper().readTree(json);
    }

    @Test
    void shouldWriteTheDocumentedKeys() throws Exception {
        JsonNode json = render(new PlanAnalyzer(), 1);
        assertThat(json.get("plan").asText()).isEqualTo("DEMO \"x\"");
        assertThat(json.get("achievements").asInt()).isEqualTo(3);
        assertThat(json.get("dependencies").asInt()).isEqualTo(1);
        assertThat(json.get("levels").toString()).isEqualTo("[[\"1.1\",\"1.2\"],[\"2.1\"]]");
        assertThat(json.get("width").asInt()).isEqualTo(2);
        assertThat(json.get("critical_path").get("ids").toString()).isEqualTo("[\"1.1\",\"2.1\"]");
        assertThat(json.get("critical_path").get("hours").asDouble()).isEqualTo(8.0);
        assertThat(json.get("sequential_hours").asDouble()).isEqualTo(11.0);
        assertThat(json.get("executors").asInt()).isEqualTo(1);
        assertThat(json.get("peak_executors").asInt()).isEqualTo(1);
        assertThat(json.get("makespan_hours").asDouble()).isEqualTo(11.0);
        assertThat(json.get("saving_hours").asDouble()).isEqualTo(0.0);
        assertThat(json.get("estimate_bound").asText()).isEqualTo("upper");
    }

    @Test
    void shouldWriteNullExecutorsWhenUnlimitedAndTheBoundUsed() throws Exception {
        JsonNode json = render(new PlanAnalyzer(EstimateBound.LOWER), PlanAnalyzer.UNLIMITED);
        assertThat(json.get("executors").isNull()).isTrue();
        assertThat(json.get("peak_executors").asInt()).isEqualTo(2);
        assertThat(json.get("makespan_hours").asDouble()).isEqualTo(6.0);
        assertThat(json.get("saving_hours").asDouble()).isEqualTo(3.0);
        assertThat(json.get("estimate_bound").asText()).isEqualTo("lower");
    }
}
