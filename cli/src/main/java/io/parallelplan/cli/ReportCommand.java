package io.parallelplan.cli;

import io.parallelplan.cli.run.LogTail;
import io.parallelplan.cli.run.RunFolder;
import io.parallelplan.core.assign.Assignment;
import io.parallelplan.core.assign.AssignmentJson;
import io.parallelplan.core.ledger.Definitions;
import io.parallelplan.core.ledger.LedgerException;
import io.parallelplan.core.ledger.LedgerState;
import io.parallelplan.core.ledger.RunLedger;
import io.parallelplan.core.parse.PlanLocator;
import io.parallelplan.core.report.HtmlReportRenderer;
import io.parallelplan.core.report.ReportFormat;
import io.parallelplan.core.report.ReportSnapshot;
import io.parallelplan.core.report.ReportSnapshots;
import io.parallelplan.core.report.ReportWriter;
import io.parallelplan.core.report.RunReports;
import io.parallelplan.core.report.RunReports.RecordedRun;
import io.parallelplan.core.status.PlanFolder;
import io.parallelplan.core.status.StatusReader;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parallel-plan report}: a report of a plan or of a run, in one of the formats of
 * {@link io.parallelplan.core.report}. The command only finds the input (plan, plan folder statuses, run ledger)
 * and the output; core builds the snapshot and renders it.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write a report of a run or of a plan: html (a self-contained page with the dependency graph, the "
                    + "run's timeline and a sortable table), junit (JUnit XML, one test case per achievement), "
                    + "markdown (summary, table and Mermaid graph), json (the report's data), mermaid or dot.",
            "Given a plan (its parallel.json or folder), the report shows its latest run, or the run named by "
                    + "--run; a plan that has not run yet (or --plan-only) shows the plan, with the statuses of its "
                    + "files when it is a plan folder (subplans/, execution/). Given a run folder "
                    + "(.parallel-plan/runs/RUN-ID), it shows that run of the plan it ran.",
            "--assignment FILE (written by assign -o) adds to the html report one lane per executor with its "
                    + "achievements at their expected start and end, and the sync points."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:report written",
            "2:invalid plan (every error is listed), unreadable plan or ledger, no such run, unwritable output or "
                    + "bad usage"
        })
