package io.parallelplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {
    private static final List<String> ALL = List.of(
            "help", "validate", "analyze", "assign", "graph", "run", "report", "status", "scaffold", "prompt",
            "discover", "drift");

    @Test
    void shouldListEverySubcommandInHelpOrder() {
        assertThat(Cli.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(Cli.commandLine("--help").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(Cli.commandLine("help", "run").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(Cli.commandLine("rnu").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
    }

    @Test
    void shouldBuildOnlyTheSubcommandTheArgumentsName() {
        for (String name : ALL.subList(1, ALL.size())) {
            CommandLine cl = Cli.commandLine(name, "x");
            assertThat(cl.getSubcommands().keySet()).as(name).containsExactly(name);
            // The name Cli registers is the command's own (@Command name), which its usage shows.
            assertThat(cl.getSubcommands().get(name).getCommandSpec().name()).isEqualTo(name);
        }
    }

    @Test
    void shouldPrintTheVersionWithoutBuildingAnySubcommand() {
        for (String option : new String[] {"--version", "-V"}) {
            assertThat(Cli.commandLine(option).getSubcommands()).as(option).isEmpty();
            CliRun run = CliRun.of(option);
            assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).startsWith("parallel-plan ").hasLineCount(1);
        }
        // Anything more than the version is read by the whole command, with its usage and suggestions.
        assertThat(Cli.commandLine("--version", "run").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
    }

    @Test
    void shouldSuggestTheNameOfAMistypedSubcommand() {
        CliRun run = CliRun.of("runn", "plan");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).contains("'runn'").contains("Did you mean: run?")
                .contains("Try 'parallel-plan --help'");
    }

    @Test
    void shouldSuggestTheNameOfAMistypedOption() {
        CliRun run = CliRun.of("run", "--max-paralel", "3", "plan");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).contains("Did you mean: --max-parallel?").contains("Try 'parallel-plan run --help'");
    }
}
