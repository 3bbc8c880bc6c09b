package io.parallelplan.cli;

import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.validate.InvalidPlanException;
import java.io.PrintWriter;
import java.util.List;

/** Text output shared by the workflow commands (status, scaffold, discover, drift). */
final class WorkflowOutput {
    private WorkflowOutput() {}

    /** Prints findings one per line: {@code file:line:col: severity: message [code]}. */
    static void findings(PrintWriter out, String file, List<Finding> findings) {
        for (Finding f : findings) {
            String where = f.location().isKnown() ? file + ":" + f.location() + ": " : file + ": ";
            out.println("  " + where + f.severity().label() + ": " + f.message() + " [" + f.code() + "]");
        }
    }

    /** Prints every error of an invalid plan and returns {@link ExitCodes#INVALID}. */
    static int invalid(PrintWriter err, InvalidPlanException e) {
        err.println("parallel-plan: " + e.getMessage());
        findings(err, "parallel.json", e.report().errors());
        return ExitCodes.INVALID;
    }

    static String hours(double hours) {
        return Estimate.formatHours(hours) + " h";
    }
}
