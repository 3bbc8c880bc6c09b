package io.parallelplan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parallel-plan} command: the entry point ({@link Cli} lists the subcommands). */
@Command(
        name = "parallel-plan",
        mixinStandardHelpOptions = true,
        versionProvider = App.Version.class,
        description = "Validate, analyze and run a plan's parallel.json dependency graph in parallel.",
        // The subcommands are registered by Cli, which builds only the one a command line names.
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
        System.exit(Cli.commandLine(args).execute(args));
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
