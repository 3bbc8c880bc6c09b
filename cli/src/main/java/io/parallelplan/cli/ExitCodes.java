package io.parallelplan.cli;

/** The exit codes of {@code parallel-plan}; a contract with users' scripts, listed in {@code --help}. */
public final class ExitCodes {
    /** Valid plan; run SUCCESS; plan and markdown in sync. */
    public static final int OK = 0;
    /** Warnings under {@code --strict}; run FAILURE; drift found. */
    public static final int FAILURE = 1;
    /** Invalid plan, unreadable input, or bad usage. */
    public static final int INVALID = 2;
    /** Run UNSTABLE. */
    public static final int UNSTABLE = 3;
    /** Interrupted by SIGINT or SIGTERM. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
