package io.parallelplan.cli;

/** The {@code --format} of commands that print either for people or for scripts. */
enum OutputFormat {
    /** Lines for people. */
    TEXT,
    /** One JSON object for scripts. */
    JSON
}
