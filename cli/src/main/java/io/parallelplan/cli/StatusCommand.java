package io.parallelplan.cli;

import io.parallelplan.core.assign.AssignmentJson;
import io.parallelplan.core.assign.ExecutorStatus;
import io.parallelplan.core.status.AchievementStatus;
import io.parallelplan.core.status.PlanFolder;
import io.parallelplan.core.status.PlanStatus;
import io.parallelplan.core.status.StatusJson;
import io.parallelplan.core.status.StatusReader;
import io.parallelplan.core.validate.LoadedPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parallel-plan status}: what the files of a plan folder say, and what can be done now. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = App.Version.class,
        description = {
            "Show each achievement's status as its files say (APPROVED > FIX > EXECUTION_TASK > SUBPLAN > SKIPPED),"
                    + " progress by level, what can be done now (longest remaining path first) and what a failed"
                    + " achievement holds back.",
            "The plan folder is the folder holding parallel.json; a folder inside it (subplans/, execution/) works "
                    + "too.",
            "With --assignment (a file written by assign -o), it shows instead, for each executor or only for "
                    + "--executor NAME: what to do next and the file to create, what it waits for on other "
                    + "executors (with their state, FIX included) and who waits for it."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:status shown", "2:no readable or valid plan there, an unreadable assignment or one "
                + "naming achievements the plan does not have, an unknown --executor, or bad usage"})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<plan-folder|parallel.json>", description = "the plan folder or its parallel.json")
    Path plan;

    @Mixin
    FormatOption output;

    @Option(names = "--assignment", paramLabel = "FILE",
            description = "an assignment written by assign -o: show what each executor does next, what it waits "
                    + "for and who waits for it")
    Path assignment;

    @Option(names = "--executor", paramLabel = "NAME",
            description = "with --assignment: show this executor only")
    String executor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (executor != null && assignment == null) {
            throw new ParameterException(spec.commandLine(), "--executor needs --assignment FILE (written by "
                    + "parallel-plan assign PLAN --executors ... -o FILE)");
        }
        if (assignment != null) {
            return executors(out);
        }
        PlanStatus status = new StatusReader().read(plan);
        if (output.json()) {
            out.println(StatusJson.render(status));
        } else {
            text(out, status);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code --assignment}: the status of each executor, or of {@code --executor} alone. */
    private int executors(PrintWriter out) {
        StatusReader reader = new StatusReader();
        PlanFolder folder = PlanFolder.locate(plan);
        LoadedPlan loaded = reader.loadValid(folder);
        PlanStatus status = reader.read(folder, loaded);
        AssignmentJson.Checked checked = AssignmentJson.read(assignment, status.planName(), loaded.graph());
        List<ExecutorStatus> views;
        try {
            views = executor == null ? ExecutorStatus.all(checked.assignment(), status, loaded.graph())
                    : List.of(ExecutorStatus.of(executor, checked.assignment(), status, loaded.graph()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--executor: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String w : checked.warnings()) {
            err.println("parallel-plan: warning: " + assignment + ": " + w);
        }
        if (output.json()) {
            out.print(ExecutorStatus.json(status.planName(), assignment.toString(), checked.warnings(), views));
        } else {
            for (int i = 0; i < views.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                executorText(out, views.get(i));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void executorText(PrintWriter out, ExecutorStatus s) {
        String name = FindingsPrinter.clean(s.executor());
        out.println("Executor " + name + ": " + s.doneCount() + "/" + s.achievements().size() + " done");
        ExecutorStatus.Next next = s.next();
        if (next != null) {
            String what = switch (next.action()) {
                case CREATE_SUBPLAN -> "create " + next.file();
                case CREATE_EXECUTION -> "create " + next.file() + " (its SUBPLAN is written)";
                case EXECUTE -> "do the work of " + next.file() + " and have it reviewed (APPROVED or FIX)";
                case FIX -> "answer " + next.file() + " and have it reviewed again";
            };
            out.println("  next: " + next.id() + " " + FindingsPrinter.clean(next.title()) + ": " + what);
        } else if (s.doneCount() == s.achievements().size()) {
            out.println("  next: nothing, all its achievements are done");
        } else {
            out.println("  next: nothing can be done now; it waits (below)");
        }
        for (ExecutorStatus.Item i : s.achievements()) {
            out.printf("    %-8s %-18s %s -> %s  %s%n", i.id(), i.status().label(),
                    WorkflowOutput.hours(i.startHours()), WorkflowOutput.hours(i.endHours()),
                    FindingsPrinter.clean(i.title()));
        }
        if (!s.waitingOn().isEmpty()) {
            out.println("  waiting on:");
            for (ExecutorStatus.Wait w : s.waitingOn()) {
                out.println("    " + w.id() + " waits for " + (w.on() == null ? "(no executor)"
                        : FindingsPrinter.clean(w.on())) + "'s " + w.waitsFor() + ": " + state(w));
            }
        }
        if (!s.waitedOnBy().isEmpty()) {
            out.println("  waited on by:");
            for (ExecutorStatus.Wait w : s.waitedOnBy()) {
                out.println("    " + FindingsPrinter.clean(w.executor()) + "'s " + w.id() + " waits for "
                        + w.waitsFor() + ": " + state(w));
            }
        }
    }

    private static String state(ExecutorStatus.Wait w) {
        return w.state().label() + (w.file() == null ? "" : " (" + w.file() + ")");
    }

    private static void text(PrintWriter out, PlanStatus s) {
        PlanStatus.Count all = s.progress().overall();
        out.println("Plan " + s.planName() + ": " + all.done() + "/" + all.total() + " achievements done ("
                + all.percent() + "%), " + WorkflowOutput.hours(all.hoursDone()) + " of "
                + WorkflowOutput.hours(all.hoursTotal()));
        out.println("  folder: " + s.folder().folder() + "   workspace root: " + s.folder().workspaceRoot());
        List<PlanStatus.Count> levels = s.progress().levels();
        for (int l = 0; l < levels.size(); l++) {
            PlanStatus.Count c = levels.get(l);
            out.println("  level " + l + ": " + c.done() + "/" + c.total() + " done, "
                    + WorkflowOutput.hours(c.hoursDone()) + " of " + WorkflowOutput.hours(c.hoursTotal()));
        }
        out.println();
        out.println("Achievements:");
        Map<String, PlanStatus.Entry> byId = new HashMap<>();
        for (PlanStatus.Entry e : s.achievements()) {
            byId.put(e.id(), e);
            out.printf("  %-8s %-18s %s%s%n", e.id(), e.status().label(), e.title(),
                    e.decidingFile().map(f -> "  (" + f + ")").orElse(""));
        }
        out.println();
        if (s.ready().isEmpty()) {
            out.println(all.done() == all.total() ? "Everything is done." : "Nothing can be done now.");
        } else {
            out.println("Can be done now (longest remaining path first):");
            for (String id : s.ready()) {
                PlanStatus.Entry e = byId.get(id);
                String note = e.status() == AchievementStatus.FAILED ? "  [failed: fix it]"
                        : e.status() == AchievementStatus.NOT_STARTED ? "" : "  [" + e.status().label() + "]";
                out.printf("  %-8s %s%s  (%s left on its path)%n", id, e.title(), note,
                        WorkflowOutput.hours(e.remainingHours()));
            }
        }
        if (!s.blocked().isEmpty()) {
            out.println();
            out.println("Held back by a failed dependency:");
            s.blocked().forEach((id, chain) -> {
                String root = chain.get(chain.size() - 1);
                String file = byId.get(root).decidingFile().orElse("FIX file");
                out.println("  " + id + " ← " + String.join(" ← ", chain) + " (failed: " + file + ")");
            });
        }
        if (!s.findings().isEmpty()) {
            out.println();
            out.println("Findings:");
            WorkflowOutput.findings(out, s.folder().planFile().toString(), s.findings());
        }
    }
}
