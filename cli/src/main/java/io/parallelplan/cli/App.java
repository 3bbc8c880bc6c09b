package io.parallelplan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parallel-plan} command: the entry point and the list of subcommands. */
@Command(
        name = "parallel-plan",
        mixinStandardHelpOptions = true,
        versionProvider = App.Version.class,
        description = "Validate, analyze and run a plan's parallel.json dependency graph in parallel.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ValidateCommand.class,
            AnalyzeCommand.class,
            GraphCommand.class,
            RunCommand.class,
            ReportCommand.class,
            StatusCommand.class,
            ScaffoldCommand.class,
            DiscoverCommand.class,
            DriftCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (valid plan; run SUCCESS)",
            "1:warnings with --strict; run FAILURE; drift found",
            "2:invalid plan, unreadable file or bad usage",
            "3:run UNSTABLE",
            "130:interrupted (SIGINT/SIGTERM)"
        })
public final class App {
    public static void main(String[] args) {
        System.exit(Cli.commandLine().execute(args));
    }

    /** Prints the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = App.class.getPackage().getImplementationVersion();
            return new String[] {"parallel-plan " + (v == null ? "development build" : v)};
        }
    }
}
