package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunListener;
import io.parallelplan.core.validate.LoadedPlan;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildPageTest {
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private static final String FILE = "plans/X/parallel.json";
    private static final String JSON = """
            {"plan_name": "X", "achievements": [
              {"id": "a", "title": "First"},
              {"id": "b", "title": "Second", "dependencies": ["a"]},
              {"id": "c", "title": "Docs", "optional": true}
            ]}""";

    @Test
    void shouldShowEveryAchievementPendingInPlanOrderWhenTheBlockStarts() throws Exception {
        BuildPage page = BuildPage.of(PlanCheck.load(JSON, FILE), FILE, PipelineOptions.of(3, "keepGoing", 1, 0, 0));

        assertThat(page.achievements()).extracting(r -> r.get("id"), r -> r.get("state"))
                .containsExactly(tuple("a", "PENDING"), tuple("b", "PENDING"), tuple("c", "PENDING"));
        assertThat(page.achievements().get(2)).containsEntry("optional", true).containsEntry("title", "Docs");
        assertThat(page.limit()).isEqualTo("at most 3 at once");
        assertThat(page.startLine()).isEqualTo("Running plans/X/parallel.json (3 achievements, keep-going, at most 3"
                + " at once)");
        assertThat(page.result()).isNull();
    }

    @Test
    void shouldFollowTheRunAndKeepTheVerdict() throws Exception {
        LoadedPlan plan = PlanCheck.load(JSON, FILE);
        BuildPage page = BuildPage.of(plan, FILE, PipelineOptions.of(0, "keepGoing", 1, 0, 0));
        BranchCoordinator run = BranchCoordinator.start(plan, PipelineOptions.of(0, "keepGoing", 1, 0, 0), FILE,
                RunListener.NONE, T);
        page.update(run.arrive("a", T).changed());
        page.update(run.arrive("c", T).changed());
        page.update(run.attemptEnded("a", AttemptOutcome.failure("exit 2"), T).changed());
        page.update(run.attemptEnded("c", AttemptOutcome.success(), T).changed());
        page.update(run.finish(T).changed());
        page.finish(run.result());

        assertThat(page.achievements()).extracting(r -> r.get("id"), r -> r.get("state"))
                .containsExactly(tuple("a", "FAILED"), tuple("b", "BLOCKED"), tuple("c", "SUCCEEDED"));
        assertThat(page.achievements().get(0)).containsEntry("attempts", 1).containsEntry("detail", "exit 2");
        assertThat(page.result()).isEqualTo("FAILURE");
        assertThat(page.countLine()).isEqualTo(run.result().countLine());
        assertThat(page.blockedChains()).singleElement().asString().contains("b").contains("a");
        assertThat(page.limit()).isEqualTo("no limit");
    }

    @Test
    void shouldLinkToTheStageInGraphViewAndElseToTheStepLog() throws Exception {
        BuildPage page = BuildPage.of(PlanCheck.load(JSON, FILE), FILE, PipelineOptions.of(0, "keepGoing", 1, 0, 0));
        page.link("a", "12", "9");
        page.link("b", "20", null);

        assertThat(page.logUrl("a", true)).isEqualTo("pipeline-console/?selected-node=9");
        assertThat(page.logUrl("a", false)).isEqualTo("execution/node/12/log/");
        assertThat(page.logUrl("b", true)).isEqualTo("execution/node/20/log/");
        assertThat(page.logUrl("c", true)).as("its step has not arrived").isNull();
        assertThat(page.logUrl("unknown", true)).isNull();
    }

    @Test
    void shouldHandOutCopiesThatCannotChangeThePage() throws Exception {
        BuildPage page = BuildPage.of(PlanCheck.load(JSON, FILE), FILE, PipelineOptions.of(0, "keepGoing", 1, 0, 0));
        Map<String, Object> row = page.achievements().get(0);
        row.put("state", "SUCCEEDED");

        assertThat(page.achievements().get(0)).containsEntry("state", "PENDING");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
