package io.parallelplan.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import java.util.List;
import org.jenkinsci.plugins.pipeline.StageStatus;
import org.jenkinsci.plugins.workflow.actions.LabelAction;
import org.jenkinsci.plugins.workflow.actions.ThreadNameAction;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code parallelPlan(file: ...) { a -> ... }}: the plugin makes one branch and one stage per achievement. */
@WithJenkins
class ParallelPlanOneCallTest {
    /** a fails; c needs a; b is independent; d is optional and fails. */
    private static final String PLAN = """
            {"plan_name": "One call", "achievements": [
              {"id": "a", "title": "Schema", "estimated_hours": 3}, {"id": "b", "title": "API"},
              {"id": "c", "title": "Docs", "dependencies": ["a"]}, {"id": "d", "title": "Extra", "optional": true}
            ]}""";

    private static final String BODY = "if (a.id in ['a', 'd']) { error \"boom ${a.id}\" } else { echo \"ran ${a.id}"
            + " at level ${a.level} after ${a.dependencies}\" }";

    private static WorkflowRun build(JenkinsRule r, Result expected, String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, p);
    }

    private static List<FlowNode> nodes(WorkflowRun b) {
        return new DepthFirstScanner().allNodes(b.getExecution());
    }

    /** The names Stage View and Pipeline Graph View show: the stages' labels, and the branches' names. */
    private static List<String> stages(WorkflowRun b) {
        return nodes(b).stream().filter(n -> n.getPersistentAction(LabelAction.class) != null
                && n.getPersistentAction(ThreadNameAction.class) == null).map(FlowNode::getDisplayName).toList();
    }

    private static List<String> branches(WorkflowRun b) {
        return nodes(b).stream().map(n -> n.getPersistentAction(ThreadNameAction.class)).filter(t -> t != null)
                .map(ThreadNameAction::getThreadName).toList();
    }

    private static boolean skipped(WorkflowRun b, String stage) {
        return nodes(b).stream().anyMatch(n -> n.getDisplayName().equals(stage)
                && StageStatus.isSkippedStageForReason(n, StageStatus.getSkippedForConditional()));
    }

    @Test
    void shouldMakeOneBranchAndOneStagePerAchievementWithTheSameMarks(JenkinsRule r) throws Exception {
        WorkflowRun b = build(r, Result.FAILURE, Pipelines.oneCall(PLAN, "maxParallel: 2", BODY));

        assertThat(stages(b)).containsExactlyInAnyOrder("a Schema", "b API", "c Docs", "d Extra");
        assertThat(branches(b)).containsExactlyInAnyOrder("a Schema", "b API", "c Docs", "d Extra");
        r.assertLogContains("ran b at level 0 after []", b);
        r.assertLogNotContains("ran c", b);
        r.assertLogContains("c BLOCKED ← a FAILED", b);
        assertThat(skipped(b, "c Docs")).as("the blocked stage is shown skipped").isTrue();
        assertThat(skipped(b, "b API")).isFalse();
        assertThat(nodes(b).stream().map(n -> n.getPersistentAction(WarningAction.class)).filter(w -> w != null)
                .map(WarningAction::getResult)).containsExactlyInAnyOrder(Result.FAILURE, Result.UNSTABLE);
        r.assertLogContains("4 achievements: 1 succeeded, 0 flaky, 1 failed, 1 blocked, 0 cancelled, 0 skipped", b);
        assertThat(JenkinsRule.getLog(b).split("warning [missing-parallelization-level]", -1))
                .as("the plan's findings are printed once: readParallelPlan inside the block does not read again")
                .hasSize(2);
    }

    @Test
    void shouldStartEachAchievementOnlyAfterItsDependenciesUnderTheLimit(JenkinsRule r) throws Exception {
        String chain = """
                {"achievements": [{"id": "x", "title": "X"}, {"id": "y", "title": "Y", "dependencies": ["x"]},
                                  {"id": "z", "title": "Z", "dependencies": ["y"]}]}""";

        WorkflowRun b = build(r, Result.SUCCESS, Pipelines.oneCall(chain, "maxParallel: 1", "echo \"ran ${a.id}\""));

        String log = JenkinsRule.getLog(b);
        assertThat(log.indexOf("ran z")).isGreaterThan(log.indexOf("y SUCCEEDED"));
        assertThat(log.indexOf("ran y")).isGreaterThan(log.indexOf("x SUCCEEDED"));
    }

    @Test
    void shouldWorkInsideADeclarativeScriptBlock(JenkinsRule r) throws Exception {
        String script = Pipelines.declarative(PLAN, ""
                + "          parallelPlan(file: 'p.json', failurePolicy: 'keepGoing') { a ->\n"
                + "            " + BODY + "\n"
                + "          }\n");

        WorkflowRun b = build(r, Result.FAILURE, script);

        assertThat(stages(b)).contains("Plan", "a Schema", "b API", "c Docs", "d Extra");
        assertThat(skipped(b, "c Docs")).isTrue();
        r.assertLogContains("ran b at level 0 after []", b);
    }

    @Test
    void shouldPassABodyWithoutAParameterToTheStepAsBefore(JenkinsRule r) throws Exception {
        String script = "node {\n"
                + "  writeFile file: 'p.json', text: '''" + PLAN + "'''\n"
                + "  parallelPlan(file: 'p.json') {\n"
                + "    parallel one: { achievement('b') { echo 'explicit b' } }\n"
                + "  }\n"
                + "  steps.parallelPlan(file: 'p.json') { echo 'the step itself, no branch' }\n"
                + "}\n";

        WorkflowRun b = build(r, Result.FAILURE, script);

        r.assertLogContains("explicit b", b);
        r.assertLogContains("the step itself, no branch", b);
        r.assertLogContains("without an achievement step for a, c, d", b);
        assertThat(branches(b)).containsExactly("one");
    }
}
