package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockFolderTest {
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private static final String FILE = "plans/X/parallel.json";
    private static final String JSON = """
            {"plan_name": "Hostile <b>plan</b>", "achievements": [
              {"id": "1.1", "title": "<script>alert(1)</script>"},
              {"id": "1.2", "title": "Second", "dependencies": ["1.1"]}
            ]}""";
    private static final RunOptions OPTIONS = PipelineOptions.of(2, "failFast", 1, 1, 5);

    @TempDir
    Path build;

    private BlockFolder create(Path directory) throws PipelineException {
        return BlockFolder.create(directory, "job/x#1", FILE, JSON, PlanCheck.load(JSON, FILE), OPTIONS, T);
    }

    @Test
    void shouldKeepThePlanAndOptionsSoThatARestartResumesWhereTheRunWas() throws Exception {
        Path directory = build.resolve("parallel-plan/7");
        try (BlockFolder folder = create(directory)) {
            folder.coordinator().arrive("1.1", T);
        }

        try (BlockFolder restored = BlockFolder.restore(directory)) {
            assertThat(restored.file()).isEqualTo(FILE);
            assertThat(restored.plan().plan().name()).isEqualTo("Hostile <b>plan</b>");
            assertThat(restored.options()).isEqualTo(OPTIONS);
            assertThat(restored.coordinator().records()).filteredOn(r -> r.id().equals("1.1"))
                    .singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(TaskState.RUNNING));
        }
    }

    @Test
    void shouldRenderTheRunWithEveryValueEscaped() throws Exception {
        try (BlockFolder folder = create(build)) {
            folder.coordinator().arrive("1.1", T);
            folder.coordinator().attemptEnded("1.1", AttemptOutcome.failure("boom"), T);
            folder.coordinator().attemptEnded("1.1", AttemptOutcome.failure("boom again"), T);
            folder.coordinator().finish(T);
        }

        String html = BlockFolder.reportHtml(build, "job/x#1");

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert")
                .doesNotContain("<b>plan</b>").contains("FAILED").contains("BLOCKED");
    }

    @Test
    void shouldSayWhenTheBuildDirectoryLostTheBlock() {
        assertThatThrownBy(() -> BlockFolder.restore(build.resolve("parallel-plan/9")))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("parallel-plan/9 holds no parallelPlan block")
                .hasMessageEndingWith("; run the build again");
    }

    @Test
    void shouldRefuseToStartASecondRunInTheSameFolder() throws Exception {
        create(build).close();

        assertThatThrownBy(() -> create(build)).isInstanceOf(PipelineException.class);
        assertThat(Files.readString(build.resolve(BlockFolder.PLAN_FILE))).isEqualTo(JSON);
    }
}
