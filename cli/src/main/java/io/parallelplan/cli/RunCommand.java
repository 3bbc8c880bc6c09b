package io.parallelplan.cli;

import io.parallelplan.cli.run.AttemptCommands;
import io.parallelplan.cli.run.DryRun;
import io.parallelplan.cli.run.Eta;
import io.parallelplan.cli.run.EventLines;
import io.parallelplan.cli.run.ExecTemplate;
import io.parallelplan.cli.run.LiveView;
import io.parallelplan.cli.run.LocalRunDriver;
import io.parallelplan.cli.run.LogTail;
import io.parallelplan.cli.run.ProcessLauncher;
import io.parallelplan.cli.run.RunDisplay;
import io.parallelplan.cli.run.RunFolder;
import io.parallelplan.cli.run.ShellQuote;
import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.ledger.LedgerException;
import io.parallelplan.core.ledger.ResumePlan;
import io.parallelplan.core.ledger.RunLedger;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.parse.ParsedPlan;
import io.parallelplan.core.parse.PlanLocator;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.report.ReportWriter;
import io.parallelplan.core.schedule.BlockedChain;
import io.parallelplan.core.schedule.FailurePolicy;
import io.parallelplan.core.schedule.RunListener;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.schedule.SchedulePlan;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.schedule.TaskRecord;
import io.parallelplan.core.schedule.TaskState;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parallel-plan run}: runs a plan's achievements as shell commands, in parallel, as the scheduler in core
 * decides. This class reads the options, checks them, and wires the parts of {@code io.parallelplan.cli.run}
 * together; see {@code docs/cli.md} for the behaviour.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run a plan's achievements as shell commands, in parallel: each starts as soon as its dependencies have"
                    + " passed, the longest remaining chain first. Dependents of a failure end BLOCKED with the"
                    + " chain that blocked them.",
            "",
            "Each achievement runs its `command`; else its `validation_script`; else --exec. Every attempt runs"
                    + " as `/bin/sh -c` would run it, in the plan folder, with PARALLEL_PLAN_NAME, PARALLEL_PLAN_FILE,"
                    + " PARALLEL_PLAN_ACHIEVEMENT, PARALLEL_PLAN_TITLE, PARALLEL_PLAN_ATTEMPT, PARALLEL_PLAN_RUN_ID"
                    + " and PARALLEL_PLAN_RUN_DIR set; its output goes to"
                    + " .parallel-plan/runs/RUN-ID/logs/ID.attempt-N.log beside the plan."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:SUCCESS (or a dry run)",
            "1:FAILURE",
            "2:invalid plan, nothing to run for an achievement, or bad usage",
            "3:UNSTABLE",
            "130:interrupted (SIGINT/SIGTERM): running attempts killed and CANCELLED, ledger saved"
        })
public final class RunCommand implements Callable<Integer> {
    static final String LATEST = "";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan's parallel.json, or the folder holding it.")
    Path planArgument;

