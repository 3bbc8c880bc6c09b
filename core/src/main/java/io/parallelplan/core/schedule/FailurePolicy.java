package io.parallelplan.core.schedule;

/** What a run does when an achievement fails; see {@code docs/semantics.md}. */
public enum FailurePolicy {
    /** Everything whose dependencies are satisfied runs; dependents of a failure become BLOCKED (the default). */
    KEEP_GOING,
    /** At the first FAILED achievement, stop starting work and interrupt (or drain) the running ones. */
    FAIL_FAST,
    /** Run as keep-going and judge the run by its score against {@code min_score}; stop once it is unreachable. */
    THRESHOLD;

    /** The name used on the command line and in JSON: {@code keep-going}, {@code fail-fast}, {@code threshold}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Reads {@code keep-going}, {@code fail-fast} or {@code threshold} (case-insensitive, '_' or '-'). */
    public static FailurePolicy fromKey(String key) {
        String k = key == null ? "" : key.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (FailurePolicy p : values()) {
            if (p.name().equals(k)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown failure policy \"" + key + "\"; use keep-going, fail-fast or threshold");
    }
}
