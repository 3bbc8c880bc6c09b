package io.parallelplan.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Severity;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.pipeline.PipelineException;
import io.parallelplan.core.pipeline.PlanCheck;
import io.parallelplan.core.pipeline.ValidationVerdict;
import io.parallelplan.core.schedule.RunStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: nothing the methodology's own validator ({@code validate_parallel_json.py}) rejects passes silently.
 * Each plan below is one that validator rejects; each test asserts the finding a user sees, and that the Jenkins
 * steps' entry points ({@link PlanCheck#of} for {@code validateParallelPlan}, {@link PlanCheck#load} for
 * {@code readParallelPlan}) report the same findings as {@link PlanLoader} (what {@code validate} prints).
 */
class OriginalValidatorChecksTest {
    private static final String FILE = "plans/DEMO/parallel.json";
    private static final String HEADER = "\"plan_name\": \"DEMO\", \"parallelization_level\": \"level_2\", ";

    private static ValidationReport validate(String json) {
        ValidationReport report = new PlanLoader().load(new PlanParser().parse(json, Path.of(FILE))).report();
        assertThat(PlanCheck.of(json, FILE, null, null).findings()).as("validateParallelPlan sees the same")
                .isEqualTo(report.findings());
        try {
            assertThat(PlanCheck.load(json, FILE).report().findings()).as("readParallelPlan sees the same")
                    .isEqualTo(report.findings());
        } catch (PipelineException e) {
            throw new AssertionError("readParallelPlan could not read the plan", e);
        }
        return report;
    }

    /** A plan with the given header fields (JSON members, without the trailing comma) and one achievement. */
    private static ValidationReport header(String fields) {
        return validate("{" + fields + ", \"achievements\": [{\"achievement_id\": \"1.1\", \"dependencies\": []}]}");
    }

    /** A plan with both header fields and the given achievement objects. */
    private static ValidationReport achievements(String... objects) {
        return validate("{" + HEADER + "\"achievements\": [\n" + String.join(",\n", objects) + "\n]}");
    }

    private static Finding only(ValidationReport report, String code) {
        List<Finding> found = report.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertThat(found).as("findings with code %s in %s", code, report.findings()).hasSize(1);
        return found.get(0);
    }

