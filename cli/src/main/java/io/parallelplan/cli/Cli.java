package io.parallelplan.cli;

import io.parallelplan.core.parse.PlanReadException;
import io.parallelplan.core.validate.InvalidPlanException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the configured {@link CommandLine}: usage errors exit 2 with a one-line message and a hint, domain errors
 * ({@link PlanReadException}) print {@code file:line:column: problem} plus the offending line and a caret, an
 * {@link InvalidPlanException} prints every error of the plan (exit 2), and no
 * stack trace is ever shown unless {@code PARALLEL_PLAN_DEBUG} is set.
 */
public final class Cli {
    private Cli() {}

    /** The command line that {@code main} executes; tests call {@code execute} on it with captured writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new App());
        cl.setExitCodeExceptionMapper(e -> ExitCodes.INVALID);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("parallel-plan: " + ex.getMessage());
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.INVALID;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
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
        });
        return cl;
    }
}
