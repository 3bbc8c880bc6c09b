package io.parallelplan.cli;

import io.parallelplan.core.analyze.Lanes;
import io.parallelplan.core.assign.Assignment;
import io.parallelplan.core.assign.AssignmentJson;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.report.Escape;
import io.parallelplan.core.report.ReportWriter;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

/** {@code parallel-plan assign}: who does which achievement when, and where executors wait for each other. */
@Command(
        name = "assign",
        mixinStandardHelpOptions = true,
        description = {
            "Put each achievement of a valid plan on one executor: per executor, its achievements in order with "
                    + "expected start and end hours and its idle time; the makespan (the one analyze --executors "
                    + "reports for the same executors); and the sync points, where an achievement on one executor "
                    + "waits for one on another.",
            "The schedule is analyze's critical-path list scheduling. With names, an achievement whose executor "
                    + "is one of them runs only on it; any other takes the first free executor that has no pinned "
                    + "achievement left to start, else the free one with the fewest hours of pinned work left. "
                    + "With one executor the output is the pseudo-parallel order: the SUBPLAN batches by level, "
                    + "then the order to execute.",
            "Missing or unreadable estimates count as 1 hour."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:assignment printed (and written with -o)",
            "2:invalid plan (every error is listed), unreadable file, unwritable -o file or bad usage (such as a "
                    + "bad --executors)"})
final class AssignCommand implements Callable<Integer> {
    /** The output formats of {@code assign}. */
    enum Format {
        text,
        markdown,
        json
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<plan>", description = "a parallel.json file or the folder holding it")
    Path plan;

    @Option(names = "--executors", required = true, paramLabel = "N|name,name,...",
            description = "N executors (named e1, e2, ...), or their names; an achievement whose executor is one of "
                    + "the names is pinned to it")
    String executors;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|markdown|json",
            description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "also write the JSON form to FILE (folders created, replaced atomically), the file "
                    + "status --assignment and report --assignment read; standard output keeps --format")
    Path output;

    @Mixin
    EstimatesOption estimates;

