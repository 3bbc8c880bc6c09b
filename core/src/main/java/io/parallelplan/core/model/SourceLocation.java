package io.parallelplan.core.model;

/**
 * A 1-based line and column in a source file; {@link #UNKNOWN} (0, 0) when a value did not come from a file.
 */
public record SourceLocation(int line, int column) {
    /** The location of values built in memory rather than read from a file. */
    public static final SourceLocation UNKNOWN = new SourceLocation(0, 0);

    public SourceLocation {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative");
        }
    }

    /** Whether this location points into a file. */
    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return isKnown() ? line + ":" + column : "?";
    }
}
