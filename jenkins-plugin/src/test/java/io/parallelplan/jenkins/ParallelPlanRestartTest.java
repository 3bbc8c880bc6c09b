package io.parallelplan.jenkins;

import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

class ParallelPlanRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldResumeWaitingAchievementsAfterARestart() throws Throwable {
        String plan = """
                {"achievements": [{"id": "a", "title": "A"}, {"id": "b", "title": "B", "dependencies": ["a"]},
                                  {"id": "c", "title": "C", "dependencies": ["a"]}]}""";
        sessions.then(r -> {
            WorkflowJob p = r.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(Pipelines.run(plan, "maxParallel: 1", "semaphore a.id"), true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("a/1", b);
            r.waitForMessage("b waiting for a (RUNNING)", b);
            r.waitForMessage("c waiting for a (RUNNING)", b);
        });
        sessions.then(r -> {
            WorkflowJob p = r.jenkins.getItemByFullName("p", WorkflowJob.class);
            WorkflowRun b = p.getBuildByNumber(1);

            SemaphoreStep.success("a/1", null);
            SemaphoreStep.waitForStart("b/1", b);
            r.assertLogNotContains("c STARTED", b);
            SemaphoreStep.success("b/1", null);
            SemaphoreStep.waitForStart("c/1", b);
            SemaphoreStep.success("c/1", null);

            r.assertBuildStatusSuccess(r.waitForCompletion(b));
            r.assertLogContains("3 achievements: 3 succeeded", b);
        });
    }
}
