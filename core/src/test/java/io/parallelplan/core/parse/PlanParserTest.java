package io.parallelplan.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.model.Severity;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanParserTest {
    private final PlanParser parser = new PlanParser();

    private ParsedPlan parse(String json) {
        return parser.parse(json, Path.of("parallel.json"));
    }

    @Test
    void shouldReadAchievementsWithLocationsAndRangeEstimates() {
        ParsedPlan parsed = parse("""
                {
                  "plan_name": "DEMO",
                  "parallelization_level": "level_2",
                  "achievements": [
                    {"achievement_id": "1.1", "title": "First", "estimated_hours": "4-6", "dependencies": []},
                    {"achievement_id": "1.2", "title": "Second", "estimated_hours": 2.5,
                     "dependencies": ["1.1"], "executor": "alice", "optional": true, "retries": 2,
                     "timeout_minutes": 30, "command": "make test"}
                  ]
                }
                """);
        Plan plan = parsed.plan();
        assertThat(parsed.findings()).isEmpty();
        assertThat(plan.name()).isEqualTo("DEMO");
        assertThat(plan.achievements()).extracting(Achievement::id).containsExactly("1.1", "1.2");
        Achievement first = plan.achievements().get(0);
        assertThat(first.location()).isEqualTo(new SourceLocation(5, 5));
        assertThat(first.estimate().lowHours()).isEqualTo(4.0);
        assertThat(first.estimate().hours()).isEqualTo(6.0);
        Achievement second = plan.achievement("1.2").orElseThrow();
        assertThat(second.dependencies()).containsExactly("1.1");
        assertThat(second.dependencyLocations().get(0).line()).isEqualTo(7);
        assertThat(second.executor()).isEqualTo("alice");
        assertThat(second.optional()).isTrue();
        assertThat(second.retries()).isEqualTo(2);
        assertThat(second.timeoutMinutes()).isEqualTo(30);
        assertThat(second.command()).isEqualTo("make test");
        assertThat(second.estimate().hours()).isEqualTo(2.5);
    }

    @Test
    void shouldReadSubExecutionsAndClaims() {
        ParsedPlan parsed = parse("""
                {"achievements": [
                   {"achievement_id": "2.1", "title": "Tests", "sub_executions": [
                      {"execution_id": "2.1.1", "title": "Unit", "dependencies": [], "executor": "e1"},
                      {"execution_id": "2.1.2", "title": "E2E", "dependencies": ["2.1.1"]}]}],
                 "priority_groups": [{"priority": 2, "achievements": ["2.1"]}],
                 "cross_priority_dependencies": [{"from_achievement": "2.1", "to_achievement": "1.1"}],
                 "parallel_execution_waves": {"wave_1": {"achievements": ["2.1"], "estimated_hours": 3}},
                 "critical_path_analysis": {"sequential_time": 10, "parallel_time": "6.5"}}
                """);
        Plan plan = parsed.plan();
        Achievement a = plan.achievements().get(0);
        assertThat(a.subExecutions()).extracting(Achievement::id).containsExactly("2.1.1", "2.1.2");
        assertThat(a.subExecutions().get(1).dependencies()).containsExactly("2.1.1");
        assertThat(plan.claims().priorityGroups().get(0).priority()).isEqualTo("2");
        assertThat(plan.claims().crossPriorityDependencies().get(0).to()).isEqualTo("1.1");
        assertThat(plan.claims().waves().get(0).name()).isEqualTo("wave_1");
        assertThat(plan.claims().criticalPath().sequentialHours()).isEqualTo(10.0);
        assertThat(plan.claims().criticalPath().parallelHours()).isEqualTo(6.5);
        assertThat(plan.hasDeclaredName()).isFalse();
    }

    @Test
    void shouldKeepUnknownFieldsAsInformation() {
        ParsedPlan parsed = parse("""
                {"plan_name": "P", "parallelization_level": "level_2",
                 "achievements": [{"achievement_id": "1.1", "dependencies": [], "owner_team": "core"}], "budget": 12}
                """);
        assertThat(parsed.findings()).extracting(Finding::severity).containsOnly(Severity.INFO);
        assertThat(parsed.findings()).extracting(Finding::message)
                .anyMatch(m -> m.contains("\"owner_team\""))
                .anyMatch(m -> m.contains("\"budget\""));
        assertThat(parsed.plan().achievements().get(0).unknownFields()).containsKey("owner_team");
    }

    @Test
    void shouldReportMissingAchievementsAsError() {
        ParsedPlan parsed = parse("{\"plan_name\": \"X\"}");
        assertThat(parsed.findings()).extracting(Finding::code).contains("missing-achievements");
    }

    @Test
    void shouldReportWrongTypesAsFindingsNotExceptions() {
        ParsedPlan parsed = parse("""
                {"achievements": [{"achievement_id": 1.10, "dependencies": "1.0", "retries": -1,
                                   "optional": "yes", "estimated_hours": {"min": 1}}]}
                """);
        assertThat(parsed.plan().achievements().get(0).id()).isEqualTo("1.10");
        assertThat(parsed.plan().achievements().get(0).dependencies()).isEmpty();
        assertThat(parsed.findings()).extracting(Finding::code)
                .contains("id-not-string", "invalid-value", "invalid-type")
                .doesNotContain("dependencies-not-array");
    }

    @Test
    void shouldNameLineColumnAndShowCaretForMalformedJson() {
        assertThatThrownBy(() -> parse("{\n  \"achievements\": [\n    {\"achievement_id\": \"1.1\",}\n  ]\n}"))
                .isInstanceOfSatisfying(PlanReadException.class, e -> {
                    assertThat(e.getMessage()).startsWith("parallel.json:3:").contains("malformed JSON");
                    assertThat(e.location().line()).isEqualTo(3);
                    assertThat(e.excerpt()).hasSize(2);
                    assertThat(e.excerpt().get(0)).contains("\"achievement_id\": \"1.1\",}");
                    assertThat(e.excerpt().get(1).indexOf('^')).isEqualTo(e.location().column() - 1);
                });
    }

    @Test
    void shouldRefuseTopLevelArrayAndScalar() {
        assertThatThrownBy(() -> parse("[1, 2]")).hasMessageContaining("top level is an array");
        assertThatThrownBy(() -> parse("42")).hasMessageContaining("top level is a single value");
    }

    @Test
    void shouldRefuseTruncatedDocument() {
        assertThatThrownBy(() -> parse("{\"achievements\": [")).isInstanceOf(PlanReadException.class)
                .hasMessageContaining("ends too early");
    }

    @Test
    void shouldLimitNestingDepthAndStringLength() {
        String deep = "{\"x\":" + "[".repeat(200) + "]".repeat(200) + ", \"achievements\": []}";
        assertThatThrownBy(() -> parse(deep)).hasMessageContaining("nesting deeper than 64 levels");
        PlanParser small = new PlanParser(new ParseLimits(1 << 20, 64, 100));
        String longTitle = "{\"achievements\": [{\"achievement_id\": \"a\", \"title\": \"" + "x".repeat(200) + "\"}]}";
        assertThatThrownBy(() -> small.parse(longTitle, Path.of("p.json")))
                .hasMessageContaining("string longer than 100 characters");
    }

    @Test
    void shouldRefuseDocumentOverSizeLimit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("parallel.json");
        Files.writeString(file, "{\"achievements\": []}" + " ".repeat(2000));
        PlanParser small = new PlanParser(new ParseLimits(1000, 64, 100));
        assertThatThrownBy(() -> small.parse(file)).hasMessageContaining("more than the limit of 1000");
    }

    @Test
    void shouldExplainMissingEmptyAndFolderWithoutPlan(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> parser.parse(dir.resolve("nope.json"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> parser.parse(dir)).hasMessageContaining("folder has no parallel.json");
        Path empty = Files.createFile(dir.resolve("parallel.json"));
        assertThatThrownBy(() -> parser.parse(empty)).hasMessageContaining("the file is empty");
        Files.writeString(empty, "   \n");
        assertThatThrownBy(() -> parser.parse(dir)).hasMessageContaining("no JSON in it");
    }

    @Test
    void shouldReadPlanFromFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("parallel.json"), "{\"achievements\": [{\"achievement_id\": \"1.1\"}]}");
        ParsedPlan parsed = parser.parse(dir);
        assertThat(parsed.plan().source()).contains(dir.resolve("parallel.json"));
        assertThat(parsed.plan().name()).isEqualTo(dir.getFileName().toString());
    }

    @Test
    void shouldRefuseDuplicateKeysWithLocation() {
        assertThatThrownBy(() -> parse("{\"achievements\": [{\"achievement_id\": \"1\", \"achievement_id\": \"2\"}]}"))
                .hasMessageContaining("Duplicate field 'achievement_id'");
    }

    @Test
    void shouldParseEveryCorpusFile() {
        for (Path file : Corpus.planFiles()) {
            ParsedPlan parsed = parser.parse(file);
            assertThat(parsed.plan().achievements()).as(file.toString()).isNotEmpty();
            assertThat(parsed.findings()).as(file.toString())
                    .noneMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    @Test
    void shouldReadTheGraphragPlanClaims() {
        Plan plan = parser.parse(Corpus.graphragFolder()).plan();
        assertThat(plan.size()).isEqualTo(24);
        assertThat(plan.claims().criticalPath().sequentialHours()).isEqualTo(68.5);
        assertThat(plan.claims().criticalPath().parallelHours()).isEqualTo(36.0);
        assertThat(plan.claims().waves()).isNotEmpty();
        assertThat(plan.achievement("0.1").orElseThrow().blocks()).contains("0.2");
        assertThat(plan.achievement("0.1").orElseThrow().validationScript()).isEqualTo("validate-achievement-01.sh");
    }

    @Test
    void shouldAcceptByteOrderMarkAndReportInvalidUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("parallel.json");
        byte[] body = "{\"achievements\": [{\"achievement_id\": \"1.1\"}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(file, withBom);
        assertThat(parser.parse(file).plan().size()).isEqualTo(1);
        Files.write(file, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(PlanReadException.class)
                .hasMessageStartingWith(file + ":1:");
    }

    @Test
    void shouldLocateEveryDependencyAtItsOpeningQuote(@TempDir Path dir) throws IOException {
        String json = "{\"achievements\": [\n  {\"achievement_id\": \"a\"},\n"
                + "  {\"achievement_id\": \"b\", \"dependencies\": [\"a\",   \"zz\"]},\n"
                + "  {\"achievement_id\": \"c\", \"dependencies\": [\"b\"]}\n]}";
        Files.writeString(dir.resolve("parallel.json"), json);
        Plan fromFile = parser.parse(dir).plan();
        Plan plan = parse(json).plan();
        for (Achievement a : plan.achievements()) {
            Achievement read = fromFile.achievement(a.id()).orElseThrow();
            assertThat(read.dependencyLocations()).as("file and text agree").isEqualTo(a.dependencyLocations());
            assertThat(read.location()).isEqualTo(a.location());
        }
        String line3 = json.lines().toList().get(2);
        assertThat(plan.achievement("b").orElseThrow().dependencyLocations()).containsExactly(
                new SourceLocation(3, line3.indexOf("\"a\"") + 1), new SourceLocation(3, line3.indexOf("\"zz\"") + 1));
        String line4 = json.lines().toList().get(3);
        assertThat(plan.achievement("c").orElseThrow().dependencyLocations())
                .containsExactly(new SourceLocation(4, line4.indexOf("\"b\"") + 1));
        assertThat(plan.achievement("b").orElseThrow().location()).isEqualTo(new SourceLocation(3, 3));
    }

    @Test
    void shouldRefuseDuplicateKeysAnywhereInThePlan() {
        for (String json : List.of(
                "{\"plan_name\": \"a\", \"plan_name\": \"b\", \"achievements\": []}",
                "{\"achievements\": [{\"achievement_id\": \"1\", \"extra\": 1, \"extra\": 2}]}",
                "{\"achievements\": [{\"achievement_id\": \"1\", \"sub_executions\": [{\"execution_id\": \"x\", "
                        + "\"title\": \"t\", \"title\": \"u\"}]}]}",
                "{\"achievements\": [], \"priority_groups\": [{\"priority\": 1, \"priority\": 2}]}",
                "{\"achievements\": [], \"parallel_execution_waves\": {\"wave_1\": {}, \"wave_1\": {}}}")) {
            assertThatThrownBy(() -> parse(json)).as(json).isInstanceOf(PlanReadException.class)
                    .hasMessageContaining("Duplicate field '");
        }
    }

    @Test
    void shouldKeepWholeNumberEstimatesAsWritten() {
        Plan plan = parse("{\"achievements\": [{\"achievement_id\": \"a\", \"estimated_hours\": 3}, "
                + "{\"achievement_id\": \"b\", \"estimated_hours\": 250}, {\"achievement_id\": \"c\", "
                + "\"estimated_hours\": 0}]}").plan();
        assertThat(plan.achievements()).extracting(a -> a.estimate().raw()).containsExactly("3", "250", "0");
        assertThat(plan.achievements()).extracting(a -> a.estimate().hours()).containsExactly(3.0, 250.0, 0.0);
        assertThat(plan.achievements()).allMatch(a -> a.estimate().valid());
    }
}
