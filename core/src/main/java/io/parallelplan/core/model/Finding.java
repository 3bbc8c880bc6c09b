package io.parallelplan.core.model;

import java.util.Objects;

/**
 * One thing validation (or parsing) found about a plan.
 *
 * @param severity how serious it is
 * @param code a stable, kebab-case identifier scripts may match on (for example {@code unknown-dependency})
 * @param message one human sentence that says what is wrong and how to fix it
 * @param achievement the id of the achievement concerned, or {@code null} for plan-wide findings
 * @param location where in the file, or {@link SourceLocation#UNKNOWN}
 */
public record Finding(Severity severity, String code, String message, String achievement, SourceLocation location) {
    public Finding {
        Objects.requireNonNull(severity, "severity cannot be null");
        Objects.requireNonNull(code, "code cannot be null");
        Objects.requireNonNull(message, "message cannot be null");
        Objects.requireNonNull(location, "location cannot be null");
    }

    public static Finding error(String code, String message, String achievement, SourceLocation location) {
        return new Finding(Severity.ERROR, code, message, achievement, location);
    }

    public static Finding warning(String code, String message, String achievement, SourceLocation location) {
        return new Finding(Severity.WARNING, code, message, achievement, location);
    }

    public static Finding info(String code, String message, String achievement, SourceLocation location) {
        return new Finding(Severity.INFO, code, message, achievement, location);
    }
}
