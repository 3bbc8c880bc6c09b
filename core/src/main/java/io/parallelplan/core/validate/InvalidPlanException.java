package io.parallelplan.core.validate;

import io.parallelplan.core.model.Finding;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A command that needs a valid plan was given an invalid one. Carries the whole report so the caller can show every
 * error, not just the first.
 */
public final class InvalidPlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;
    private final transient Path file;

    /**
     * @param file the plan file, or {@code null} for a plan built in memory
     * @param report the report with at least one error
     */
    public InvalidPlanException(Path file, ValidationReport report) {
        super(message(file, report));
        this.report = report;
        this.file = file;
    }

    private static String message(Path file, ValidationReport report) {
        int n = report.errors().size();
        Finding first = report.errors().isEmpty() ? null : report.errors().get(0);
        return (file == null ? "plan" : file.toString()) + ": invalid plan, " + n + (n == 1 ? " error" : " errors")
                + (first == null ? "" : "; first: " + first.message()) + "; run 'parallel-plan validate' for all";
    }

    /** The whole report: every error, warning and info. */
    public ValidationReport report() {
        return report;
    }

    /** The plan file, if the plan came from one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
