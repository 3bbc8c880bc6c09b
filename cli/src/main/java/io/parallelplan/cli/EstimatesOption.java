package io.parallelplan.cli;

import io.parallelplan.core.analyze.EstimateBound;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code --estimates upper|lower|middle} option of the commands that schedule estimates (a picocli mixin). */
final class EstimatesOption {
    @Option(names = "--estimates", paramLabel = "upper|lower|middle", defaultValue = "upper",
            description = "which end of a range estimate such as \"4-6\" counts: upper (default), lower or middle")
    EstimateBound bound;

    /** The closing line of the text output: what range and missing estimates counted as. */
    static String line(EstimateBound bound) {
        return "Estimates: ranges such as \"4-6\" count as their " + bound.name().toLowerCase(Locale.ROOT)
                + (bound == EstimateBound.MIDDLE ? "" : " bound") + " (--estimates); missing ones as 1 h\n";
    }
}
