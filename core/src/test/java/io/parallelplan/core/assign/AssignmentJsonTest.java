package io.parallelplan.core.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.analyze.EstimateBound;
import io.parallelplan.core.analyze.Lanes;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.parse.PlanReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignmentJsonTest {
    @TempDir
    Path tmp;

    private static PlanGraph graph(Achievement... achievements) {
        return PlanGraph.of(List.of(achievements));
    }

    private static Achievement a(String id, double hours, String... deps) {
        return Achievement.builder(id).hours(hours).dependsOn(deps).build();
    }

    private static final PlanGraph DIAMOND = graph(a("1.1", 2), a("1.2", 3), a("2.1", 1, "1.1", "1.2"));

    private Path write(String json) throws IOException {
        Path file = tmp.resolve("assignment.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void shouldWriteTheContractKeys() {
        Assignment a = Assignment.of("P", DIAMOND, Lanes.count(2), EstimateBound.UPPER);
        assertThat(AssignmentJson.render(a)).isEqualTo("""
                {
                  "plan" : "P",
                  "estimate_bound" : "upper",
                  "makespan_hours" : 4.0,
                  "executors" : {
                    "e1" : [ {
                      "id" : "1.2",
                      "start_hours" : 0.0,
                      "end_hours" : 3.0
                    }, {
                      "id" : "2.1",
                      "start_hours" : 3.0,
                      "end_hours" : 4.0
                    } ],
                    "e2" : [ {
                      "id" : "1.1",
                      "start_hours" : 0.0,
                      "end_hours" : 2.0
                    } ]
                  },
                  "idle_hours" : {
                    "e1" : 0.0,
                    "e2" : 2.0
                  },
                  "sync_points" : [ {
                    "id" : "2.1",
                    "executor" : "e1",
                    "waits_for" : "1.1",
                    "on" : "e2"
                  } ]
                }
                """);
    }

    @Test
    void shouldReadAFreshAssignmentWithoutWarnings() throws IOException {
        Assignment a = Assignment.of("P", DIAMOND, Lanes.named(List.of("alice", "bob")), EstimateBound.LOWER);
        AssignmentJson.Checked read = AssignmentJson.read(write(AssignmentJson.render(a)), "P", DIAMOND);
        assertThat(read.assignment()).isEqualTo(a);
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void shouldWarnWhenThePlanChangedSince() throws IOException {
        Assignment a = Assignment.of("P", DIAMOND, Lanes.count(2), EstimateBound.UPPER);
        Path file = write(AssignmentJson.render(a));
        PlanGraph changed = graph(a("1.1", 2), a("1.2", 3), a("2.1", 1, "1.2"), a("3.1", 1, "2.1"));

        List<String> warnings = AssignmentJson.read(file, "Q", changed).warnings();

        assertThat(warnings).containsExactly(
                "it was made for plan P, not Q",
                "3.1 is in the plan but on no executor",
                "it lists sync points the plan's dependencies no longer make: 2.1 waits for 1.1",
                "the plan changed since the assignment was made; run parallel-plan assign again");
    }

    @Test
    void shouldRefuseAnAchievementThePlanDoesNotHave() throws IOException {
        Assignment a = Assignment.of("P", DIAMOND, Lanes.count(2), EstimateBound.UPPER);
        Path file = write(AssignmentJson.render(a));
        PlanGraph smaller = graph(a("1.1", 2), a("1.2", 3));
        assertThatThrownBy(() -> AssignmentJson.read(file, "P", smaller)).isInstanceOf(PlanReadException.class)
                .hasMessage(file + ": achievement 2.1 (executor e1) is not in the plan; the plan changed since: run "
                        + "parallel-plan assign again");
    }

    @Test
    void shouldNameTheFileThePlaceAndTheFixForBadInput() throws IOException {
        assertThatThrownBy(() -> AssignmentJson.read(write("{\"executors\": {\n  \"e1\": [ }"), "P", DIAMOND))
                .hasMessageStartingWith(tmp.resolve("assignment.json") + ":2:")
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> AssignmentJson.read(write("[1]"), "P", DIAMOND))
                .hasMessageContaining("is not a JSON object");
        assertThatThrownBy(() -> AssignmentJson.read(write("{\"executors\": {}, \"sync_points\": []}"), "P",
                DIAMOND)).hasMessageContaining("\"makespan_hours\" must be a number");
        assertThatThrownBy(() -> AssignmentJson.read(write("{\"makespan_hours\": 1, \"executors\": []}"), "P",
                DIAMOND)).hasMessageContaining("\"executors\" must be an object");
        assertThatThrownBy(() -> AssignmentJson.read(write("{\"makespan_hours\": 1, \"executors\": {\"e1\": "
                + "[{\"id\": \"1.1\", \"start_hours\": \"0\", \"end_hours\": 1}]}, \"sync_points\": []}"), "P",
                DIAMOND)).hasMessageContaining("\"executors.e1[0].start_hours\" must be a number");
        assertThatThrownBy(() -> AssignmentJson.read(write("{\"makespan_hours\": 1, \"executors\": {\"e1\": "
                + "[{\"id\": \"1.1\", \"start_hours\": 0, \"end_hours\": 1}], \"e2\": [{\"id\": \"1.1\", "
                + "\"start_hours\": 0, \"end_hours\": 1}]}, \"sync_points\": []}"), "P", DIAMOND))
                .hasMessageContaining("achievement 1.1 is assigned twice (again at executors.e2[0])");
        assertThatThrownBy(() -> AssignmentJson.read(write("{\"makespan_hours\": 1, \"executors\": {\"e1\": []}}"),
                "P", DIAMOND)).hasMessageContaining("\"sync_points\" must be an array");
        assertThatThrownBy(() -> AssignmentJson.read(write("{\"makespan_hours\": 1, \"executors\": {\"e1\": []}, "
                + "\"sync_points\": [{\"id\": \"2.1\", \"executor\": \"e1\", \"waits_for\": \"1.1\", \"on\": "
                + "\"e\\u001b9\"}]}"), "P", DIAMOND))
                .hasMessageContaining("names executor e\\u001b9, which has no entry")
                .message().doesNotContain("\u001b");
        assertThatThrownBy(() -> AssignmentJson.read(tmp.resolve("missing.json"), "P", DIAMOND))
                .hasMessageContaining("missing.json: no such file; write one with parallel-plan assign");
        assertThatThrownBy(() -> AssignmentJson.read(tmp, "P", DIAMOND)).hasMessageContaining("is a folder");
    }
}
