package io.parallelplan.cli;

import static io.parallelplan.cli.WorkflowFixtures.demo;
import static io.parallelplan.cli.WorkflowFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PromptCommandTest {
    @TempDir
    Path tmp;

    private static String[] files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void shouldWriteOnePromptFilePerAchievementNamedAfterTheFileItAsksFor() throws IOException {
        Path folder = demo(tmp);
        Path out = tmp.resolve("prompts");

        WorkflowFixtures.Result r = run("prompt", "subplan", folder.toString(), "-o", out.toString());

        assertThat(r.exit()).isZero();
        assertThat(files(out)).containsExactly("PROMPT_SUBPLAN_DEMO_11.md", "PROMPT_SUBPLAN_DEMO_12.md");
        assertThat(r.out()).contains("Wrote " + out.resolve("PROMPT_SUBPLAN_DEMO_11.md")
                + "  (1.1 -> subplans/SUBPLAN_DEMO_11.md)", "Wrote 2 of 2 prompts.");
        assertThat(Files.readString(out.resolve("PROMPT_SUBPLAN_DEMO_11.md")))
                .startsWith("# SUBPLAN prompt: `1.1` Parser\n").contains("- Turn the input into tokens.");
        assertThat(Files.exists(folder.resolve("subplans"))).isFalse();
    }

    @Test
    void shouldPrintEveryPromptAsOneNumberedDocumentWithBatch() {
        Path folder = demo(tmp);

        WorkflowFixtures.Result r = run("prompt", "subplan", folder.toString(), "--batch");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("# SUBPLAN prompts for plan DEMO: 2 achievements\n")
                .contains("**Prompt 1 of 2**: `1.1`\n\n# SUBPLAN prompt: `1.1` Parser",
                        "**Prompt 2 of 2**: `1.2`\n\n# SUBPLAN prompt: `1.2` Printer");
        assertThat(r.err()).isEqualTo("Printed 2 prompts.\n");
    }

    @Test
    void shouldWriteTheBatchDocumentToAFileAndNeverOverwriteIt() throws IOException {
        Path folder = demo(tmp);
        Path document = tmp.resolve("level0.md");

        WorkflowFixtures.Result first = run("prompt", "subplan", folder.toString(), "--level", "0", "--batch",
                "-o", document.toString());
        Files.writeString(document, "mine");
        WorkflowFixtures.Result second = run("prompt", "subplan", folder.toString(), "--level", "0", "--batch",
                "-o", document.toString());

        assertThat(first.exit()).isZero();
        assertThat(first.out()).isEqualTo("Wrote " + document + " (2 prompts).\n");
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.err()).contains(document + " exists and is not overwritten");
        assertThat(Files.readString(document)).isEqualTo("mine");
    }

    @Test
    void shouldListEveryRefusalBeforeWritingTheOthersAndExitOne() throws IOException {
        Path folder = demo(tmp, "subplans/SUBPLAN_DEMO_11.md");
        Path out = tmp.resolve("prompts");

        WorkflowFixtures.Result r = run("prompt", "subplan", folder.toString(), "--ready", "-o", out.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("parallel-plan: refused 1.1: exists: subplans/SUBPLAN_DEMO_11.md\n");
        assertThat(r.out()).contains("Wrote 1 of 1 prompts; 1 refused.");
        assertThat(files(out)).containsExactly("PROMPT_SUBPLAN_DEMO_12.md");
    }

    @Test
    void shouldRefuseWhereDependenciesAreNotApprovedUnlessIgnoreDeps() {
        Path folder = demo(tmp, "execution/feedbacks/APPROVED_11.md");

        WorkflowFixtures.Result refused = run("prompt", "subplan", folder.toString(), "--ids", "2.1", "--batch");
        WorkflowFixtures.Result ignored = run("prompt", "subplan", folder.toString(), "--ids", "2.1", "--batch",
                "--ignore-deps");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("parallel-plan: refused 2.1: not all dependencies are done (APPROVED or"
                + " SKIPPED): 1.2 (not_started); finish them first, or pass --ignore-deps",
                "No prompt written: every chosen achievement was refused.");
        assertThat(ignored.exit()).isZero();
        assertThat(ignored.out()).contains("**Not done yet**: `1.2` (Printer)");
    }

    @Test
    void shouldRefuseAnExecutionPromptWithoutItsSubplan() {
        Path folder = demo(tmp, "subplans/SUBPLAN_DEMO_12.md");
        Path out = tmp.resolve("prompts");

        WorkflowFixtures.Result r = run("prompt", "execution", folder.toString(), "--level", "0", "-o",
                out.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("refused 1.1: prerequisite missing: subplans/SUBPLAN_DEMO_11.md");
        assertThat(out.resolve("PROMPT_EXECUTION_TASK_DEMO_12_01.md")).exists();
    }

    @Test
    void shouldListWhatWouldBeWrittenAndWriteNothingOnDryRun() {
        Path folder = demo(tmp, "subplans/SUBPLAN_DEMO_11.md");
        Path out = tmp.resolve("prompts");

        WorkflowFixtures.Result files = run("prompt", "subplan", folder.toString(), "-o", out.toString(),
                "--dry-run");
        WorkflowFixtures.Result batch = run("prompt", "subplan", folder.toString(), "--batch", "--dry-run");

        assertThat(files.exit()).isEqualTo(1);
        assertThat(files.err()).contains("refused 1.1: exists");
        assertThat(files.out()).isEqualTo("  would write " + out.resolve("PROMPT_SUBPLAN_DEMO_12.md")
                + "  (1.2 -> subplans/SUBPLAN_DEMO_12.md)\nDry run: nothing written.\n");
        assertThat(batch.out()).isEmpty();
        assertThat(batch.err()).contains("  would write prompt 1 of 1 to stdout  (1.2 -> subplans/SUBPLAN_DEMO_12.md)");
        assertThat(out).doesNotExist();
    }

    @Test
    void shouldNeverOverwriteAPromptFile() throws IOException {
        Path folder = demo(tmp);
        Path out = Files.createDirectories(tmp.resolve("prompts"));
        Files.writeString(out.resolve("PROMPT_SUBPLAN_DEMO_12.md"), "mine");

        WorkflowFixtures.Result r = run("prompt", "subplan", folder.toString(), "-o", out.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("refused 1.2: the prompt file " + out.resolve("PROMPT_SUBPLAN_DEMO_12.md")
                + " exists and is not overwritten");
        assertThat(Files.readString(out.resolve("PROMPT_SUBPLAN_DEMO_12.md"))).isEqualTo("mine");
        assertThat(out.resolve("PROMPT_SUBPLAN_DEMO_11.md")).exists();
    }

    @Test
    void shouldReportAPromptThatCannotBeWrittenAndWriteTheOthers() throws IOException {
        Path folder = demo(tmp);
        Path out = tmp.resolve("prompts");
        CommandLine cl = Cli.commandLine();
        ((PromptCommand) cl.getSubcommands().get("prompt").getCommand()).files =
                WorkflowFixtures.denying("PROMPT_SUBPLAN_DEMO_11.md");

        WorkflowFixtures.Result r = run(cl, "prompt", "subplan", folder.toString(), "-o", out.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("could not write " + out.resolve("PROMPT_SUBPLAN_DEMO_11.md")
                + ": permission denied");
        assertThat(r.out()).contains("Wrote 1 of 2 prompts.");
        assertThat(files(out)).containsExactly("PROMPT_SUBPLAN_DEMO_12.md");
    }

    @Test
    void shouldSayWhenNothingCanBeDoneNow() {
        Path folder = demo(tmp, "execution/feedbacks/APPROVED_11.md", "execution/feedbacks/APPROVED_12.md",
                "execution/feedbacks/APPROVED_21.md");

        WorkflowFixtures.Result r = run("prompt", "subplan", folder.toString(), "--batch");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Nothing can be done now, so there is no prompt to write");
    }

    @Test
    void shouldRejectBadUsageWithExitTwo() throws IOException {
        Path folder = demo(tmp);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        assertThat(run("prompt", "subplan", folder.toString()).err())
                .contains("pass -o DIR to write one prompt file per achievement, or --batch");
        assertThat(run("prompt", "subplan", folder.toString(), "-o", file.toString()).err())
                .contains(file + " is a file; without --batch, -o names a folder");
        assertThat(run("prompt", "subplan", folder.toString(), "--batch", "-o", tmp.toString()).err())
                .contains(tmp + " is a folder; with --batch, -o names the document's file");
        assertThat(run("prompt", "subplan", folder.toString(), "--batch", "--ids", "1.1", "--level", "0").err())
                .contains("mutually exclusive");
        assertThat(run("prompt", "subplan", folder.toString(), "--batch", "--level", "7").err())
                .contains("level 7 does not exist; DEMO has levels 0 to 1");
        assertThat(run("prompt", "subplan", folder.toString(), "--batch", "--ids", "9.9").err())
                .contains("\"9.9\" is not an achievement of DEMO");
        assertThat(run("prompt", "subplan", folder.toString(), "--batch", "--ids", "../x").err())
                .contains("would name a file outside the plan folder");
        assertThat(run("prompt", "subplan", tmp.resolve("missing").toString(), "--batch").err())
                .contains("missing");
        assertThat(run("prompt", "plans", folder.toString()).err()).contains("Did you mean: subplan?");
        for (String[] args : new String[][] {
            {"prompt", "subplan", folder.toString()},
            {"prompt", "subplan", folder.toString(), "--batch", "--ids", "1.1", "--level", "0"},
            {"prompt", "subplan", folder.toString(), "--batch", "--level", "7"},
            {"prompt", "execution", tmp.resolve("missing").toString(), "--batch"},
            {"prompt", "subplan", folder.toString(), "--batch", "--format", "json"},
        }) {
            WorkflowFixtures.Result r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).doesNotContain("Exception");
        }
    }

    @Test
    void shouldListItsOptionsAndExitCodesInHelp() {
        WorkflowFixtures.Result r = run("prompt", "execution", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--ids=ID", "--level=N", "--ready", "--batch", "-o, --output=DIR|FILE",
                "--ignore-deps", "--dry-run", "Exit codes:", "1   some were refused",
                "PROMPT_EXECUTION_TASK_<PLAN>_<nn>_01.md");
    }
}
