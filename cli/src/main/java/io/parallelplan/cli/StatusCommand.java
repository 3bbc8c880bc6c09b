package io.parallelplan.cli;

import io.parallelplan.core.status.AchievementStatus;
import io.parallelplan.core.status.PlanStatus;
import io.parallelplan.core.status.StatusJson;
import io.parallelplan.core.status.StatusReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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
            "The plan folder is the folder holding parallel.json; a folder inside it (subplans/, execution/) works too."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:status shown", "2:no readable or valid plan there, or bad usage"})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<plan-folder|parallel.json>", description = "the plan folder or its parallel.json")
    Path plan;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PlanStatus status = new StatusReader().read(plan);
        if (output.json()) {
            out.println(StatusJson.render(status));
        } else {
            text(out, status);
        }
        out.flush();
        return ExitCodes.OK;
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
