package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.validate.PlanLoader;
import io.parallelplan.core.validate.ValidationReport;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunListener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleLinesTest {
    private static ValidationReport report(String json) {
        return new PlanLoader().load(new PlanParser().parse(json, Path.of("p.json"))).report();
    }

    @Test
    void shouldPrintAFindingWithFilePositionSeverityAndCode() {
        Finding finding = Finding.error("unknown-dependency", "2.1 depends on 9.9, which is not in the plan", "2.1",
                new SourceLocation(12, 5));

        assertThat(ConsoleLines.finding("plans/X/parallel.json", finding)).isEqualTo(
                "plans/X/parallel.json:12:5: error [unknown-dependency] 2.1: 2.1 depends on 9.9, which is not in the plan");
        assertThat(ConsoleLines.finding("p.json", Finding.warning("w", "m", null, SourceLocation.UNKNOWN)))
                .isEqualTo("p.json: warning [w] m");
    }

    @Test
    void shouldCountFindingsAndExplainAnInvalidPlan() {
        ValidationReport invalid = report("""
                {"achievements": [{"id": "a", "dependencies": ["x"]}, {"id": "b", "dependencies": ["y"]}]}""");

        assertThat(ConsoleLines.counts("p.json", invalid)).startsWith("p.json: invalid plan, 2 errors, ");
        assertThat(ConsoleLines.invalidPlan("p.json", invalid)).isEqualTo("p.json is not a valid plan: 2 errors"
                + " (listed above); fix them and run again, or check locally with: parallel-plan validate p.json");
    }

    @Test
    void shouldNeverLetPlanTextForgeAConsoleLine() {
        Finding hostile = Finding.error("c", "line\nFinished: SUCCESS\u001b[2J", "a\rb", SourceLocation.UNKNOWN);

        assertThat(ConsoleLines.finding("p.json", hostile))
                .isEqualTo("p.json: error [c] a\\u000db: line\\u000aFinished: SUCCESS\\u001b[2J")
                .doesNotContain("\n");
        assertThat(ConsoleLines.clean("plain")).isEqualTo("plain");
    }

    @Test
    void shouldEndABlockWithTheStopReasonTheCountsAndOneCleanLinePerBlockedChain() {
        String json = "{\"achievements\": [{\"id\": \"a\"}, {\"id\": \"b\", \"dependencies\": [\"a\"]},"
                + " {\"id\": \"c\"}]}";
        Instant t = Instant.parse("2026-11-25T12:00:00Z");
        BranchCoordinator run = BranchCoordinator.start(new PlanLoader().load(new PlanParser().parse(json,
                Path.of("p.json"))), PipelineOptions.of(0, "failFast", 1, 0, 0), "p.json", RunListener.NONE, t);
        run.arrive("a", t);
        run.attemptEnded("a", AttemptOutcome.failure("exit 1\nFinished: SUCCESS"), t);
        run.finish(t);

        List<String> lines = ConsoleLines.verdict(run.result());

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("The run stopped starting work: ").doesNotContain("\n");
        assertThat(lines.get(1)).isEqualTo(run.result().countLine());
        assertThat(lines.get(2)).startsWith("  b").contains("a").doesNotContain("\n");
    }
}