    @Option(names = "--max-parallel", paramLabel = "N",
            description = "At most N achievements run at once (default: the number of processors).")
    Integer maxParallel;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "keep-going (default): run everything not blocked; fail-fast: stop at the first failure;"
                    + " threshold: pass when the score reaches --min-score.")
    String policy;

    @Option(names = "--min-score", paramLabel = "X",
            description = "The score (0..1) a threshold run needs; needs --policy threshold.")
    Double minScore;

    @Option(names = "--drain",
            description = "With fail-fast: let running achievements finish instead of killing them.")
    boolean drain;

    @Option(names = "--retries", paramLabel = "N",
            description = "Retries of a failed attempt when the achievement does not say `retries` (default 0).")
    Integer retries;

    @Option(names = "--timeout", paramLabel = "MINUTES",
            description = "Time limit of one attempt when the achievement does not say `timeout_minutes`;"
                    + " fractions allowed (0.5 = 30 s). A timed-out attempt is killed with its whole process"
                    + " tree and counts as failed.")
    Double timeoutMinutes;

    @Option(names = "--only", paramLabel = "ID", split = ",",
            description = "Run only these achievements; the others end SKIPPED.")
    List<String> only;

    @Option(names = "--with-deps", description = "With --only: also run what the chosen achievements depend on.")
    boolean withDeps;

    @Option(names = "--exec", paramLabel = "TEMPLATE",
            description = "The command of achievements without `command` or `validation_script`; {id}, {nn} (id"
                    + " without dots), {title} and {plan} are replaced, shell-quoted. Write them unquoted.")
    String exec;

    @Option(names = "--workdir", paramLabel = "DIR",
            description = "Run attempts in DIR instead of the plan folder.")
    Path workdir;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Keep runs in DIR/runs/ instead of .parallel-plan/runs/ beside the plan.")
    Path stateDir;

    @Option(names = "--dry-run",
            description = "Print the start order, waves, critical path and makespan estimate; run nothing.")
    boolean dryRun;

    @Option(names = "--resume", paramLabel = "RUN-ID", arity = "0..1", fallbackValue = LATEST,
            description = "Continue a run (the latest by default): keep what passed and is unchanged, run the"
                    + " rest. Put it after PLAN, or write --resume=RUN-ID.")
    String resume;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "When the run ends, also write its HTML report (graph, timeline, table) to this file,"
                    + " as 'parallel-plan report' does.")
    Path report;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default): live view on a terminal, one line per event elsewhere; json: the"
                    + " final result as JSON on standard output, events on standard error.")
    String format = "text";

    /** The grace period between SIGTERM and SIGKILL when an attempt is killed. */
    static final Duration GRACE = Duration.ofSeconds(3);

    /** The command line's words after {@code run}, as typed (the resume hint repeats them). */
    private List<String> arguments;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        List<String> all = cl.getParseResult().originalArgs();
        return call(cl.getOut(), cl.getErr(), all.subList(all.indexOf(spec.name()) + 1, all.size()));
    }

    /**
     * Runs the command with its options set, writing to {@code out} and {@code err}; {@code arguments} are the
     * command line's words after {@code run}. picocli comes here through {@link #call()}, {@link QuickRun} directly.
     */
    int call(PrintWriter out, PrintWriter err, List<String> arguments) throws InterruptedException {
        this.arguments = arguments;
        try {
            return runCommand(out, err);
        } catch (LedgerException | java.io.UncheckedIOException e) {
            err.println("parallel-plan: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }

    private int runCommand(PrintWriter out, PrintWriter err) throws InterruptedException {
        ProcessLauncher.preferFastSpawn();
        String problem = checkOptions();
        if (problem != null) {
            return usage(err, problem);
        }
        Path file = PlanLocator.resolve(planArgument);
        ParsedPlan parsed = new PlanParser().parse(file);
        RunPreparation preparation = dryRun ? null : RunPreparation.start(parsed.plan());
        LoadedPlan loaded = new PlanLoader().load(parsed);
        if (!loaded.report().isValid()) {
            return invalidPlan(err, file, loaded);
        }
        Path planFolder = file.toAbsolutePath().getParent();
        int parallel = maxParallel != null ? maxParallel : Runtime.getRuntime().availableProcessors();
        RunOptions.Builder options = RunOptions.builder()
                .maxParallel(parallel)
                .policy(policy == null ? FailurePolicy.KEEP_GOING : FailurePolicy.fromKey(policy))
                .drain(drain);
        if (minScore != null) {
            options.minScore(minScore);
        }
        if (retries != null) {
            options.defaultRetries(retries);
        }
        ResumePlan resumed = null;
        if (resume != null) {
            Path runs = RunFolder.runsFolder(stateDir(planFolder));
            Optional<RunFolder> previous;
            try {
                previous = RunFolder.existing(stateDir(planFolder), resume.isEmpty() ? null : resume);
            } catch (IllegalArgumentException e) {
                return usage(err, "--resume: " + e.getMessage());
            }
            if (previous.isEmpty()) {
                return usage(err, "--resume: " + (resume.isEmpty() ? "no run yet" : "no run " + resume) + " in "
                        + runs + "; start one without --resume");
            }
            resumed = ResumePlan.of(RunLedger.read(previous.get().path()), loaded);
            resumed.applyTo(options);
        }
        if (only != null) {
            try {
                options.only(loaded.graph(), only, withDeps);
            } catch (IllegalArgumentException e) {
                return usage(err, "--only: " + e.getMessage());
            }
        }
        RunOptions runOptions = options.build();

        // A dry run's analysis is made before the scheduler: the two are never in memory at the same time.
        PlanAnalysis analysis = dryRun ? new PlanAnalyzer().analyze(loaded.graph(), parallel) : null;
        SchedulePlan prepared;
        Scheduler probe;
        try {
            prepared = SchedulePlan.of(loaded);
            probe = new Scheduler(prepared, runOptions, Instant.now(), RunListener.NONE);
        } catch (IllegalArgumentException e) {
            err.println("parallel-plan: " + file + ": " + e.getMessage());
            return ExitCodes.INVALID;
        }
        AttemptCommands commands = new AttemptCommands(planFolder, loaded.plan().name(),
                exec == null ? null : new ExecTemplate(exec), prepared::achievement);
        for (String id : probe.tasks()) {
            if (probe.state(id) != TaskState.SKIPPED) {
                commands.add(id, probe.achievement(id));
            }
        }
        if (!commands.missing().isEmpty()) {
            return nothingToRun(err, file, commands.missing());
        }
        if (dryRun) {
            return dryRun(out, loaded, analysis, probe, commands, parallel);
        }
        return execute(out, err, file, loaded, prepared, preparation, runOptions, commands, parallel, resumed);
    }

    private Path stateDir(Path planFolder) {
        return stateDir != null ? stateDir : planFolder.resolve(RunFolder.STATE_DIR_NAME);
    }

    private String checkOptions() {
        if (maxParallel != null && maxParallel < 1) {
            return "--max-parallel must be at least 1 (got " + maxParallel + ")";
        }
        if (policy != null) {
            try {
                FailurePolicy.fromKey(policy);
            } catch (IllegalArgumentException e) {
                return "--policy: " + e.getMessage();
            }
        }
        boolean threshold = policy != null && FailurePolicy.fromKey(policy) == FailurePolicy.THRESHOLD;
        if (minScore != null && !(minScore >= 0 && minScore <= 1)) {
            return "--min-score must be between 0 and 1 (got " + minScore + ")";
        }
        if (minScore != null && !threshold) {
            return "--min-score needs --policy threshold";
        }
        if (threshold && minScore == null) {
            return "--policy threshold needs --min-score, e.g. --min-score 0.9";
        }
        if (drain && (policy == null || FailurePolicy.fromKey(policy) != FailurePolicy.FAIL_FAST)) {
            return "--drain needs --policy fail-fast";
        }
        if (retries != null && retries < 0) {
            return "--retries cannot be negative (got " + retries + ")";
        }
        if (timeoutMinutes != null && !(timeoutMinutes > 0 && timeoutMinutes <= 525_600)) {
            return "--timeout must be a number of minutes above 0 and at most 525600 (got " + timeoutMinutes + ")";
        }
        if (withDeps && only == null) {
            return "--with-deps needs --only";
        }
        if (only != null && only.stream().anyMatch(String::isBlank)) {
            return "--only needs achievement ids separated by commas, e.g. --only 2.1,3.1";
        }
        if (exec != null && exec.isBlank()) {
            return "--exec needs a command, e.g. --exec 'make {nn}'";
        }
        if (workdir != null && !Files.isDirectory(workdir)) {
            return "--workdir " + workdir + " is not a folder";
        }
        if (!format.equals("text") && !format.equals("json")) {
            return "--format must be text or json (got " + format + ")";
        }
        if (dryRun && resume != null) {
            return "--dry-run and --resume cannot be combined";
        }
        if (dryRun && report != null) {
            return "--report needs a real run; use 'parallel-plan report <plan> --plan-only' for the plan alone";
        }
        if (report != null && Files.isDirectory(report)) {
            return "--report " + report + " is a folder; name the HTML file to write, e.g. --report run.html";
        }
        return null;
    }

    private int execute(
            PrintWriter out,
            PrintWriter err,
            Path file,
            LoadedPlan loaded,
            SchedulePlan prepared,
            RunPreparation preparation,
            RunOptions runOptions,
            AttemptCommands commands,
            int parallel,
            ResumePlan resumed)
            throws InterruptedException {
        Clock clock = Clock.systemUTC();
        Path planFolder = file.toAbsolutePath().getParent();
        RunFolder folder = RunFolder.create(stateDir(planFolder), clock.instant());
        boolean json = format.equals("json");
        PrintWriter progress = json ? err : out;
        if (resumed != null) {
            progress.println("Resuming run " + resumed.previousRunId() + " as run " + folder.runId() + ": "
                    + resumed.rerun().size() + " to run again, " + resumed.skip().size() + " kept.");
        }
        RunDisplay display = display(progress, json, loaded, parallel, clock, preparation);
        RunLedger ledger = RunLedger.create(folder.path(), folder.runId(), prepared, preparation.definitions(),
                runOptions, clock.instant(), display);
        Scheduler scheduler = ledger.scheduler();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PARALLEL_PLAN_NAME", loaded.plan().name());
        environment.put("PARALLEL_PLAN_FILE", file.toAbsolutePath().toString());
        environment.put("PARALLEL_PLAN_RUN_ID", folder.runId());
        environment.put("PARALLEL_PLAN_RUN_DIR", folder.path().toAbsolutePath().toString());
        Duration timeout = timeoutMinutes == null ? null : Duration.ofMillis(Math.round(timeoutMinutes * 60_000));
        LocalRunDriver.Outcome outcome;
        try (ProcessLauncher launcher = new ProcessLauncher(workdir != null ? workdir : planFolder, environment,
                System.console() != null)) {
            LocalRunDriver driver = new LocalRunDriver(scheduler, commands, launcher, folder, display, timeout, GRACE,
                    clock, display instanceof LiveView);
            outcome = driver.run();
        } finally {
            ledger.close();
        }
        RunResult result = scheduler.result();
        summary(progress, scheduler, result, folder, outcome);
        if (report != null) {
            writeReport(progress, err, loaded, folder);
        }
        if (json) {
            out.println(ledger.resultJson());
            out.flush();
        }
        if (outcome.interrupted()) {
            return ExitCodes.INTERRUPTED;
        }
        return exitCode(result.status());
    }

    /** Writes the --report file from the closed ledger; a failure to write it is said, and does not change the exit. */
    private void writeReport(PrintWriter progress, PrintWriter err, LoadedPlan loaded, RunFolder folder) {
        try {
            ReportWriter.writeHtml(ReportCommand.runSnapshot(loaded, folder, err), report);
            progress.println("Report: " + report);
        } catch (java.io.UncheckedIOException e) {
            err.println("parallel-plan: could not write the report " + report + ": " + e.getMessage()
                    + "; write it later with 'parallel-plan report " + planArgument + " --run " + folder.runId()
                    + " -o " + report + "'");
        }
    }

    private RunDisplay display(
            PrintWriter to, boolean json, LoadedPlan loaded, int parallel, Clock clock, RunPreparation preparation)
            throws InterruptedException {
        String term = System.getenv("TERM");
        boolean terminal = !json && System.console() != null && term != null && !term.equals("dumb");
        if (!terminal) {
            return new EventLines(to, preparation.zone());
        }
        Map<String, String> titles = new HashMap<>();
        for (Achievement a : loaded.plan().achievements()) {
            titles.put(a.id(), a.title());
            for (Achievement s : a.subExecutions()) {
                titles.put(a.id() + "/" + s.id(), s.title());
            }
        }
        PlanAnalyzer analyzer = new PlanAnalyzer();
        Eta eta = new Eta(loaded.graph(), analyzer.hours(loaded.graph()), analyzer.remainingHours(loaded.graph()),
                parallel);
        return new LiveView(to, titles, loaded.plan().size(), eta, clock, terminalWidth());
    }

    private static int terminalWidth() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Integer.parseInt(columns);
        }
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", "stty size < /dev/tty 2>/dev/null").start();
            String size = new String(p.getInputStream().readAllBytes()).trim();
            if (size.matches("\\d+ \\d+")) {
                return Integer.parseInt(size.substring(size.indexOf(' ') + 1));
            }
        } catch (java.io.IOException e) {
            // Fall back to 80 columns.
        }
        return 80;
    }

    private void summary(
            PrintWriter to, Scheduler scheduler, RunResult result, RunFolder folder, LocalRunDriver.Outcome outcome) {
        to.println();
        if (outcome.interrupted()) {
            to.println("Interrupted by SIG" + outcome.signal() + ": running attempts were killed and CANCELLED.");
        } else {
            result.stopReason().ifPresent(reason -> to.println("Stopped early: " + reason));
        }
        to.println(result.countLine());
        List<TaskRecord> failed = new ArrayList<>();
        for (TaskRecord r : result.records()) {
            if (r.state() == TaskState.FAILED && !r.group()) {
                failed.add(r);
            }
        }
        if (!failed.isEmpty()) {
            to.println();
            to.println("Failures:");
            for (TaskRecord r : failed) {
                Achievement a = scheduler.achievement(r.id());
                to.println("  " + r.id() + " FAILED (" + failure(r) + ")" + (r.optional() ? ", optional" : "")
                        + (a.title().isEmpty() ? "" : " — " + a.title()));
                Path log = folder.log(r.id(), r.attempts());
                if (!Files.exists(log)) {
                    to.println("    (no output)");
                    continue;
                }
                to.println("    log: " + shown(log));
                for (String line : LogTail.lastLines(log, 20)) {
                    to.println("    | " + line);
                }
            }
        }
        if (!result.blockedChains().isEmpty()) {
            to.println();
            to.println("Blocked:");
            for (BlockedChain chain : result.blockedChains()) {
                to.println("  " + chain.text());
            }
        }
        to.println();
        to.println("Run folder: " + shown(folder.path()));
        if (result.status() != RunStatus.SUCCESS || outcome.interrupted()) {
            to.println("To resume: " + resumeCommand(folder.runId()));
        }
        to.flush();
    }

    /** A path relative to the working directory when it lies below it: shorter to read and to copy. */
    private static String shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute).toString()
                : absolute.toString();
    }

    /** The command line the user typed, with {@code --resume RUN-ID} in place of any earlier one. */
    private String resumeCommand(String runId) {
        List<String> args = new ArrayList<>(arguments);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--resume")) {
                args.remove(i);
                if (i < args.size() && resume != null && !resume.isEmpty() && args.get(i).equals(resume)) {
                    args.remove(i);
                }
                i--;
            } else if (a.startsWith("--resume=") || a.equals("--dry-run")) {
                args.remove(i--);
            }
        }
        StringBuilder sb = new StringBuilder(program()).append(" run");
        for (String a : args) {
            sb.append(' ').append(ShellQuote.quote(a));
        }
        return sb.append(" --resume ").append(runId).toString();
    }

    private static String program() {
        String program = System.getenv("PARALLEL_PLAN_PROGRAM");
        return program == null || program.isBlank() ? "parallel-plan" : ShellQuote.quote(program);
    }

    private int dryRun(PrintWriter out, LoadedPlan loaded, PlanAnalysis analysis, Scheduler scheduler,
            AttemptCommands commands, int parallel) {
        out.println("Dry run of " + loaded.plan().name() + " with --max-parallel " + parallel
                + ": nothing is started.");
        out.println();
        out.println("Start order (if every estimate held):");
        double makespan = DryRun.printStartOrder(scheduler, commands, out);
        List<String> skipped = new ArrayList<>();
        for (String id : scheduler.options().skip().isEmpty() ? List.<String>of() : scheduler.tasks()) {
            if (scheduler.state(id) == TaskState.SKIPPED) { // only what the options skip ends SKIPPED
                skipped.add(id);
            }
        }
        if (!skipped.isEmpty()) {
            out.println("Skipped: " + String.join(", ", skipped));
        }
        out.println();
        out.println("Waves:");
        for (int i = 0; i < analysis.levels().size(); i++) {
            out.println("  " + (i + 1) + ": " + String.join(", ", analysis.levels().get(i)));
        }
        out.println();
        out.println("Critical path: " + String.join(" → ", analysis.criticalPath().ids()) + " ("
                + DryRun.hours(analysis.criticalPath().hours()) + ")");
        out.println("Makespan estimate with " + parallel + " at once: " + DryRun.hours(makespan)
                + " (all in sequence: " + DryRun.hours(analysis.sequentialHours()) + "; lower bound "
                + DryRun.hours(analysis.lowerBoundHours()) + ")");
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code exit 2 after 2 attempts}, or the failure message when there was no exit code. */
    private static String failure(TaskRecord r) {
        String what = r.exitCode() != null ? "exit " + r.exitCode() : r.message() != null ? r.message() : "failed";
        return what + " after " + r.attempts() + (r.attempts() == 1 ? " attempt" : " attempts");
    }

    private static int exitCode(RunStatus status) {
        return switch (status) {
            case SUCCESS -> ExitCodes.OK;
            case UNSTABLE -> ExitCodes.UNSTABLE;
            case FAILURE -> ExitCodes.FAILURE;
        };
    }

    private static int usage(PrintWriter err, String problem) {
        err.println("parallel-plan run: " + problem);
        err.println("Try 'parallel-plan run --help' for more information.");
        return ExitCodes.INVALID;
    }

    private static int invalidPlan(PrintWriter err, Path file, LoadedPlan loaded) {
        FindingsPrinter.forTerminal().printRefusal(err, file.toString(), loaded.report());
        return ExitCodes.INVALID;
    }

    private static int nothingToRun(PrintWriter err, Path file, List<AttemptCommands.Missing> missing) {
        err.println("parallel-plan: " + file + ": nothing to run for " + missing.size()
                + (missing.size() == 1 ? " achievement" : " achievements")
                + "; give each a `command` or a `validation_script`, or pass --exec 'TEMPLATE'. Nothing was run.");
        for (AttemptCommands.Missing m : missing) {
            err.println("  " + m.id() + ": " + m.reason());
        }
        return ExitCodes.INVALID;
    }
}
