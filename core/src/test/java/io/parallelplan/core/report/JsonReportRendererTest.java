package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldWriteTheDocumentedKeysInAFixedOrder() throws Exception {
        JsonNode root = JSON.readTree(new JsonReportRenderer().render(ReportFixtures.run()));
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("format", "plan", "source", "run_id", "result", "count_line", "summary",
                "chains", "state_counts", "analysis", "achievements");
        assertThat(root.get("format").asText()).isEqualTo("parallel-plan-report/1");
        assertThat(root.get("source").asText()).isEqualTo("run");
        assertThat(root.get("state_counts").toString())
                .isEqualTo("{\"SUCCEEDED\":2,\"FLAKY\":1,\"FAILED\":1,\"BLOCKED\":2,\"CANCELLED\":1,\"SKIPPED\":1}");
        assertThat(root.at("/analysis/critical_path").toString()).isEqualTo("[\"1.2\",\"2.1\",\"2.2\",\"3.1\"]");
        JsonNode failed = root.get("achievements").get(3);
        List<String> entryKeys = new ArrayList<>();
        failed.fieldNames().forEachRemaining(entryKeys::add);
        assertThat(entryKeys).containsExactly("id", "title", "dependencies", "estimate", "estimate_hours", "executor",
                "optional", "level", "critical", "state", "reason", "blocked_by", "duration_ms", "attempts",
                "log_tail");
        assertThat(failed.get("title").asText()).isEqualTo("Build " + ReportFixtures.HOSTILE_SCRIPT);
        assertThat(failed.get("duration_ms").asLong()).isEqualTo(108_000);
        assertThat(failed.at("/attempts/1/started_at").asText()).isEqualTo("2026-03-02T09:03:01Z");
        assertThat(failed.at("/attempts/1/exit_code").asInt()).isEqualTo(2);
        assertThat(root.at("/achievements/6/blocked_by").toString()).isEqualTo("[\"2.2\",\"2.1\"]");
        assertThat(root.at("/achievements/2/duration_ms").isNull()).isTrue();
    }

    @Test
    void shouldRenderTheSameTextForTheSameSnapshot() {
        assertThat(new JsonReportRenderer().render(ReportFixtures.run()))
                .isEqualTo(new JsonReportRenderer().render(ReportFixtures.run()));
    }
}
