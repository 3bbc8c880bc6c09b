package io.parallelplan.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Result;
import java.util.List;
import java.util.stream.Stream;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.pipeline.StageStatus;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ParallelPlanStepTest {
    /** a, b and c are independent (1 hour each); d needs all three. */
    private static final String FAN_IN = """
            {"plan_name": "Fan in", "achievements": [
              {"id": "a", "title": "A"}, {"id": "b", "title": "B"}, {"id": "c", "title": "C"},
              {"id": "d", "title": "D", "dependencies": ["a", "b", "c"]}
            ]}""";

    /** a fails in most tests; c needs a; b is independent. */
    private static final String CHAIN = """
            {"plan_name": "Chain", "achievements": [
              {"id": "a", "title": "A"}, {"id": "b", "title": "B"}, {"id": "c", "title": "C", "dependencies": ["a"]}
            ]}""";

    private static final String FAIL_A = "if (a.id == 'a') { error 'boom' } else { echo \"ran ${a.id}\" }";

    private static WorkflowJob job(JenkinsRule r, String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    private static List<FlowNode> nodes(WorkflowRun b) {
        return new DepthFirstScanner().allNodes(b.getExecution());
    }

    private static boolean stageSkipped(WorkflowRun b, String stage) {
        return nodes(b).stream()
                .anyMatch(n -> n.getDisplayName().equals(stage)
                        && StageStatus.isSkippedStageForReason(n, StageStatus.getSkippedForConditional()));
    }

    private static List<Result> warnings(WorkflowRun b) {
        return nodes(b).stream()
                .map(n -> n.getPersistentAction(WarningAction.class))
                .filter(w -> w != null)
                .map(WarningAction::getResult)
                .toList();
    }

    private static int indexOf(WorkflowRun b, String text) throws Exception {
        String log = JenkinsRule.getLog(b);
        assertThat(log).contains(text);
        return log.indexOf(text);
    }

    @Test
    void shouldRespectDependenciesAndNeverExceedMaxParallel(JenkinsRule r) throws Exception {
        WorkflowJob p = job(r, Pipelines.run(FAN_IN, "maxParallel: 2", "semaphore a.id"));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();

        r.waitForMessage("d waiting for", b);
        r.waitForMessage("READY, waiting for a free slot (2 running)", b);
        String log = JenkinsRule.getLog(b);
        List<String> running = Stream.of("a", "b", "c")
                .filter(id -> log.contains(id + " STARTED"))
                .toList();
        assertThat(running).as("two of the three independent achievements run").hasSize(2);
        String third = Stream.of("a", "b", "c")
                .filter(id -> !running.contains(id))
                .findFirst()
                .orElseThrow();

        SemaphoreStep.success(running.get(0) + "/1", null);
        SemaphoreStep.waitForStart(third + "/1", b);
        r.assertLogNotContains("d STARTED", b);
        SemaphoreStep.success(running.get(1) + "/1", null);
        SemaphoreStep.success(third + "/1", null);
        SemaphoreStep.waitForStart("d/1", b);
        SemaphoreStep.success("d/1", null);

        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        assertThat(indexOf(b, "d STARTED"))
                .isGreaterThan(indexOf(b, "a SUCCEEDED"))
                .isGreaterThan(indexOf(b, "b SUCCEEDED"))
                .isGreaterThan(indexOf(b, "c SUCCEEDED"));
        r.assertLogContains(
                "4 achievements: 4 succeeded, 0 flaky, 0 failed, 0 blocked, 0 cancelled, 0 skipped — SUCCESS", b);
    }

    @Test
    void shouldKeepGoingPastAFailureAndShowDependentsSkipped(JenkinsRule r) throws Exception {
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, Pipelines.run(CHAIN, "", FAIL_A)));

        r.assertLogContains("a FAILED (boom after 1 attempt)", b);
        r.assertLogContains("c BLOCKED ← a FAILED", b);
        r.assertLogContains("ran b", b);
        r.assertLogNotContains("ran c", b);
        r.assertLogContains(
                "3 achievements: 1 succeeded, 0 flaky, 1 failed, 1 blocked, 0 cancelled, 0 skipped" + " — FAILURE", b);
        assertThat(stageSkipped(b, "c C"))
                .as("the blocked stage is tagged skipped")
                .isTrue();
        assertThat(stageSkipped(b, "b B")).isFalse();
        assertThat(warnings(b)).containsExactly(Result.FAILURE);
    }

    @Test
    void shouldMakeAnOptionalFailureUnstable(JenkinsRule r) throws Exception {
        String plan = """
                {"achievements": [{"id": "a", "title": "A", "optional": true}, {"id": "b", "title": "B"}]}""";

        WorkflowRun b = r.buildAndAssertStatus(Result.UNSTABLE, job(r, Pipelines.run(plan, "", FAIL_A)));

        r.assertLogContains("it is optional, so the build is at worst UNSTABLE", b);
        assertThat(warnings(b)).containsExactly(Result.UNSTABLE);
    }

    @Test
    void shouldInterruptRunningAndCancelWaitingAchievementsUnderFailFast(JenkinsRule r) throws Exception {
        WorkflowJob p = job(
                r,
                Pipelines.run(
                        CHAIN.replace("\"dependencies\": [\"a\"]", "\"dependencies\": [\"b\"]"),
                        "failurePolicy: 'failFast'",
                        "semaphore a.id"));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("a/1", b);
        SemaphoreStep.waitForStart("b/1", b);

        SemaphoreStep.failure("a/1", new AbortException("boom"));

        r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(b));
        r.assertLogContains("a FAILED (boom after 1 attempt)", b);
        r.assertLogContains("b CANCELLED (fail-fast: a FAILED", b);
        r.assertLogContains("c CANCELLED (fail-fast: a FAILED", b);
        assertThat(warnings(b)).contains(Result.FAILURE, Result.ABORTED);
    }

    @Test
    void shouldJudgeAThresholdRunByItsScore(JenkinsRule r) throws Exception {
        String plan = """
                {"achievements": [{"id": "a", "title": "Small", "estimated_hours": 1},
                                  {"id": "b", "title": "Big", "estimated_hours": 9}]}""";

        WorkflowRun b = r.buildAndAssertStatus(
                Result.UNSTABLE, job(r, Pipelines.run(plan, "failurePolicy: 'threshold', minScore: 0.8", FAIL_A)));

        r.assertLogContains("— UNSTABLE (score 0.90 ≥ 0.80)", b);
    }

    @Test
    void shouldFailAThresholdRunBelowItsScore(JenkinsRule r) throws Exception {
        String plan = """
                {"achievements": [{"id": "a", "title": "Big", "estimated_hours": 9},
                                  {"id": "b", "title": "Small", "estimated_hours": 1}]}""";

        WorkflowRun b = r.buildAndAssertStatus(
                Result.FAILURE, job(r, Pipelines.run(plan, "failurePolicy: 'threshold', minScore: 0.8", FAIL_A)));

        r.assertLogContains("— FAILURE (score ", b);
        r.assertLogContains(" < 0.80)", b);
    }

    @Test
    void shouldRetryAFailedAttemptAndReportItFlaky(JenkinsRule r) throws Exception {
        String plan = """
                {"achievements": [{"id": "a", "title": "A", "retries": 1}]}""";
        WorkflowJob p = job(r, Pipelines.run(plan, "", "semaphore a.id"));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();

        SemaphoreStep.waitForStart("a/1", b);
        SemaphoreStep.failure("a/1", new AbortException("first try"));
        SemaphoreStep.waitForStart("a/2", b);
        SemaphoreStep.success("a/2", null);

        r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(b));
        r.assertLogContains("a attempt 1 of 2 failed (first try); retrying", b);
        r.assertLogContains("a STARTED (attempt 2 of 2)", b);
        r.assertLogContains("a FLAKY (passed on attempt 2 of 2)", b);
    }

    @Test
    void shouldUseTheRetriesOfTheBlockWhenThePlanSetsNone(JenkinsRule r) throws Exception {
        String plan = """
                {"achievements": [{"id": "a", "title": "A"}]}""";

        WorkflowRun b =
                r.buildAndAssertStatus(Result.FAILURE, job(r, Pipelines.run(plan, "retries: 2", "error 'always'")));

        r.assertLogContains("a FAILED (always after 3 attempts)", b);
    }

    @Test
    void shouldShowTheRunOnTheBuildPageAndInTheRestApi(JenkinsRule r) throws Exception {
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, Pipelines.run(CHAIN, "maxParallel: 2", FAIL_A)));

        ParallelPlanAction action = b.getAction(ParallelPlanAction.class);
        assertThat(action.getResult()).isEqualTo("FAILURE");
        assertThat(action.getAchievements())
                .extracting(row -> row.get("id"), row -> row.get("state"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", "FAILED"),
                        org.assertj.core.groups.Tuple.tuple("b", "SUCCEEDED"),
                        org.assertj.core.groups.Tuple.tuple("c", "BLOCKED"));
        assertThat(action.getBlockedChains()).singleElement().asString().startsWith("c BLOCKED ← a FAILED");

        JenkinsRule.WebClient wc = r.createWebClient();
        HtmlPage page = wc.getPage(b, "parallel-plan/");
        assertThat(page.asNormalizedText()).contains("Parallel Plan: Chain").contains("c BLOCKED ← a FAILED");
        assertThat(page.getAnchors())
                .anySatisfy(anchor -> assertThat(anchor.getHrefAttribute()).contains("/log"));
        HtmlPage buildPage = wc.getPage(b);
        assertThat(buildPage.asNormalizedText()).contains("Parallel Plan").contains("3 achievements: 1 succeeded");

        JSONObject json = r.getJSON(b.getUrl() + "api/json?depth=2").getJSONObject();
        JSONObject exported = null;
        for (Object o : json.getJSONArray("actions")) {
            if (o instanceof JSONObject a && "Chain".equals(a.optString("planName"))) {
                exported = a;
            }
        }
        assertThat((Object) exported).as("the block's action in api/json").isNotNull();
        assertThat(exported.getString("result")).isEqualTo("FAILURE");
        assertThat(exported.getString("policy")).isEqualTo("keep-going");
        assertThat(exported.getInt("maxParallel")).isEqualTo(2);
        JSONArray rows = exported.getJSONArray("achievements");
        assertThat(rows.getJSONObject(2).getString("state")).isEqualTo("BLOCKED");
    }

    @Test
    void shouldEscapeHostileTitlesOnTheBuildPages(JenkinsRule r) throws Exception {
        String plan = """
                {"plan_name": "<img src=x onerror=alert(1)>", "achievements": [
                  {"id": "a", "title": "<script>alert(2)</script>"}]}""";
        WorkflowRun b = r.buildAndAssertSuccess(job(r, Pipelines.run(plan, "", "echo 'ok'")));

        JenkinsRule.WebClient wc = r.createWebClient();
        String page = wc.getPage(b, "parallel-plan/").getWebResponse().getContentAsString();
        String summary = wc.getPage(b).getWebResponse().getContentAsString();

        assertThat(page)
                .doesNotContain("<script>alert(2)")
                .doesNotContain("<img src=x")
                .contains("&lt;script&gt;");
        assertThat(summary).doesNotContain("<script>alert(2)").doesNotContain("<img src=x");
    }

    @Test
    void shouldFailTheBranchOfAnUnknownIdOrTheSameIdTwice(JenkinsRule r) throws Exception {
        String plan = """
                {"achievements": [{"id": "a", "title": "A"}]}""";
        String script = "node {\n"
                + "  writeFile file: 'p.json', text: '''" + plan + "'''\n"
                + "  parallelPlan(file: 'p.json') {\n"
                + "    parallel one: { achievement('a') { echo 'first' } },\n"
                + "             two: { achievement('a') { echo 'second' } },\n"
                + "             three: { achievement('zz') { echo 'never' } }\n"
                + "  }\n"
                + "}\n";

        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, script));

        r.assertLogContains("achievement('zz') is not in p.json", b);
        r.assertLogContains("achievement('a') appears twice in this parallelPlan block of p.json", b);
        r.assertLogNotContains("never", b);
    }

    @Test
    void shouldRefuseAnAchievementOutsideAParallelPlanBlock(JenkinsRule r) throws Exception {
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, "node { achievement('a') { echo 'never' } }"));

        r.assertLogContains("achievement('a') must run inside a parallelPlan(file: ...) { } block", b);
        r.assertLogNotContains("never", b);
    }

    @Test
    void shouldCancelAchievementsThatNoBranchRan(JenkinsRule r) throws Exception {
        String script = "node {\n"
                + "  writeFile file: 'p.json', text: '''" + CHAIN + "'''\n"
                + "  parallelPlan(file: 'p.json') {\n"
                + "    parallel a: { stage('a') { achievement('a') { echo 'ran a' } } }\n"
                + "  }\n"
                + "}\n";

        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, script));

        r.assertLogContains("without an achievement step for b, c", b);
    }

    @Test
    void shouldWorkInsideADeclarativeScriptBlock(JenkinsRule r) throws Exception {
        String plan = """
                {"achievements": [{"id": "a", "title": "A"}, {"id": "b", "title": "B", "dependencies": ["a"]}]}""";
        String script = Pipelines.declarative(plan, ""
                + "          def plan = readParallelPlan file: 'p.json'\n"
                + "          parallelPlan(file: 'p.json', maxParallel: 1) {\n"
                + "            parallel plan.achievements.collectEntries { a ->\n"
                + "              [(a.id): { stage(a.id) { achievement(a.id) { echo \"ran ${a.id}\" } } }]\n"
                + "            }\n"
                + "          }\n");

        WorkflowRun b = r.buildAndAssertSuccess(job(r, script));

        assertThat(indexOf(b, "ran b")).isGreaterThan(indexOf(b, "ran a"));
    }
}
