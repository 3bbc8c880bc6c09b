package io.parallelplan.cli;

import io.parallelplan.core.discover.DriftJson;
import io.parallelplan.core.discover.DriftReport;
import io.parallelplan.core.discover.PlanDrift;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.parse.PlanLocator;
import io.parallelplan.core.parse.PlanParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parallel-plan drift}: where a PLAN markdown and its parallel.json disagree. */
@Command(
        name = "drift",
        mixinStandardHelpOptions = true,
        versionProvider = App.Version.class,
        description = {
            "Compare a PLAN markdown with its parallel.json: achievements missing on either side, titles, dependencies"
                    + " (edge by edge, where the PLAN states them) and estimates."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:in sync", "1:drift found", "2:unreadable input or bad usage"})
final class DriftCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<PLAN.md>", description = "the PLAN markdown")
    Path markdown;

    @Parameters(index = "1", paramLabel = "<parallel.json>", description = "the plan's parallel.json (or its folder)")
    Path planFile;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path file = PlanLocator.resolve(planFile);
        Plan plan = new PlanParser().parse(file).plan();
        DriftReport report = new PlanDrift().compare(markdown, plan);
        if (output.json()) {
            out.println(DriftJson.render(report));
        } else if (report.inSync()) {
            out.println(markdown + " and " + file + " are in sync (" + plan.size() + " achievements).");
            WorkflowOutput.findings(out, file.toString(), report.findings());
        } else {
            long n = report.findings().stream().filter(f -> f.code().startsWith("drift-")
                    && f.severity() == io.parallelplan.core.model.Severity.WARNING).count();
            out.println(markdown + " and " + file + " differ (" + n + (n == 1 ? " difference" : " differences")
                    + "):");
            WorkflowOutput.findings(out, file.toString(), report.findings());
        }
        out.flush();
        return report.inSync() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
