package io.parallelplan.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ValidateParallelPlanStepTest {
    private static final String VALID = """
            {"achievements": [{"id": "1.1", "title": "Schema"}, {"id": "1.2", "title": "API"}]}""";
    private static final String MARKDOWN = """
            # PLAN X

            **Achievement 1.1**: Schema
            **Achievement 1.3**: Docs
            """;

    private static WorkflowRun run(JenkinsRule r, Result expected, String steps) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "node {\n"
                        + "  writeFile file: 'plans/x/parallel.json', text: '''" + VALID + "'''\n"
                        + "  writeFile file: 'plans/x/PLAN_X.md', text: '''" + MARKDOWN + "'''\n"
                        + "  writeFile file: 'plans/bad/parallel.json', text: '''{\"achievements\": [{\"id\": \"a\","
                        + " \"dependencies\": [\"zz\"]}]}'''\n"
                        + steps + "\n}\n",
                true));
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    void shouldPassAValidPlan(JenkinsRule r) throws Exception {
        WorkflowRun b = run(
                r,
                Result.SUCCESS,
                "def errors = validateParallelPlan(file: 'plans/x/parallel.json')\necho \"errors=${errors}\"");

        r.assertLogContains("plans/x/parallel.json: valid plan, 0 errors", b);
        r.assertLogContains("errors=0", b);
        assertThat(b.getAction(PlanFindingsAction.class).getResult()).isEqualTo("SUCCESS");
    }

    @Test
    void shouldReportDriftAsWarningsAndBeUnstableOnlyWhenStrict(JenkinsRule r) throws Exception {
        WorkflowRun lenient = run(
                r,
                Result.SUCCESS,
                "validateParallelPlan file: 'plans/x/parallel.json', planMarkdown: 'plans/x/PLAN_X.md'");
        WorkflowRun strict = run(
                r,
                Result.UNSTABLE,
                "validateParallelPlan file: 'plans/x/parallel.json', planMarkdown: 'plans/x/PLAN_X.md', strict: true");

        r.assertLogContains("warning [drift-missing-in-json]", lenient);
        r.assertLogContains("warning [drift-missing-in-json]", strict);
        assertThat(strict.getAction(PlanFindingsAction.class).getFindings())
                .anySatisfy(f -> assertThat(f).containsEntry("code", "drift-missing-in-json"));
    }

    @Test
    void shouldFailOnErrorsAndGoOnToTheNextPlan(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.FAILURE, """
                  def errors = validateParallelPlan file: 'plans/bad/parallel.json'
                  validateParallelPlan file: 'plans/x/parallel.json'
                  echo "bad plan errors=${errors}"
                """);

        r.assertLogContains("error [unknown-dependency]", b);
        r.assertLogContains("bad plan errors=1", b);
        assertThat(b.getActions(PlanFindingsAction.class))
                .extracting(PlanFindingsAction::getResult)
                .containsExactly("FAILURE", "SUCCESS");
        String json = r.createWebClient()
                .goTo(b.getUrl() + "api/json?depth=2", "application/json")
                .getWebResponse()
                .getContentAsString();
        assertThat(json).contains("\"code\":\"unknown-dependency\"");
    }
}
