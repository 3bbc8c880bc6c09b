package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.validate.PlanLoader;
import io.parallelplan.core.validate.ValidationReport;
import java.nio.file.Path;
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
                "plans/X/parallel.json:12:5: ERROR unknown-dependency: 2.1 depends on 9.9, which is not in the plan");
        assertThat(ConsoleLines.finding("p.json", Finding.warning("w", "m", null, SourceLocation.UNKNOWN)))
                .isEqualTo("p.json: WARNING w: m");
    }

    @Test
    void shouldCountFindingsAndExplainAnInvalidPlan() {
        ValidationReport invalid = report("""
                {"achievements": [{"id": "a", "dependencies": ["x"]}, {"id": "b", "dependencies": ["y"]}]}""");

        assertThat(ConsoleLines.counts("p.json", invalid)).startsWith("p.json: 2 errors, ");
        assertThat(ConsoleLines.invalidPlan("p.json", invalid)).isEqualTo("p.json is not a valid plan: 2 errors"
                + " (listed above); fix them and run again, or check locally with: parallel-plan validate p.json");
    }
}
