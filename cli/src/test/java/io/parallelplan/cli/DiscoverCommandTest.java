package io.parallelplan.cli;

import static io.parallelplan.cli.WorkflowFixtures.demo;
import static io.parallelplan.cli.WorkflowFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoverCommandTest {
    @TempDir
    Path tmp;

    @Test
    void shouldWriteAValidParallelJsonToTheOutputFile() throws Exception {
        Path folder = demo(tmp);
        Path out = tmp.resolve("generated.json");

        WorkflowFixtures.Result r = run("discover", folder.resolve("PLAN_DEMO.md").toString(), "-o", out.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("Wrote " + out, "Discovered 3 achievements and 2 stated dependencies");
        LoadedPlan loaded = new PlanLoader().load(out);
        assertThat(loaded.report().isValid()).isTrue();
        assertThat(loaded.plan().achievement("2.1").orElseThrow().dependencies()).containsExactly("1.1", "1.2");
    }

    @Test
    void shouldPrintToStdoutWithoutOutputAndListUnstatedAchievements() {
        WorkflowFixtures.write(tmp.resolve("PLAN_X.md"), """
                **Achievement 1.1**: One
                **Achievement 1.2**: Two
                """);

        WorkflowFixtures.Result r = run("discover", tmp.resolve("PLAN_X.md").toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("{").contains("\"plan_name\" : \"X\"");
        assertThat(r.err()).contains("No dependency statement for 2: 1.1, 1.2");
    }

    @Test
    void shouldNeverOverwriteAnExistingOutput() throws Exception {
        Path folder = demo(tmp);
        String before = Files.readString(folder.resolve("parallel.json"));

        WorkflowFixtures.Result r = run("discover", folder.resolve("PLAN_DEMO.md").toString(), "-o",
                folder.resolve("parallel.json").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("already exists", "parallel-plan drift");
        assertThat(Files.readString(folder.resolve("parallel.json"))).isEqualTo(before);
    }

    @Test
    void shouldExitTwoWhenTheOutputFolderDoesNotExist() {
        Path folder = demo(tmp);

        WorkflowFixtures.Result r = run("discover", folder.resolve("PLAN_DEMO.md").toString(), "-o",
                tmp.resolve("no/such/dir/parallel.json").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot write", "check that the folder exists").doesNotContain("internal error");
    }

    @Test
    void shouldPrintThePromptInstead() {
        Path folder = demo(tmp);

        WorkflowFixtures.Result r = run("discover", folder.resolve("PLAN_DEMO.md").toString(), "--prompt");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("produce its parallel.json", "### 2.1: Report", "Turn the input into tokens.");
    }

    @Test
    void shouldExitTwoWhenNoAchievementIsFoundOrTheStatementsCycle() {
        WorkflowFixtures.write(tmp.resolve("PLAN_E.md"), "# Nothing here\n");
        WorkflowFixtures.write(tmp.resolve("PLAN_C.md"), """
                **Achievement 1.1**: A
                - **Dependencies**: 1.2
                **Achievement 1.2**: B
                - **Dependencies**: 1.1
                """);

        WorkflowFixtures.Result empty = run("discover", tmp.resolve("PLAN_E.md").toString());
        WorkflowFixtures.Result cycle = run("discover", tmp.resolve("PLAN_C.md").toString());

        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("no achievements found");
        assertThat(cycle.exit()).isEqualTo(2);
        assertThat(cycle.err()).contains("form a cycle", "[discover-cycle]");
        assertThat(cycle.out()).isEmpty();
    }
}
