package io.parallelplan.cli;

import picocli.CommandLine.Option;

/** The {@code --format text|json} option of the workflow commands (a picocli mixin). */
final class FormatOption {
    /** The output formats. */
    enum Format {
        text,
        json
    }

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    /** Whether JSON was asked for. */
    boolean json() {
        return format == Format.json;
    }
}
