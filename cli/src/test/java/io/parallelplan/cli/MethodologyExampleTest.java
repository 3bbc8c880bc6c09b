package io.parallelplan.cli;

import static io.parallelplan.cli.WorkflowFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plan folder that docs/workflow.md walks through behaves as the guide says. */
class MethodologyExampleTest {
    private static final Path EXAMPLE = Path.of("../examples/methodology");

    @Test
    void shouldShowTheStatusTheGuideDescribes() {
        WorkflowFixtures.Result r = run("status", EXAMPLE.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Plan NOTES-SEARCH: 2/5 achievements done (40%), 5 h of 13 h",
                "1.2      complete", "2.1      Indexer Built  [execution_created]  (6 h left on its path)",
                "2.2      Query Parser Written  (4 h left on its path)");
    }

    @Test
    void shouldHoldBackTheChainsTheGuideShowsWhenAFixIsOpen(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("methodology");
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(EXAMPLE.relativize(p).toString()));
            }
        }
        Files.delete(copy.resolve("execution/feedbacks/APPROVED_12.md"));

        WorkflowFixtures.Result r = run("status", copy.toString());

        assertThat(r.out()).contains("Held back by a failed dependency:\n"
                + "  2.1 ← 1.2 (failed: execution/feedbacks/FIX_12.md)\n"
                + "  2.2 ← 1.2 (failed: execution/feedbacks/FIX_12.md)\n"
                + "  3.1 ← 2.1 ← 1.2 (failed: execution/feedbacks/FIX_12.md)\n");
    }

    @Test
    void shouldBeInSyncWithItsPlanAndRediscoverTheSameGraph() throws Exception {
        WorkflowFixtures.Result drift = run("drift", EXAMPLE.resolve("PLAN_NOTES-SEARCH.md").toString(),
                EXAMPLE.toString());
        WorkflowFixtures.Result discover = run("discover", EXAMPLE.resolve("PLAN_NOTES-SEARCH.md").toString());

        assertThat(drift.exit()).isZero();
        assertThat(discover.exit()).isZero();
        assertThat(discover.err()).contains("Discovered 5 achievements and 5 stated dependencies")
                .doesNotContain("No dependency statement");
    }

    @Test
    void shouldPreviewTheNextSubplanWithoutCreatingIt() {
        WorkflowFixtures.Result r = run("scaffold", "subplans", EXAMPLE.toString(), "--dry-run");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("create  subplans/SUBPLAN_NOTES-SEARCH_22.md  (2.2)",
                "skip    2.1: exists: subplans/SUBPLAN_NOTES-SEARCH_21.md");
        assertThat(Files.exists(EXAMPLE.resolve("subplans/SUBPLAN_NOTES-SEARCH_22.md"))).isFalse();
    }

    @Test
    void shouldPromptForTheNextSubplanAndRefuseTheOneThatExists() {
        WorkflowFixtures.Result r = run("prompt", "subplan", EXAMPLE.toString(), "--batch");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("refused 2.1: exists: subplans/SUBPLAN_NOTES-SEARCH_21.md");
        assertThat(r.out()).startsWith("# SUBPLAN prompts for plan NOTES-SEARCH: 1 achievement\n")
                .contains("1. `2.2` Query Parser Written: writes `subplans/SUBPLAN_NOTES-SEARCH_22.md`",
                        "- `1.2` Tokenizer Written: `complete` (`execution/feedbacks/APPROVED_12.md`); reviews:"
                                + " `execution/feedbacks/APPROVED_12.md`, `execution/feedbacks/FIX_12.md`,"
                                + " `execution/feedbacks/FIX_12_RESOLUTION.md`",
                        "- **Goal**: read queries with quoted phrases and `-excluded` words.");
        assertThat(Files.exists(EXAMPLE.resolve("subplans/SUBPLAN_NOTES-SEARCH_22.md"))).isFalse();
    }
}