final class ReportCommand implements Callable<Integer> {
    /** Lines of a failed attempt's log that go into a report (JUnit failure text, JSON log_tail). */
    static final int LOG_TAIL_LINES = 50;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<plan|run>",
            description = "a parallel.json file, the folder holding it, or a run folder (.parallel-plan/runs/RUN-ID)")
    Path input;

    @Option(names = "--format", paramLabel = "html|junit|markdown|json|mermaid|dot", defaultValue = "html",
            description = "html (default), junit, markdown, json, mermaid or dot")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write to FILE (folders created, replaced atomically) instead of standard output")
    Path output;

    @Option(names = "--run", paramLabel = "RUN-ID",
            description = "report this run of the plan instead of the latest (run ids are the folder names under "
                    + ".parallel-plan/runs/)")
    String runId;

    @Option(names = "--plan-only", description = "report the plan (and its files' statuses) even if it has runs")
    boolean planOnly;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where the plan's runs are kept, as given to run --state-dir (default: .parallel-plan "
                    + "beside the plan)")
    Path stateDir;

    @Option(names = "--assignment", paramLabel = "FILE",
            description = "html only: draw this assignment (written by assign -o) as one lane per executor")
    Path assignment;

    /** The assignment to draw, read once the plan is loaded; {@code null} without --assignment. */
    private Assignment drawn;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (planOnly && runId != null) {
            return usage(err, "--plan-only and --run exclude each other; give one");
        }
        if (assignment != null && format != ReportFormat.HTML) {
            return usage(err, "--assignment is drawn by the html report only; leave out --format "
                    + format.cliName() + " or --assignment");
        }
        if (output != null && Files.isDirectory(output)) {
            return usage(err, output + ": is a folder; give -o a file name such as "
                    + output.resolve("report." + format.extension()));
        }
        ReportSnapshot snapshot;
        try {
            snapshot = Files.isRegularFile(input.resolve(RunLedger.JOURNAL)) ? runFolder(err) : plan(err);
        } catch (LedgerException e) {
            err.println("parallel-plan: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        if (snapshot == null) {
            return ExitCodes.INVALID;
        }
        // Written as it is rendered: a report of a large plan needs no more memory than the plan.
        ReportWriter.Content content = drawn == null ? out -> format.write(snapshot, out)
                : out -> new HtmlReportRenderer(drawn).page(snapshot, out);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            try {
                content.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a PrintWriter does not throw
            }
            out.flush();
            return ExitCodes.OK;
        }
        try {
            ReportWriter.write(output, content);
        } catch (UncheckedIOException e) {
            err.println("parallel-plan: " + e.getMessage() + "; check that the folder is writable");
            return ExitCodes.INVALID;
        }
        spec.commandLine().getOut().println("Wrote " + output + " (" + format.cliName() + ", " + describe(snapshot)
                + ")");
        return ExitCodes.OK;
    }

    private static String describe(ReportSnapshot s) {
        return switch (s.source()) {
            case RUN -> "run " + s.runId();
            case FILESYSTEM -> "plan with the statuses of its files";
            case PLAN -> "plan only";
        };
    }

    /** A run folder given directly: the plan is the one its journal names. */
    private ReportSnapshot runFolder(PrintWriter err) {
        if (runId != null || planOnly) {
            usage(err, input + " is a run folder; --run and --plan-only apply to a plan");
            return null;
        }
        RecordedRun recorded = RecordedRun.read(input);
        String source = recorded.state().header().planSource();
        if (source == null || !Files.isRegularFile(Path.of(source))) {
            err.println("parallel-plan: " + input + ": the plan this run ran (" + (source == null ? "unknown"
                    : source) + ") is not there; give the plan and the run: parallel-plan report PLAN --run "
                    + input.getFileName());
            return null;
        }
        LoadedPlan loaded = loadAssignment(new PlanLoader().loadValid(Path.of(source)), err);
        // A run folder is <state-dir>/runs/<run-id>.
        Path absolute = input.toAbsolutePath().normalize();
        Optional<RunFolder> folder = absolute.getParent() == null || absolute.getParent().getParent() == null
                ? Optional.empty()
                : RunFolder.existing(absolute.getParent().getParent(), absolute.getFileName().toString());
        if (folder.isEmpty()) {
            err.println("parallel-plan: " + input + ": not a run folder of the form <state-dir>/runs/<run-id>");
            return null;
        }
        return runSnapshot(loaded, folder.get(), recorded, err);
    }

    private ReportSnapshot plan(PrintWriter err) {
        Path file = PlanLocator.resolve(input);
        Path planFolder = file.toAbsolutePath().getParent();
        Path state = stateDir != null ? stateDir : planFolder.resolve(RunFolder.STATE_DIR_NAME);
        // The run's ledger is read on another thread while the plan is read and validated (each is about half of a
        // large report's work before rendering); whatever fails is reported in the order it was before.
        Optional<RunFolder> run = Optional.empty();
        IllegalArgumentException badRun = null;
        if (!planOnly) {
            try {
                run = RunFolder.existing(state, runId);
            } catch (IllegalArgumentException e) {
                badRun = e;
            }
        }
        FutureTask<RecordedRun> recorded = run.map(r -> Background.start("ledger-reader",
                () -> RecordedRun.read(r.path()))).orElse(null);
        LoadedPlan loaded = loadAssignment(new PlanLoader().loadValid(file), err);
        if (!planOnly) {
            if (badRun != null) {
                usage(err, "--run: " + badRun.getMessage());
                return null;
            }
            if (run.isPresent()) {
                return runSnapshot(loaded, run.get(), Background.join(recorded), err);
            }
            if (runId != null) {
                usage(err, "--run: no run " + runId + " in " + RunFolder.runsFolder(state) + "; leave --run out for "
                        + "the latest run, or run the plan first");
                return null;
            }
        }
        if (Files.isDirectory(planFolder.resolve("subplans")) || Files.isDirectory(planFolder.resolve("execution"))) {
            try {
                return RunReports.ofStatus(loaded, new StatusReader().read(PlanFolder.locate(file), loaded));
            } catch (IllegalArgumentException e) {
                err.println("parallel-plan: warning: statuses not read from " + planFolder + " (" + e.getMessage()
                        + "); reporting the plan alone");
            }
        }
        return ReportSnapshots.ofPlan(loaded.plan(), loaded.graph());
    }

    /** Reads {@code --assignment} (when given) against the loaded plan, warning where it is stale. */
    private LoadedPlan loadAssignment(LoadedPlan loaded, PrintWriter err) {
        if (assignment != null) {
            AssignmentJson.Checked checked = AssignmentJson.read(assignment, loaded.plan().name(), loaded.graph());
            checked.warnings().forEach(w -> err.println("parallel-plan: warning: " + assignment + ": " + w));
            drawn = checked.assignment();
        }
        return loaded;
    }

    /**
     * The snapshot of one recorded run of {@code loaded}, with the tails of failed attempts' logs. {@code run
     * --report FILE.html} writes its report with {@code ReportWriter.writeHtml(runSnapshot(loaded, folder, err),
     * file)} once the ledger is closed.
     */
    static ReportSnapshot runSnapshot(LoadedPlan loaded, RunFolder run, PrintWriter err) {
        return runSnapshot(loaded, run, RecordedRun.read(run.path()), err);
    }

    private static ReportSnapshot runSnapshot(LoadedPlan loaded, RunFolder run, RecordedRun recorded,
            PrintWriter err) {
        LedgerState state = recorded.state();
        // The plan's hash (a SHA-256 per achievement) is taken on a second thread while the snapshot is made; the
        // warning still comes before anything of the report.
        FutureTask<Definitions> definitions = Background.start("plan-hash", () -> Definitions.of(loaded.plan()));
        try {
            return RunReports.ofLedger(loaded, recorded, (id, attempt) -> {
                List<String> lines = LogTail.lastLines(run.log(id, attempt), LOG_TAIL_LINES);
                return lines.isEmpty() ? null : String.join("\n", lines);
            });
        } finally {
            if (!state.header().planHash().equals(Background.join(definitions).planHash())) {
                err.println("parallel-plan: warning: the plan changed since run " + state.runId()
                        + "; the report draws today's plan with that run's states");
            }
        }
    }

    private int usage(PrintWriter err, String problem) {
        err.println("parallel-plan: " + problem);
        err.println("Try 'parallel-plan report --help' for more information.");
        return ExitCodes.INVALID;
    }
}
