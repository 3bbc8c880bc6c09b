package io.parallelplan.cli;

/** The {@code --format} values of the workflow commands. */
enum OutputFormat {
    text,
    json
}
