package io.parallelplan.cli;

import io.parallelplan.core.parse.PlanReadException;
import io.parallelplan.core.validate.InvalidPlanException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Builds the configured {@link CommandLine}: usage errors exit 2 with a one-line message and a hint, domain errors
 * ({@link PlanReadException}) print {@code file:line:column: problem} plus the offending line and a caret, an
 * {@link InvalidPlanException} prints every error of the plan (exit 2), and no
 * stack trace is ever shown unless {@code PARALLEL_PLAN_DEBUG} is set.
 */
public final class Cli {
    /** The subcommands' names, in the order {@code --help} lists them ({@link #subcommand} makes each). */
    private static final List<String> SUBCOMMANDS = List.of(
            "help", "validate", "analyze", "assign", "graph", "run", "report", "status", "scaffold", "prompt",
            "discover", "drift");

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    private Cli() {}

    /**
     * A new subcommand object. A plain switch, not a table of constructor references: building a subcommand's
     * model (reflection over its annotations, picocli's old-format classes that class-data sharing cannot keep) is
     * a large part of a short command's start, so {@link #commandLine(String...)} makes only the one it needs.
     */
    private static Object subcommand(String name) {
        return switch (name) {
            case "help" -> new CommandLine.HelpCommand();
            case "validate" -> new ValidateCommand();
            case "analyze" -> new AnalyzeCommand();
            case "assign" -> new AssignCommand();
            case "graph" -> new GraphCommand();
            case "run" -> new RunCommand();
            case "report" -> new ReportCommand();
            case "status" -> new StatusCommand();
            case "scaffold" -> new ScaffoldCommand();
            case "prompt" -> new PromptCommand();
            case "discover" -> new DiscoverCommand();
            case "drift" -> new DriftCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /** The command line with every subcommand; tests call {@code execute} on it with captured writers. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line that {@code main} executes for {@code arguments}: with only the subcommand
     * {@code arguments[0]} names, none for a lone {@code --version}, or all of them when it names none (or
     * {@code help}, which describes the others) — so usage, suggestions for a mistyped name and {@code --help} are
     * exactly those of the whole command.
     */
    static CommandLine commandLine(String... arguments) {
        // No option takes a date, time or SQL type: picocli need not load and initialize those classes (java.time's
        // formatters are among the slowest to start) for its built-in converters.
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.sql\\..*,java\\.time\\..*");
        }
        CommandLine cl = new CommandLine(new App());
        String first = arguments.length > 0 ? arguments[0] : null;
        if (first != null && !first.equals("help") && SUBCOMMANDS.contains(first)) {
            cl.addSubcommand(first, subcommand(first));
        } else if (arguments.length == 1 && (first.equals("--version") || first.equals("-V"))) {
            // The version alone names no subcommand and prints none: no model to build.
        } else {
            for (String name : SUBCOMMANDS) {
                cl.addSubcommand(name, subcommand(name));
            }
        }
        cl.setExitCodeExceptionMapper(e -> ExitCodes.INVALID);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("parallel-plan: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?");
            }
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.INVALID;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> executionFailure(ex, cmd.getErr()));
        return cl;
    }

    /** What a command that failed with {@code ex} prints to {@code err}, and its exit code. */
    static int executionFailure(Exception ex, PrintWriter err) {
        if (ex instanceof PlanReadException pre) {
            err.println("parallel-plan: " + pre.getMessage());
            pre.excerpt().forEach(line -> err.println("  " + line));
            return ExitCodes.INVALID;
        }
        if (ex instanceof InvalidPlanException ipe) {
            String file = ipe.file().map(Object::toString).orElse("plan");
            FindingsPrinter.forTerminal().printRefusal(err, file, ipe.report());
            return ExitCodes.INVALID;
        }
        if (System.getenv("PARALLEL_PLAN_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.println("parallel-plan: internal error: " + ex + " (set PARALLEL_PLAN_DEBUG=1 for details; "
                + "please report it)");
        return ExitCodes.INVALID;
    }
}
