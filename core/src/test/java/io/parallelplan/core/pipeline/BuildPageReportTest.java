package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.ledger.RunLedger;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunListener;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildPageReportTest {
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path folder;

    @Test
    void shouldRenderTheRunOfABlockFolderWithEveryValueEscaped() throws Exception {
        String json = """
                {"plan_name": "Hostile <b>plan</b>", "achievements": [
                  {"id": "1.1", "title": "<script>alert(1)</script>"},
                  {"id": "1.2", "title": "Second", "dependencies": ["1.1"]}
                ]}""";
        Files.writeString(folder.resolve(BuildPageReport.PLAN_FILE), json, StandardCharsets.UTF_8);
        LoadedPlan plan = new PlanLoader().load(new PlanParser().parse(json, Path.of("p.json")));
        try (RunLedger ledger = RunLedger.create(folder, "job/x#1", plan, PipelineOptions.of(0, "keepGoing", 1, 0, 0),
                T, RunListener.NONE)) {
            Scheduler scheduler = ledger.scheduler();
            scheduler.start("1.1", T);
            scheduler.finish("1.1", AttemptOutcome.failure("boom"), T);
        }

        String html = BuildPageReport.html(folder, "p.json", "job/x#1");

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert")
                .doesNotContain("<b>plan</b>").contains("FAILED").contains("BLOCKED");
    }
}
