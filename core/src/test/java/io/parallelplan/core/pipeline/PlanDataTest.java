package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanDataTest {
    private static final String FEATURE = """
            {"plan_name": "Feature", "achievements": [
              {"id": "1.1", "title": "Schema", "estimated_hours": 8},
              {"id": "1.2", "title": "API", "estimated_hours": 2, "executor": "backend"},
              {"id": "2.1", "title": "Integrate", "dependencies": ["1.1", "1.2"], "estimated_hours": 6},
              {"id": "2.2", "title": "Docs", "estimated_hours": 4, "optional": true}
            ]}
            """;

    private static LoadedPlan load(String json) {
        return new PlanLoader().load(new PlanParser().parse(json, Path.of("plans/f/parallel.json")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListAchievementsInCriticalPathOrderWithTheirFields() {
        Map<String, Object> data = PlanData.of(load(FEATURE), "plans/f/parallel.json");

        List<Map<String, Object>> achievements = (List<Map<String, Object>>) data.get("achievements");
        assertThat(achievements).extracting(a -> a.get("id")).containsExactly("1.1", "1.2", "2.1", "2.2");
        assertThat(achievements.get(0)).containsEntry("title", "Schema").containsEntry("level", 0)
                .containsEntry("estimate", 8.0).containsEntry("optional", false).containsEntry("executor", null);
        assertThat(achievements.get(1)).containsEntry("executor", "backend");
        assertThat(achievements.get(2)).containsEntry("dependencies", List.of("1.1", "1.2")).containsEntry("level", 1);
        assertThat(achievements.get(3)).containsEntry("optional", true);
        assertThat(data).containsEntry("name", "Feature").containsEntry("file", "plans/f/parallel.json")
                .containsEntry("criticalPath", List.of("1.1", "2.1")).containsEntry("criticalPathHours", 14.0)
                .containsEntry("width", 3)
                .containsEntry("levels", List.of(List.of("1.1", "1.2", "2.2"), List.of("2.1")));
    }

    @Test
    void shouldPutTheLongestRemainingPathFirstEvenWhenItComesLateInTheFile() {
        Map<String, Object> data = PlanData.of(load("""
                {"achievements": [
                  {"id": "a", "estimated_hours": 1},
                  {"id": "b", "estimated_hours": 5},
                  {"id": "c", "dependencies": ["a"], "estimated_hours": 1}
                ]}"""), "p.json");

        List<?> achievements = (List<?>) data.get("achievements");
        assertThat(achievements.stream().map(a -> (Object) ((Map<?, ?>) a).get("id")).toList()).containsExactly("b", "a", "c");
    }

    @Test
    void shouldBeSerializableAndUnmodifiableForAPipelineProgram() throws Exception {
        Map<String, Object> data = PlanData.of(load(FEATURE), "plans/f/parallel.json");

        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(data);
        }
        assertThatThrownBy(() -> data.put("name", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldRefuseAPlanWithErrors() {
        LoadedPlan invalid = load("""
                {"achievements": [{"id": "a", "dependencies": ["nope"]}]}""");

        assertThatThrownBy(() -> PlanData.of(invalid, "p.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validate it");
    }
}
