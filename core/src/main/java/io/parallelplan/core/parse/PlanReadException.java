package io.parallelplan.core.parse;

import io.parallelplan.core.model.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A plan file could not be read at all: missing, unreadable, empty, not JSON, not an object, or over a safety
 * limit. The message is one line ({@code file:line:column: what is wrong; how to fix it}); {@link #excerpt()} holds
 * the offending source line and a caret under the column when there is one.
 */
public final class PlanReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final SourceLocation location;
    private final String problem;
    private final List<String> excerpt;

    public PlanReadException(Path file, SourceLocation location, String problem, List<String> excerpt) {
        super(format(file, location, problem));
        this.file = Objects.requireNonNull(file, "file cannot be null");
        this.location = Objects.requireNonNull(location, "location cannot be null");
        this.problem = Objects.requireNonNull(problem, "problem cannot be null");
        this.excerpt = List.copyOf(excerpt);
    }

    public PlanReadException(Path file, String problem) {
        this(file, SourceLocation.UNKNOWN, problem, List.of());
    }

    private static String format(Path file, SourceLocation location, String problem) {
        return file + (location.isKnown() ? ":" + location.line() + ":" + location.column() : "") + ": " + problem;
    }

    /** The file (or folder) the problem is about, as the user named it. */
    public Path file() {
        return file;
    }

    /** Where in the file, or {@link SourceLocation#UNKNOWN}. */
    public SourceLocation location() {
        return location;
    }

    /** The problem and its fix, without the file prefix. */
    public String problem() {
        return problem;
    }

    /** The offending line and a caret line under the column; empty when there is no position. */
    public List<String> excerpt() {
        return excerpt;
    }
}
