package io.parallelplan.jenkins;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ReadParallelPlanStepTest {
    private static WorkflowRun run(JenkinsRule r, Result expected, String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    void shouldReturnPlainDataInCriticalPathOrder(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.SUCCESS, """
                node {
                  writeFile file: 'plans/x/parallel.json', text: '''{"plan_name": "X", "achievements": [
                    {"id": "1.1", "title": "Short", "estimated_hours": 1},
                    {"id": "1.2", "title": "Long", "estimated_hours": 5, "executor": "linux"},
                    {"id": "2.1", "title": "After", "dependencies": ["1.1"], "optional": true}]}'''
                  def plan = readParallelPlan file: 'plans/x/parallel.json'
                  echo "name=${plan.name} ids=${plan.achievements.collect { it.id }}"
                  echo "levels=${plan.levels} critical=${plan.criticalPath}"
                  def a = plan.achievements[0]
                  echo "first=${a.id} ${a.title} level=${a.level} executor=${a.executor} estimate=${a.estimate}"
                  echo "optional=${plan.achievements.find { it.id == '2.1' }.optional}"
                }""");

        r.assertLogContains("name=X ids=[1.2, 1.1, 2.1]", b);
        r.assertLogContains("levels=[[1.1, 1.2], [2.1]] critical=[1.2]", b);
        r.assertLogContains("first=1.2 Long level=0 executor=linux estimate=5.0", b);
        r.assertLogContains("optional=true", b);
    }

    @Test
    void shouldListEveryErrorOfAnInvalidPlan(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.FAILURE, """
                node {
                  writeFile file: 'p.json', text: '''{"achievements": [
                    {"id": "a", "dependencies": ["nope"]},
                    {"id": "b", "dependencies": ["b"]}]}'''
                  readParallelPlan file: 'p.json'
                  echo 'not reached'
                }""");

        r.assertLogContains("p.json:2:", b);
        r.assertLogContains("p.json:3:", b);
        r.assertLogContains("p.json is not a valid plan: 2 errors (listed above)", b);
        r.assertLogNotContains("not reached", b);
    }

    @Test
    void shouldRefuseAPathOutsideTheWorkspace(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.FAILURE, "node { readParallelPlan file: '../outside/parallel.json' }");

        r.assertLogContains("file '../outside/parallel.json' leads outside the workspace", b);
    }

    @Test
    void shouldRefuseASymbolicLinkLeadingOutsideTheWorkspace(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.FAILURE, """
                node {
                  writeFile file: 'real.json', text: '{"achievements": []}'
                  if (isUnix()) {
                    sh 'mkdir -p ../elsewhere && mv real.json ../elsewhere/p.json && ln -s ../elsewhere/p.json link.json'
                    readParallelPlan file: 'link.json'
                  } else {
                    error 'leads outside the workspace through a symbolic link (not tested on Windows)'
                  }
                }""");

        r.assertLogContains("leads outside the workspace through a symbolic link", b);
    }

    @Test
    void shouldNameAMissingFileAndTheFix(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.FAILURE, "node { readParallelPlan file: 'plans/none/parallel.json' }");

        r.assertLogContains("plans/none/parallel.json: no such file in the workspace", b);
        r.assertLogContains("run checkout scm first", b);
    }
}
