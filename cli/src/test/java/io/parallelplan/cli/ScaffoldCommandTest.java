package io.parallelplan.cli;

import static io.parallelplan.cli.WorkflowFixtures.demo;
import static io.parallelplan.cli.WorkflowFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScaffoldCommandTest {
    @TempDir
    Path tmp;

    /** A terminal that answers with {@code answer} and records the questions. */
    private static final class FakeTerminal implements ScaffoldCommand.Terminal {
        final List<String> questions = new ArrayList<>();
        final boolean interactive;
        final String answer;

        FakeTerminal(boolean interactive, String answer) {
            this.interactive = interactive;
            this.answer = answer;
        }

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public String ask(String question) {
            questions.add(question);
            return answer;
        }
    }

    private static CommandLine withTerminal(FakeTerminal terminal) {
        CommandLine cl = Cli.commandLine();
        ((ScaffoldCommand) cl.getSubcommands().get("scaffold").getCommand()).terminal = terminal;
        return cl;
    }

    @Test
    void shouldPreviewAndCreateNothingOnDryRun() {
        Path folder = demo(tmp);

        WorkflowFixtures.Result r = run("scaffold", "subplans", folder.toString(), "--dry-run");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("create  subplans/SUBPLAN_DEMO_11.md  (1.1)",
                "create  subplans/SUBPLAN_DEMO_12.md  (1.2)", "Dry run: nothing created.");
        assertThat(Files.exists(folder.resolve("subplans"))).isFalse();
    }

    @Test
    void shouldAskOnATerminalAndCreateWhenConfirmed() throws Exception {
        Path folder = demo(tmp);
        FakeTerminal terminal = new FakeTerminal(true, "y");

        WorkflowFixtures.Result r = run(withTerminal(terminal), "scaffold", "subplans", folder.toString());

        assertThat(r.exit()).isZero();
        assertThat(terminal.questions).containsExactly("Create 2 files? [y/N] ");
        assertThat(r.out()).contains("Created subplans/SUBPLAN_DEMO_11.md", "Created 2 of 2 files.");
        assertThat(Files.readString(folder.resolve("subplans/SUBPLAN_DEMO_11.md")))
                .contains("SUBPLAN DEMO 1.1: Parser", "Turn the input into tokens.");
    }

    @Test
    void shouldCreateNothingAndExitOneWhenDeclined() {
        Path folder = demo(tmp);

        WorkflowFixtures.Result r = run(withTerminal(new FakeTerminal(true, "n")), "scaffold", "subplans",
                folder.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Declined: nothing created.");
        assertThat(Files.exists(folder.resolve("subplans"))).isFalse();
    }

    @Test
    void shouldRefuseWithoutYesWhenNotATerminal() {
        Path folder = demo(tmp);

        WorkflowFixtures.Result r = run(withTerminal(new FakeTerminal(false, null)), "scaffold", "subplans",
                folder.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("pass --yes");
        assertThat(Files.exists(folder.resolve("subplans"))).isFalse();
    }

    @Test
    void shouldListExecutionsWhosePrerequisiteIsMissing() {
        Path folder = demo(tmp, "subplans/SUBPLAN_DEMO_11.md");

        WorkflowFixtures.Result r = run("scaffold", "executions", folder.toString(), "--yes");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Created execution/EXECUTION_TASK_DEMO_11_01.md",
                "skip    1.2: prerequisite missing: subplans/SUBPLAN_DEMO_12.md");
        assertThat(Files.exists(folder.resolve("execution/EXECUTION_TASK_DEMO_12_01.md"))).isFalse();
    }

    @Test
    void shouldChooseByLevelAndByIds() {
        Path folder = demo(tmp);

        WorkflowFixtures.Result level = run("scaffold", "subplans", folder.toString(), "--level", "1", "--dry-run");
        WorkflowFixtures.Result ids = run("scaffold", "subplans", folder.toString(), "--ids", "1.2,2.1", "--dry-run");
        WorkflowFixtures.Result both = run("scaffold", "subplans", folder.toString(), "--ids", "1.2", "--level", "0");

        assertThat(level.out()).contains("SUBPLAN_DEMO_21.md").doesNotContain("SUBPLAN_DEMO_11.md");
        assertThat(ids.out()).contains("SUBPLAN_DEMO_12.md", "SUBPLAN_DEMO_21.md").doesNotContain("_11.md");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void shouldRefuseIdsThatEscapeThePlanFolder() {
        Path folder = demo(tmp);

        WorkflowFixtures.Result r = run("scaffold", "subplans", folder.toString(), "--ids", "../../etc", "--yes");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("outside the plan folder");
        assertThat(Files.exists(folder.resolve("subplans"))).isFalse();
    }

    @Test
    void shouldSayWhenThereIsNothingToCreate() {
        Path folder = demo(tmp, "subplans/SUBPLAN_DEMO_11.md", "subplans/SUBPLAN_DEMO_12.md");

        WorkflowFixtures.Result r = run("scaffold", "subplans", folder.toString(), "--yes");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("skip    1.1: exists: subplans/SUBPLAN_DEMO_11.md", "Nothing to create.");
    }

    /** The real file system, except that creating files named {@code name} is denied. */
    private static CommandLine failingOn(String name) {
        CommandLine cl = Cli.commandLine();
        ((ScaffoldCommand) cl.getSubcommands().get("scaffold").getCommand()).files = WorkflowFixtures.denying(name);
        return cl;
    }

    @Test
    void shouldPrintTheExactCommandForTheRestWithKeepPartial() throws Exception {
        Path folder = demo(tmp);
        Path templates = Files.createDirectories(tmp.resolve("my templates"));
        Files.writeString(templates.resolve("SUBPLAN.md"), "{{id}}\n");

        WorkflowFixtures.Result r = run(failingOn("SUBPLAN_DEMO_21.md"), "scaffold", "subplans", folder.toString(),
                "--ids", "1.1,2.1,1.2", "--keep-partial", "--yes", "--templates", templates.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("could not create", "SUBPLAN_DEMO_21.md: permission denied",
                "kept 2 created files",
                "parallel-plan scaffold subplans " + folder + " --ids 2.1 --yes --templates '" + templates + "'");
        assertThat(Files.readString(folder.resolve("subplans/SUBPLAN_DEMO_11.md"))).isEqualTo("1.1\n");
        assertThat(Files.readString(folder.resolve("subplans/SUBPLAN_DEMO_12.md"))).isEqualTo("1.2\n");
    }

    @Test
    void shouldRollBackByDefaultWhenAFileCannotBeCreated() {
        Path folder = demo(tmp);

        WorkflowFixtures.Result r = run(failingOn("SUBPLAN_DEMO_21.md"), "scaffold", "subplans", folder.toString(),
                "--ids", "1.1,2.1,1.2", "--yes");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("could not create", "SUBPLAN_DEMO_21.md", "nothing changed");
        assertThat(Files.exists(folder.resolve("subplans"))).isFalse();
    }
}
