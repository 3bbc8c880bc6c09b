package io.parallelplan.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.model.Severity;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.parse.ParsedPlan;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.testing.Corpus;
import io.parallelplan.core.validate.DependencyCycle.Link;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {
    private final PlanValidator validator = new PlanValidator();

    private ValidationReport validate(String json) {
        return validator.validate(new PlanParser().parse(json, Path.of("parallel.json")));
    }

    /** A plan of achievements given as JSON object bodies, one per line, with the header fields written. */
    private ValidationReport plan(String... achievements) {
        return validate("{\"plan_name\": \"P\", \"parallelization_level\": \"level_2\", \"achievements\": [\n"
                + String.join(",\n", achievements) + "\n]}");
    }

    private static List<Finding> withCode(ValidationReport report, String code) {
        return report.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    private static Finding only(ValidationReport report, String code) {
        List<Finding> found = withCode(report, code);
        assertThat(found).as("findings with code %s in %s", code, report.findings()).hasSize(1);
        return found.get(0);
    }

    @Test
    void shouldAcceptAValidPlanWithoutFindings() {
        ValidationReport report = plan(
                "{\"achievement_id\": \"1.1\", \"dependencies\": [], \"estimated_hours\": \"2-3\", "
                        + "\"status\": \"complete\"}",
                "{\"achievement_id\": \"1.2\", \"dependencies\": [\"1.1\"], \"status\": \"in_progress\"}");
        assertThat(report.findings()).isEmpty();
        assertThat(report.isValid()).isTrue();
        assertThat(report.cycles()).isEmpty();
    }

    @Test
    void shouldReportMissingAchievementsArray() {
        ValidationReport report = validate("{\"plan_name\": \"X\"}");
        assertThat(only(report, "missing-achievements").severity()).isEqualTo(Severity.ERROR);
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void shouldReportAchievementWithoutIdByPosition() {
        ValidationReport report = plan("{\"achievement_id\": \"1.1\"}", "{\"title\": \"nameless\"}");
        Finding f = only(report, "missing-id");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.achievement()).isEqualTo("#2");
        assertThat(f.message()).contains("achievement #2 has no achievement_id");
        assertThat(f.location().line()).isEqualTo(3);
    }

    @Test
    void shouldReportEmptyIdAsMissing() {
        ValidationReport report = plan("{\"achievement_id\": \"\"}");
        assertThat(only(report, "missing-id").achievement()).isEqualTo("#1");
    }

    @Test
    void shouldRejectHostileIdsNamingThemByPosition() {
        ValidationReport report = plan(
                "{\"achievement_id\": \"../x\"}",
                "{\"achievement_id\": \"a b\"}",
                "{\"achievement_id\": \"<script>\"}",
                "{\"achievement_id\": \"..\"}",
                "{\"achievement_id\": \"" + "a".repeat(65) + "\"}",
                "{\"achievement_id\": \"x\\u001b[31m\"}",
                "{\"achievement_id\": \"ok-1_2.3\"}",
                "{\"achievement_id\": \"" + "b".repeat(64) + "\"}");
        List<Finding> invalid = withCode(report, "invalid-id");
        assertThat(invalid).extracting(Finding::achievement).containsExactly("#1", "#2", "#3", "#4", "#5", "#6");
        assertThat(invalid).allMatch(f -> f.severity() == Severity.ERROR);
        assertThat(invalid.get(0).message()).contains("\"../x\"", "path separator '/'", "rename it");
        assertThat(invalid.get(1).message()).contains("a space");
        assertThat(invalid.get(2).message()).contains("'<'");
        assertThat(invalid.get(3).message()).contains("dots only");
        assertThat(invalid.get(4).message()).contains("65 characters, more than 64");
        assertThat(invalid.get(5).message()).contains("\\u001b").doesNotContain("\u001b");
    }

    @Test
    void shouldNameHostileIdsOfPlansBuiltInMemoryByTheirIndex() {
        List<Achievement> achievements = List.of(Achievement.builder("ok").build(), Achievement.builder("").build(),
                Achievement.builder("a/b").build());
        ValidationReport report = validator.validate(new ParsedPlan(Plan.of("memory", achievements), List.of()));
        assertThat(only(report, "missing-id").achievement()).isEqualTo("#2");
        assertThat(only(report, "invalid-id").message()).startsWith("achievement #3 has the id \"a/b\"");
    }

    /** Entries that are not objects still count in the positions findings name. */
    @Test
    void shouldCountPositionsAsInTheFile() {
        ValidationReport report = plan("42", "{\"achievement_id\": \"x y\"}");
        assertThat(only(report, "invalid-id").achievement()).isEqualTo("#2");
    }

    @Test
    void shouldQuoteHostileIdsInCycleMessages() {
        ValidationReport report = plan("{\"achievement_id\": \"a b\", \"dependencies\": [\"x\\u0085y\"]}",
                "{\"achievement_id\": \"x\\u0085y\", \"dependencies\": [\"a b\"]}");
        assertThat(only(report, "cycle").message()).contains("\"a b\" → \"x\\u0085y\" → \"a b\"")
                .doesNotContain("\u0085");
        assertThat(withCode(report, "invalid-id")).hasSize(2);
    }

    @Test
    void shouldReportBothPlacesOfADuplicateId() {
        ValidationReport report = plan("{\"achievement_id\": \"1.1\"}", "{\"achievement_id\": \"1.2\"}",
                "{\"achievement_id\": \"1.1\"}");
        List<Finding> dups = withCode(report, "duplicate-id");
        assertThat(dups).hasSize(2).allMatch(f -> f.severity() == Severity.ERROR && f.achievement().equals("1.1"));
        assertThat(dups).extracting(f -> f.location().line()).containsExactly(2, 4);
        assertThat(dups.get(0).message()).contains("also used by line 4");
        assertThat(dups.get(1).message()).contains("also used by line 2");
    }

    @Test
    void shouldSuggestTheNearestIdForAnUnknownDependency() {
        ValidationReport report = plan("{\"achievement_id\": \"setup-db\"}",
                "{\"achievement_id\": \"load\",\n \"dependencies\": [\"setup-bd\"]}");
        Finding f = only(report, "unknown-dependency");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.achievement()).isEqualTo("load");
        assertThat(f.message()).contains("\"setup-bd\"", "did you mean \"setup-db\"?");
        assertThat(f.location()).isEqualTo(new SourceLocation(4, 19));
    }

    @Test
    void shouldSuggestIdsTwoEditsAwayAndNothingForStrangers() {
        ValidationReport report = plan("{\"achievement_id\": \"deploy-api\"}",
                "{\"achievement_id\": \"x\", \"dependencies\": [\"deploy-apix2\", \"zzzzzz\"]}");
        List<Finding> unknown = withCode(report, "unknown-dependency");
        assertThat(unknown.get(0).message()).contains("did you mean \"deploy-api\"?");
        assertThat(unknown.get(1).message()).doesNotContain("did you mean").contains("add it or remove it");
    }

    @Test
    void shouldSuggestQuicklyInAHugePlan() {
        List<Achievement> achievements = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            achievements.add(Achievement.builder("task-" + i).position(i).build());
        }
        achievements.add(Achievement.builder("last").dependsOn("task-4711x").position(100_000).build());
        ValidationReport report = validator.validate(new ParsedPlan(Plan.of("big", achievements), List.of()));
        assertThat(only(report, "unknown-dependency").message()).contains("did you mean \"task-4711\"");
    }

    @Test
    void shouldReportSelfDependency() {
        ValidationReport report = plan("{\"achievement_id\": \"1.1\", \"dependencies\": [\"1.1\"]}");
        Finding f = only(report, "self-dependency");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("depends on itself");
        assertThat(report.cycles()).isEmpty();
    }

    @Test
    void shouldWarnAboutARepeatedDependency() {
        ValidationReport report = plan("{\"achievement_id\": \"1.1\"}",
                "{\"achievement_id\": \"1.2\", \"dependencies\": [\"1.1\", \"1.1\"]}");
        assertThat(only(report, "duplicate-dependency").severity()).isEqualTo(Severity.WARNING);
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void shouldReportASimpleCycleOnceAsAFullPathWithEveryEdge() {
        ValidationReport report = plan(
                "{\"achievement_id\": \"2.1\", \"dependencies\": [\"2.3\"]}",
                "{\"achievement_id\": \"2.2\", \"dependencies\": [\"2.1\"]}",
                "{\"achievement_id\": \"2.3\", \"dependencies\": [\"2.2\"]}");
        Finding f = only(report, "cycle");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.achievement()).isEqualTo("2.1");
        assertThat(f.message()).contains("2.1 → 2.2 → 2.3 → 2.1", "remove any one of these dependencies");
        assertThat(f.location().line()).isEqualTo(2);
        DependencyCycle cycle = report.cycles().get(0);
        assertThat(cycle.simple()).isTrue();
        assertThat(cycle.members()).containsExactly("2.1", "2.2", "2.3");
        assertThat(cycle.path()).containsExactly("2.1", "2.2", "2.3", "2.1");
        assertThat(cycle.breakingEdges()).containsExactly(
                new Link("2.1", "2.2"), new Link("2.2", "2.3"), new Link("2.3", "2.1"));
    }

    @Test
    void shouldBreakALargerComponentWithASmallSetOfEdges() {
        // 2.1 and 2.3 need each other, and so do 2.2 and 2.3: two cycles, broken by two edges.
        ValidationReport report = plan(
                "{\"achievement_id\": \"2.1\", \"dependencies\": [\"2.3\"]}",
                "{\"achievement_id\": \"2.2\", \"dependencies\": [\"2.1\", \"2.3\"]}",
                "{\"achievement_id\": \"2.3\", \"dependencies\": [\"2.2\", \"2.1\"]}");
        Finding f = only(report, "cycle");
        assertThat(f.message()).contains("among 3 achievements", "removing these 2 dependencies breaks every cycle");
        DependencyCycle cycle = report.cycles().get(0);
        assertThat(cycle.simple()).isFalse();
        assertThat(cycle.path()).containsExactly("2.1", "2.3", "2.1");
        assertThat(cycle.breakingEdges()).hasSize(2);
    }

    @Test
    void shouldReportEachComponentOnce() {
        ValidationReport report = plan(
                "{\"achievement_id\": \"a\", \"dependencies\": [\"b\"]}",
                "{\"achievement_id\": \"b\", \"dependencies\": [\"a\"]}",
                "{\"achievement_id\": \"c\", \"dependencies\": [\"a\", \"d\"]}",
                "{\"achievement_id\": \"d\", \"dependencies\": [\"c\"]}");
        assertThat(withCode(report, "cycle")).hasSize(2);
        assertThat(report.cycles()).extracting(DependencyCycle::members)
                .containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void shouldCheckSubExecutionsWithQualifiedIds() {
        ValidationReport report = plan("""
                {"achievement_id": "2.1", "sub_executions": [
                  {"execution_id": "2.1.1", "dependencies": ["2.1.2"]},
                  {"execution_id": "2.1.2", "dependencies": ["2.1.1", "2.1.9x"]},
                  {"execution_id": "2.1.1"},
                  {"execution_id": "bad id"},
                  {"title": "no id", "status": "bogus"}
                ]}""");
        assertThat(only(report, "cycle").message()).contains("2.1/2.1.1 → 2.1/2.1.2 → 2.1/2.1.1", "sub-executions");
        assertThat(report.cycles().get(0).scope()).isEqualTo("2.1");
        Finding unknown = only(report, "unknown-dependency");
        assertThat(unknown.achievement()).isEqualTo("2.1/2.1.2");
        assertThat(unknown.message()).contains("not a sub-execution of 2.1");
        assertThat(withCode(report, "duplicate-id")).extracting(Finding::achievement)
                .containsOnly("2.1/2.1.1").hasSize(2);
        assertThat(only(report, "invalid-id").achievement()).isEqualTo("2.1/#4");
        assertThat(only(report, "missing-id").message()).contains("sub-execution #5 has no execution_id");
        assertThat(only(report, "unknown-status").achievement()).isEqualTo("2.1/#5");
    }

    @Test
    void shouldReportEveryFindingAtOnce() {
        ValidationReport report = plan(
                "{\"achievement_id\": \"1.1\", \"dependencies\": [\"9.9\"]}",
                "{\"achievement_id\": \"1.1\"}",
                "{\"achievement_id\": \"a/b\"}",
                "{\"achievement_id\": \"1.3\", \"dependencies\": [\"1.3\"], \"status\": \"done\"}");
        assertThat(report.errors()).extracting(Finding::code)
                .contains("unknown-dependency", "duplicate-id", "invalid-id", "self-dependency");
        assertThat(report.warnings()).extracting(Finding::code).containsExactly("unknown-status");
    }

    @Test
    void shouldWarnAboutUnknownStatusWithAHint() {
        Finding f = only(plan("{\"achievement_id\": \"1.1\", \"status\": \"completed\"}"), "unknown-status");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("did you mean \"complete\"?");
        assertThat(only(plan("{\"achievement_id\": \"1.1\", \"status\": \"done\"}"), "unknown-status").message())
                .contains("did you mean \"complete\"?");
    }

    @Test
    void shouldWarnAboutNegativeAndUnreadableEstimates() {
        ValidationReport report = plan("{\"achievement_id\": \"1.1\", \"estimated_hours\": -2}",
                "{\"achievement_id\": \"1.2\", \"estimated_hours\": \"a while\"}",
                "{\"achievement_id\": \"1.3\", \"estimated_hours\": \"6-4\"}");
        List<Finding> found = withCode(report, "invalid-estimate");
        assertThat(found).extracting(Finding::achievement).containsExactly("1.1", "1.2", "1.3");
        assertThat(found.get(0).message()).contains("is negative", "counts as 1 h");
        assertThat(found.get(1).message()).contains("not a number of hours");
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void shouldWarnWhenBlocksNamesSomethingThatDoesNotDependOnIt() {
        ValidationReport report = plan(
                "{\"achievement_id\": \"1.1\", \"blocks\": [\"1.2\", \"1.3\"]}",
                "{\"achievement_id\": \"1.2\", \"dependencies\": [\"1.1\"]}",
                "{\"achievement_id\": \"1.3\"}");
        Finding f = only(report, "blocks-not-dependent");
        assertThat(f.achievement()).isEqualTo("1.1");
        assertThat(f.message()).contains("blocks claims 1.3, but 1.3 does not depend on it");
    }

    @Test
    void shouldAcceptBlocksThroughIndirectDependents() {
        ValidationReport report = plan(
                "{\"achievement_id\": \"1.1\", \"dependencies\": [], \"blocks\": [\"1.2\", \"1.3\"]}",
                "{\"achievement_id\": \"1.2\", \"dependencies\": [\"1.1\"], \"blocks\": [\"1.3\"]}",
                "{\"achievement_id\": \"1.3\", \"dependencies\": [\"1.2\"]}");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void shouldWarnAboutAFalseBlocksClaimOnlyWhenTheSearchCanProveIt() {
        assertThat(withCode(chainWithFalseBlocksClaim(100), "blocks-not-dependent")).hasSize(1);
        assertThat(withCode(chainWithFalseBlocksClaim(Reachability.BUDGET + 10), "blocks-not-dependent")).isEmpty();
    }

    /** "y" claims to block the end of a chain that never reaches it; proving that means walking the whole chain. */
    private ValidationReport chainWithFalseBlocksClaim(int length) {
        List<Achievement> achievements = new ArrayList<>();
        achievements.add(Achievement.builder("y").blocks(List.of("c" + (length - 1))).position(0).build());
        for (int i = 0; i < length; i++) {
            Achievement.Builder b = Achievement.builder("c" + i).position(i + 1);
            if (i > 0) {
                b.dependsOn("c" + (i - 1));
            }
            achievements.add(b.build());
        }
        return validator.validate(new ParsedPlan(Plan.of("chain", achievements), List.of()));
    }

    @Test
    void shouldWarnWhenBlocksLeavesOutADirectDependent() {
        ValidationReport report = plan(
                "{\"achievement_id\": \"1.1\", \"blocks\": [\"1.2\"]}",
                "{\"achievement_id\": \"1.2\", \"dependencies\": [\"1.1\"]}",
                "{\"achievement_id\": \"1.3\", \"dependencies\": [\"1.1\"]}");
        Finding f = only(report, "blocks-missing-dependent");
        assertThat(f.achievement()).isEqualTo("1.1");
        assertThat(f.message()).contains("does not list 1.3, which depends on it directly");
    }

    @Test
    void shouldNotCheckBlocksInPlansThatNeverWriteIt() {
        ValidationReport report = plan("{\"achievement_id\": \"1.1\", \"dependencies\": []}",
                "{\"achievement_id\": \"1.2\", \"dependencies\": [\"1.1\"]}");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void shouldWarnWhenParallelClaimIsContradictedByADependencyPath() {
        ValidationReport report = plan(
                "{\"achievement_id\": \"1.1\", \"parallelizable_with\": [\"1.3\", \"1.4\"]}",
                "{\"achievement_id\": \"1.2\", \"dependencies\": [\"1.1\"]}",
                "{\"achievement_id\": \"1.3\", \"dependencies\": [\"1.2\"]}",
                "{\"achievement_id\": \"1.4\"}");
        Finding f = only(report, "parallel-claim-contradicted");
        assertThat(f.achievement()).isEqualTo("1.1");
        assertThat(f.message()).contains("1.1 → 1.2 → 1.3");
    }

    @Test
    void shouldWarnAboutUnknownIdsInClaims() {
        ValidationReport report = validate("""
                {"achievements": [
                  {"achievement_id": "1.1", "blocks": ["1.2"], "parallelizable_with": ["1.9"]},
                  {"achievement_id": "1.2", "dependencies": ["1.1"]}
                ],
                "priority_groups": [{"priority": 1, "achievements": ["1.1", "1.2", "7.7"]}],
                "cross_priority_dependencies": [{"from_achievement": "1.2", "to_achievement": "0.0"}],
                "parallel_execution_waves": {"w1": {"achievements": ["1.1", "x"], "dependencies": ["y"]},
                                             "w2": {"achievements": ["1.2"]}}}
                """);
        List<Finding> unknown = withCode(report, "unknown-claim-id");
        assertThat(unknown).allMatch(f -> f.severity() == Severity.WARNING);
        assertThat(unknown).extracting(Finding::message).anyMatch(m -> m.contains("parallelizable_with names \"1.9\""))
                .anyMatch(m -> m.contains("priority_groups (priority 1) names \"7.7\""))
                .anyMatch(m -> m.contains("to_achievement) names \"0.0\""))
                .anyMatch(m -> m.contains("wave w1 names \"x\""))
                .anyMatch(m -> m.contains("dependencies of wave w1 names \"y\""));
        assertThat(unknown).hasSize(5);
    }

    @Test
    void shouldWarnAboutAchievementsInNoPriorityGroup() {
        ValidationReport report = validate("""
                {"achievements": [{"achievement_id": "1.1"}, {"achievement_id": "1.2"}],
                 "priority_groups": [{"priority": 1, "achievements": ["1.1"]}]}
                """);
        assertThat(only(report, "priority-group-missing").message()).contains("does not list 1.2");
    }

    @Test
    void shouldWarnAboutConflictingPriorityGroups() {
        ValidationReport report = validate("""
                {"achievements": [{"achievement_id": "1.1", "priority": 1}, {"achievement_id": "1.2", "priority": 2}],
                 "priority_groups": [{"priority": 1, "achievements": ["1.1", "1.2"]},
                                     {"priority": 2, "achievements": ["1.1"]}]}
                """);
        List<Finding> conflicts = withCode(report, "priority-group-conflict");
        assertThat(conflicts).extracting(Finding::message).anyMatch(m -> m.contains("1.2 has priority 2"))
                .anyMatch(m -> m.contains("1.1 is listed in priority group 1 and again in 2"));
    }

    @Test
    void shouldWarnAboutCrossPriorityDependenciesNotInTheGraph() {
        ValidationReport report = validate("""
                {"achievements": [{"achievement_id": "1.1"}, {"achievement_id": "2.1"}],
                 "cross_priority_dependencies": [{"from_achievement": "2.1", "to_achievement": "1.1"}]}
                """);
        Finding f = only(report, "cross-dependency-drift");
        assertThat(f.message()).contains("2.1 does not list 1.1 in its dependencies");
    }

    @Test
    void shouldWarnAboutCrossGroupEdgesLeftOutOfTheList() {
        ValidationReport report = validate("""
                {"achievements": [{"achievement_id": "1.1"}, {"achievement_id": "1.2"},
                                  {"achievement_id": "2.1", "dependencies": ["1.1", "1.2"]}],
                 "priority_groups": [{"priority": 1, "achievements": ["1.1", "1.2"]},
                                     {"priority": 2, "achievements": ["2.1"]}],
                 "cross_priority_dependencies": [{"from_achievement": "2.1", "to_achievement": "1.1"}]}
                """);
        assertThat(only(report, "cross-dependency-unlisted").message()).contains("leaves out 2.1 on 1.2");
    }

    @Test
    void shouldWarnAboutWavesThatRunSomethingBeforeOrWithItsDependency() {
        ValidationReport report = validate("""
                {"achievements": [{"achievement_id": "a"}, {"achievement_id": "b", "dependencies": ["a"]},
                                  {"achievement_id": "c", "dependencies": ["b"]}],
                 "parallel_execution_waves": {"first": {"achievements": ["b"]},
                                              "second": {"achievements": ["a", "c"]}}}
                """);
        List<Finding> order = withCode(report, "wave-order");
        assertThat(order).extracting(Finding::achievement).containsExactly("b");
        assertThat(order.get(0).message()).contains("b depends on a, which is in the later wave second");
        ValidationReport same = validate("""
                {"achievements": [{"achievement_id": "a"}, {"achievement_id": "b", "dependencies": ["a"]}],
                 "parallel_execution_waves": {"only": {"achievements": ["a", "b"]}}}
                """);
        assertThat(only(same, "wave-order").message()).contains("in the same wave only");
    }

    @Test
    void shouldWarnAboutAchievementsInNoWaveOrInTwo() {
        ValidationReport report = validate("""
                {"achievements": [{"achievement_id": "a"}, {"achievement_id": "b"}, {"achievement_id": "c"}],
                 "parallel_execution_waves": {"w1": {"achievements": ["a", "b"]}, "w2": {"achievements": ["b"]}}}
                """);
        assertThat(withCode(report, "wave-membership")).extracting(Finding::message)
                .anyMatch(m -> m.contains("b is in wave w1 and again in w2"))
                .anyMatch(m -> m.contains("no wave of parallel_execution_waves lists c"));
    }

    @Test
    void shouldCompareCriticalPathClaimsWithTheGraph() {
        ValidationReport report = validate("""
                {"achievements": [{"achievement_id": "a", "estimated_hours": "2-4"},
                                  {"achievement_id": "b", "estimated_hours": 1.5, "dependencies": ["a"]},
                                  {"achievement_id": "c", "estimated_hours": 3}],
                 "critical_path_analysis": {"sequential_time": 9, "parallel_time": "3-4"}}
                """);
        List<Finding> drift = withCode(report, "critical-path-drift");
        assertThat(drift).hasSize(2).allMatch(f -> f.severity() == Severity.WARNING);
        assertThat(drift.get(0).message()).contains("sequential_time claims 9.0 h", "sum to 8.5 h",
                "update it to 8.5");
        assertThat(drift.get(1).message()).contains("parallel_time claims 4.0 h", "a → b takes 5.5 h",
                "update it to 5.5");
    }

    @Test
    void shouldAcceptCriticalPathClaimsThatMatch() {
        ValidationReport report = validate("""
                {"achievements": [{"achievement_id": "a", "estimated_hours": "2-4"},
                                  {"achievement_id": "b", "estimated_hours": 1.5, "dependencies": ["a"]}],
                 "critical_path_analysis": {"sequential_time": 5.5, "parallel_time": 5.5}}
                """);
        assertThat(withCode(report, "critical-path-drift")).isEmpty();
    }

    @Test
    void shouldWarnWhenTotalAchievementsIsWrong() {
        ValidationReport report = validate("{\"total_achievements\": 3, \"achievements\": [{\"achievement_id\": \"a\"}]}");
        assertThat(only(report, "total-achievements-drift").message()).contains("claims 3", "has 1");
    }

    @Test
    void shouldReportUnknownFieldsAsInfo() {
        ValidationReport report = validate("{\"plan_name\": \"P\", \"parallelization_level\": \"level_2\", "
                + "\"owner\": \"me\", \"achievements\": [{\"achievement_id\": \"1.1\", \"dependencies\": [], "
                + "\"colour\": \"red\"}]}");
        assertThat(withCode(report, "unknown-field")).hasSize(2).allMatch(f -> f.severity() == Severity.INFO);
        assertThat(report.isValid()).isTrue();
        assertThat(report.infos()).hasSize(2);
    }

    @Test
    void shouldValidateEveryCorpusFile() {
        for (Path file : Corpus.planFiles()) {
            ValidationReport report = new PlanLoader().load(file).report();
            assertThat(report.errors()).as("errors in %s", file).isEmpty();
        }
    }

    @Test
    void shouldReportTheDriftOfTheGraphragPlan() {
        ValidationReport report = new PlanLoader().load(Corpus.graphragFolder()).report();
        assertThat(report.isValid()).isTrue();
        List<String> drift = withCode(report, "critical-path-drift").stream().map(Finding::message).toList();
        assertThat(drift).hasSize(2);
        assertThat(drift.get(0)).contains("claims 68.5 h", "sum to 71.0 h");
        assertThat(drift.get(1)).contains("claims 36.0 h", "takes 23.5 h");
        assertThat(withCode(report, "blocks-missing-dependent")).extracting(Finding::achievement).contains("2.2");
        assertThat(withCode(report, "wave-order")).extracting(Finding::achievement).containsExactly("1.2", "1.3", "1.3");
        assertThat(report.infos()).extracting(Finding::code).containsOnly("unknown-field");
    }

    @Test
    void shouldRefuseAnInvalidPlanWithTheWholeReport() {
        ParsedPlan parsed = new PlanParser().parse("{\"achievements\": [{\"achievement_id\": \"a\", "
                + "\"dependencies\": [\"b\"]}, {\"achievement_id\": \"a\"}]}", Path.of("p/parallel.json"));
        LoadedPlan loaded = new PlanLoader().load(parsed);
        assertThatThrownBy(loaded::requireValid).isInstanceOfSatisfying(InvalidPlanException.class, e -> {
            assertThat(e.report().errors()).hasSize(3);
            assertThat(e.file()).contains(Path.of("p/parallel.json"));
            assertThat(e.getMessage()).contains("3 errors");
        });
    }

    @Test
    void shouldUseTheGraphTheCallerBuilt() {
        ParsedPlan parsed = new PlanParser().parse("{\"plan_name\": \"P\", \"parallelization_level\": \"level_2\", "
                + "\"achievements\": [{\"achievement_id\": \"1.1\", \"dependencies\": []}]}", Path.of("parallel.json"));
        PlanGraph graph = PlanGraph.of(parsed.plan().achievements());
        assertThat(validator.validate(parsed, graph).findings()).isEmpty();
    }
}
