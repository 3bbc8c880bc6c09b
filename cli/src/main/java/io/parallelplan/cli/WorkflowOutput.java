package io.parallelplan.cli;

import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.model.Finding;
import java.io.PrintWriter;
import java.util.List;

/** Text output shared by the workflow commands (status, scaffold, discover, drift). */
final class WorkflowOutput {
    private WorkflowOutput() {}

    /** Prints findings indented, one per line, in validate's form: {@code file:line:col: severity [code] id: message}. */
    static void findings(PrintWriter out, String file, List<Finding> findings) {
        FindingsPrinter printer = FindingsPrinter.forTerminal();
        for (Finding f : findings) {
            out.println("  " + printer.line(file, f));
        }
    }

    static String hours(double hours) {
        return Estimate.formatHours(hours) + " h";
    }
}