    @Test
    void shouldPassTheOriginalValidatorsOwnValidPlanWithoutAnyFinding() {
        ValidationReport report = validate("{" + HEADER + "\"achievements\": [{\"achievement_id\": \"1.1\", "
                + "\"dependencies\": [], \"status\": \"not_started\"}]}");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void shouldWarnAboutAMissingPlanNameAndSayWhichNameIsUsedInstead() {
        ValidationReport report = header("\"parallelization_level\": \"level_1\"");
        Finding f = only(report, "missing-plan-name");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("taken from its folder, \"DEMO\"", "SUBPLAN_DEMO_<nn>.md",
                "add \"plan_name\": \"DEMO\"");
        assertThat(f.location()).isEqualTo(new SourceLocation(1, 1));
        assertThat(ConsoleLines.finding(FILE, f)).startsWith(FILE + ":1:1: warning [missing-plan-name] ");
        assertThat(report.isValid()).isTrue();
        assertThat(ValidationVerdict.of(report, true)).isEqualTo(RunStatus.UNSTABLE);
    }

    @Test
    void shouldWarnAboutAnEmptyPlanName() {
        ValidationReport report = header("\"plan_name\": \" \", \"parallelization_level\": \"level_2\"");
        assertThat(only(report, "missing-plan-name").message()).contains("\"plan_name\" is empty");
        assertThat(only(report, "missing-plan-name").location()).isEqualTo(new SourceLocation(1, 15));
    }

    @Test
    void shouldWarnAboutAPlanNameThatCannotBePartOfFileNames() {
        ValidationReport report = header("\"plan_name\": \"my plan\", \"parallelization_level\": \"level_2\"");
        Finding f = only(report, "plan-name-not-file-name");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("\"my plan\"", "'scaffold' refuse");
        assertThat(f.location()).isEqualTo(new SourceLocation(1, 15));
    }

    @Test
    void shouldWarnAboutAMissingParallelizationLevel() {
        ValidationReport report = header("\"plan_name\": \"DEMO\"");
        Finding f = only(report, "missing-parallelization-level");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("add \"parallelization_level\": \"level_2\"", "level_1", "level_3");
    }

    @Test
    void shouldWarnAboutAnUnknownParallelizationLevelWithAGuess() {
        ValidationReport report = header("\"plan_name\": \"DEMO\", \"parallelization_level\": \"invalid\"");
        Finding f = only(report, "unknown-parallelization-level");
        assertThat(f.message()).contains("is \"invalid\", not one of level_1, level_2, level_3");
        assertThat(f.location()).isEqualTo(new SourceLocation(1, 48));
        assertThat(only(header("\"plan_name\": \"DEMO\", \"parallelization_level\": \"Level 3\""),
                "unknown-parallelization-level").message()).contains("did you mean \"level_3\"?");
    }

    @Test
    void shouldWarnAboutAnEmptyAchievementsList() {
        Finding f = only(validate("{" + HEADER + "\"achievements\": []}"), "empty-achievements");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("nothing to check or run");
    }

    @Test
    void shouldStillRefuseAPlanWithoutAchievements() {
        ValidationReport report = validate("{" + HEADER.substring(0, HEADER.length() - 2) + "}");
        assertThat(only(report, "missing-achievements").severity()).isEqualTo(Severity.ERROR);
        assertThat(report.findings()).extracting(Finding::code).doesNotContain("empty-achievements");
    }

    @Test
    void shouldNameTheFilesOfAnIdOutsideTheMethodologysShape() {
        ValidationReport report = achievements("{\"achievement_id\": \"invalid\", \"dependencies\": []}",
                "{\"achievement_id\": \"2.1_exec1\", \"dependencies\": []}",
                "{\"achievement_id\": \"0.1\", \"dependencies\": []}");
        List<Finding> shapes = report.findings().stream().filter(f -> f.code().equals("id-shape")).toList();
        assertThat(shapes).extracting(Finding::achievement).containsExactly("invalid", "2.1_exec1");
        assertThat(shapes).allMatch(f -> f.severity() == Severity.INFO);
        assertThat(shapes.get(1).message()).contains("not of the methodology's X.Y shape",
                "subplans/SUBPLAN_DEMO_21_exec1.md", "execution/EXECUTION_TASK_DEMO_21_exec1_01.md",
                "execution/feedbacks/APPROVED_21_exec1.md");
        assertThat(shapes.get(1).location()).isEqualTo(new SourceLocation(3, 1));
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void shouldWarnAtValidationAboutAnIdThatScaffoldRefuses() {
        ValidationReport report = achievements("{\"achievement_id\": \".1\", \"dependencies\": []}",
                "{\"achievement_id\": \"1..2\", \"dependencies\": []}");
        List<Finding> found = report.findings().stream().filter(f -> f.code().equals("id-not-file-name")).toList();
        assertThat(found).extracting(Finding::achievement).containsExactly(".1", "1..2");
        assertThat(found).allMatch(f -> f.severity() == Severity.WARNING)
                .allMatch(f -> f.message().contains("'parallel-plan scaffold' refuses it"));
    }

    @Test
    void shouldWarnAtValidationAboutIdsWhoseFileNumbersCollide() {
        ValidationReport report = achievements("{\"achievement_id\": \"1.10\", \"dependencies\": []}",
                "{\"achievement_id\": \"11.0\", \"dependencies\": []}");
        Finding f = only(report, "id-file-collision");
        assertThat(f.achievement()).isEqualTo("11.0");
        assertThat(f.message()).contains("ids 1.10 (line 2) and 11.0 both become \"110\"",
                "subplans/SUBPLAN_DEMO_110.md");
    }

    @Test
    void shouldRefuseAStringDependenciesInsteadOfReadingItAsAnId() {
        ValidationReport report = achievements("{\"achievement_id\": \"1.1\", \"dependencies\": \"not an array\"}");
        Finding f = only(report, "invalid-type");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("\"dependencies\" is the string \"not an array\"",
                "must be an array of ids (write [\"not an array\"], or [] for none)");
        assertThat(f.location()).isEqualTo(new SourceLocation(2, 43));
        assertThat(report.findings()).extracting(Finding::code).doesNotContain("unknown-dependency");
    }

    @Test
    void shouldRefuseAnObjectWhereAListBelongsAndNameTheTypeFound() {
        ValidationReport report = achievements("{\"achievement_id\": \"1.1\", \"dependencies\": [], "
                + "\"blocks\": {\"1.2\": true}}");
        assertThat(only(report, "invalid-type").message()).contains("\"blocks\" is an object, but must be an array");
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void shouldRefuseANumberWhereAStringBelongs() {
        ValidationReport report = achievements("{\"achievement_id\": \"1.1\", \"dependencies\": [], \"command\": 5, "
                + "\"title\": 7, \"status\": 1}");
        List<Finding> types = report.findings().stream().filter(f -> f.code().equals("invalid-type")).toList();
        assertThat(types).extracting(Finding::severity)
                .containsExactly(Severity.ERROR, Severity.WARNING, Severity.WARNING);
        assertThat(types.get(0).message()).contains("\"command\" is the number 5, but must be a string");
        assertThat(types.get(1).message()).contains("\"title\" is the number 7");
        assertThat(report.findings()).extracting(Finding::code).doesNotContain("unknown-status");
    }

    @Test
    void shouldReadMissingDependenciesAsNoneAndSaySo() {
        ValidationReport report = achievements("{\"achievement_id\": \"1.1\"}",
                "{\"achievement_id\": \"2.1\", \"dependencies\": null, \"sub_executions\": ["
                        + "{\"execution_id\": \"2.1.1\"}]}");
        List<Finding> found = report.findings().stream().filter(f -> f.code().equals("missing-dependencies"))
                .toList();
        assertThat(found).extracting(Finding::achievement).containsExactly("1.1", "2.1", "2.1/2.1.1");
        assertThat(found).allMatch(f -> f.severity() == Severity.INFO);
        assertThat(found.get(0).message()).contains("read as none", "write \"dependencies\": []");
        assertThat(found.get(0).location()).isEqualTo(new SourceLocation(2, 1));
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void shouldWarnAboutClaimsOfTheWrongTypeInsteadOfSkippingThem() {
        ValidationReport report = validate("{" + HEADER + "\"achievements\": [{\"achievement_id\": \"1.1\", "
                + "\"dependencies\": []}], \"priority_groups\": [3], \"critical_path_analysis\": \"long\", "
                + "\"parallel_execution_waves\": {\"wave_1\": [\"1.1\"]}}");
        assertThat(report.warnings()).extracting(Finding::message).anyMatch(m -> m.contains(
                "entry 1 of \"priority_groups\" is the number 3, not an object"))
                .anyMatch(m -> m.contains("\"critical_path_analysis\" is the string \"long\""))
                .anyMatch(m -> m.contains("wave \"wave_1\" of \"parallel_execution_waves\" is an array"));
    }
}
