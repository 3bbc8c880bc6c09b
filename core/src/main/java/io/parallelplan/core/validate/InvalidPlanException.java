package io.parallelplan.core.validate;

import io.parallelplan.core.model.Finding;
import java.nio.file.Path;

/**
 * A command that needs a valid plan was given an invalid one. Carries the whole report so the caller can show every
 * error, not just the first.
 */
public final class InvalidPlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;
    private final transient Path file;

    public InvalidPlanException(Path file, ValidationReport report) {
        super(message(file, report));
        this.report = report;
        this.file = file;
    }

    /** The plan file, or {@code null} for a plan built in memory. */
    public Path file() {
        return file;
    }

    private static String message(Path file, ValidationReport report) {
        int n = report.errors().size();
        Finding first = report.errors().isEmpty() ? null : report.errors().get(0);
        return (file == null ? "plan" : file.toString()) + ": invalid plan, " + n + (n == 1 ? " error" : " errors")
                + (first == null ? "" : "; first: " + first.message()) + "; run 'parallel-plan validate' for all";
    }

    public ValidationReport report() {
        return report;
    }
}