    @Override
    public Integer call() {
        Lanes lanes = AnalyzeCommand.lanes(spec, executors, "");
        if (output != null && Files.isDirectory(output)) {
            throw new ParameterException(spec.commandLine(), output + ": is a folder; give -o a file name such as "
                    + output.resolve("assignment.json"));
        }
        LoadedPlan loaded = new PlanLoader().loadValid(plan);
        PlanGraph graph = loaded.graph();
        if (lanes.size() > graph.size()) {
            throw new ParameterException(spec.commandLine(), "--executors gives " + lanes.size() + " executors but "
                    + "the plan has " + graph.size() + (graph.size() == 1 ? " achievement" : " achievements")
                    + "; give at most " + Math.max(1, graph.size()));
        }
        Assignment assignment = Assignment.of(loaded.plan().name(), graph, lanes, estimates.bound);
        String json = AssignmentJson.render(assignment);
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case json -> json;
            case text -> text(assignment, graph, false);
            case markdown -> text(assignment, graph, true);
        });
        out.flush();
        if (output != null) {
            try {
                ReportWriter.writeText(json, output);
            } catch (UncheckedIOException e) {
                spec.commandLine().getErr().println("parallel-plan: " + e.getMessage()
                        + "; check that the folder is writable");
                return ExitCodes.INVALID;
            }
            spec.commandLine().getErr().println("Wrote " + output + " (" + assignment.executors().size()
                    + (assignment.executors().size() == 1 ? " executor" : " executors") + ", "
                    + assignment.syncPoints().size() + " sync points)");
        }
        return ExitCodes.OK;
    }

    /** The assignment for people: plain text, or Markdown (headings, lists and tables). */
    static String text(Assignment a, PlanGraph graph, boolean markdown) {
        StringBuilder b = new StringBuilder(512 + graph.size() * 64);
        List<Assignment.Executor> executors = a.executors();
        String names = clean(String.join(", ", a.executorNames()));
        String heading = "Plan " + clean(a.planName()) + " on " + executors.size()
                + (executors.size() == 1 ? " executor" : " executors") + " (" + names + "): makespan "
                + h(a.makespanHours());
        b.append(markdown ? "# " + md(heading) : heading).append("\n\n");
        if (executors.size() == 1) {
            Assignment.Executor only = executors.get(0);
            b.append("One executor works pseudo-parallel: create each batch of SUBPLANs at once (one batch per "
                    + "level), then execute in the order below.\n\n");
            b.append(markdown ? "## SUBPLAN batches\n\n" : "SUBPLAN batches:\n");
            List<List<String>> batches = a.subplanBatches(graph, only);
            for (int i = 0; i < batches.size(); i++) {
                String ids = String.join(", ", batches.get(i));
                b.append(markdown ? (i + 1) + ". " + md(ids) : "  batch " + (i + 1) + ": " + clean(ids)).append('\n');
            }
            b.append(markdown ? "\n## Execution order\n\n" : "\nExecution order:\n");
            slots(b, only, graph, a, markdown);
            b.append('\n');
        } else {
            for (Assignment.Executor e : executors) {
                String title = clean(e.name()) + ": " + e.achievements().size()
                        + (e.achievements().size() == 1 ? " achievement" : " achievements") + ", busy "
                        + h(e.busyHours()) + ", idle " + h(a.idleHours(e));
                b.append(markdown ? "## " + md(title) + "\n\n" : title + "\n");
                slots(b, e, graph, a, markdown);
                List<Assignment.SyncPoint> waits = a.waitsOf(e.name());
                List<Assignment.SyncPoint> waited = a.waitedOnBy(e.name());
                if (!waits.isEmpty()) {
                    b.append(markdown ? "\nWaits for:\n\n" : "  waits for:\n");
                    for (Assignment.SyncPoint s : waits) {
                        item(b, markdown, "    ", "starts " + s.id() + " after " + s.on() + "'s " + s.waitsFor()
                                + " is APPROVED");
                    }
                }
                if (!waited.isEmpty()) {
                    b.append(markdown ? "\nWaited on by:\n\n" : "  waited on by:\n");
                    for (Assignment.SyncPoint s : waited) {
                        item(b, markdown, "    ", s.executor() + " starts " + s.id() + " after its " + s.waitsFor()
                                + " is APPROVED");
                    }
                }
                b.append('\n');
            }
            int count = a.syncPoints().size();
            String title = "Sync points (" + count + ")";
            b.append(markdown ? "## " + title + "\n\n" : title + ":\n");
            if (count == 0) {
                b.append(markdown ? "None: no executor waits for another.\n" : "  none: no executor waits for "
                        + "another\n");
            }
            for (Assignment.SyncPoint s : a.syncPoints()) {
                item(b, markdown, "  ", s.executor() + " starts " + s.id() + " after " + s.on() + "'s " + s.waitsFor()
                        + " is APPROVED");
            }
            b.append('\n');
        }
        b.append(EstimatesOption.line(a.bound()));
        return b.toString();
    }

    private static void slots(StringBuilder b, Assignment.Executor e, PlanGraph graph, Assignment a,
            boolean markdown) {
        if (markdown) {
            b.append("| # | id | title | start | end |\n|---|---|---|---|---|\n");
        }
        int i = 0;
        for (Assignment.Slot s : e.achievements()) {
            i++;
            int v = graph.indexOf(s.id());
            String title = v < 0 ? "" : graph.achievement(v).title();
            if (markdown) {
                b.append("| ").append(i).append(" | ").append(md(s.id())).append(" | ").append(md(title))
                        .append(" | ").append(h(s.startHours())).append(" | ").append(h(s.endHours()))
                        .append(" |\n");
            } else {
                b.append(String.format("  %3d. %-8s %6s -> %-6s %s%n", i, clean(s.id()), h(s.startHours()),
                        h(s.endHours()), clean(title)));
            }
        }
        if (e.achievements().isEmpty()) {
            b.append(markdown ? "| | | nothing assigned | | |\n" : "  nothing assigned\n");
        }
    }

    private static void item(StringBuilder b, boolean markdown, String indent, String line) {
        b.append(markdown ? "- " + md(line) : indent + clean(line)).append('\n');
    }

    private static String clean(String s) {
        return FindingsPrinter.clean(s);
    }

    /** Plan text in Markdown, escaped so it cannot break the structure around it. */
    private static String md(String s) {
        return Escape.markdown(s);
    }

    private static String h(double hours) {
        return WorkflowOutput.hours(hours);
    }
}
