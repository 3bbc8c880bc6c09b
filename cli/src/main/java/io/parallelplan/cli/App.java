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
            "2:invalid plan, unreadable file, bad usage or out of memory",
            "3:run UNSTABLE",
            "130:interrupted (SIGINT/SIGTERM)"
        })
public final class App {
    public static void main(String[] args) {
        int code;
        try {
            // A plain `run` skips picocli's model of the commands (see QuickRun); every other command line uses it.
            RunCommand quick = QuickRun.of(args);
            code = quick != null ? QuickRun.execute(quick, args) : Cli.commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            // What filled the heap is unreachable once the command has unwound, so there is room to say so.
            if (System.getenv("PARALLEL_PLAN_DEBUG") != null) {
                e.printStackTrace();
            }
            System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            code = ExitCodes.INVALID;
        }
        System.exit(code);
    }

    /** The one line printed when a command runs out of heap: the limit it had and how to raise it. */
    static String outOfMemory(long maxHeapBytes) {
        long mb = maxHeapBytes / (1024 * 1024);
        String more = mb < 1024 ? "-Xmx1g" : "-Xmx" + Math.max(2, 2 * ((mb + 1023) / 1024)) + "g";
        return "parallel-plan: out of memory: the plan needs more than the Java heap limit of " + mb
                + " MB; give it more with PARALLEL_PLAN_JAVA_OPTS=" + more;
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
