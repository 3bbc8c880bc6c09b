package io.parallelplan.core.parse;

/**
 * Safety limits on what the parser accepts, so a hostile or broken file gives a clear error instead of
 * exhausting memory.
 *
 * @param maxDocumentBytes largest file accepted (default 512 MiB: about five million achievements)
 * @param maxNestingDepth deepest nesting of objects and arrays (default 64; real plans use fewer than 10)
 * @param maxStringLength longest string value in characters (default 1,000,000)
 */
public record ParseLimits(long maxDocumentBytes, int maxNestingDepth, int maxStringLength) {
    /** The defaults described above. */
    public static final ParseLimits DEFAULT = new ParseLimits(512L * 1024 * 1024, 64, 1_000_000);

    public ParseLimits {
        if (maxDocumentBytes <= 0 || maxNestingDepth <= 0 || maxStringLength <= 0) {
            throw new IllegalArgumentException("parse limits must be positive");
        }
    }
}
