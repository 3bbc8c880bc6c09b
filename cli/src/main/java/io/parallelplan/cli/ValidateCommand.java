package io.parallelplan.cli;

import io.parallelplan.core.discover.PlanDrift;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Severity;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import io.parallelplan.core.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parallel-plan validate}: every error, warning and info about a plan, at once. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check a plan and report every problem at once: errors (ids, duplicates, fields of the wrong type, "
                    + "unknown dependencies, self-dependencies, cycles), warnings (drift between hand-written claims "
                    + "and the graph, missing plan_name or parallelization_level, ids that cannot name the "
                    + "methodology's files, unknown statuses, unreadable estimates) and info (unknown fields, ids "
                    + "outside the X.Y shape, missing dependencies lists)."
        },
        footer = {"", "Text output is coloured only on a terminal, and never when NO_COLOR is set. The finding codes are "
                + "listed in docs/format.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:valid plan (warnings allowed)",
            "1:valid plan with warnings, under --strict",
            "2:invalid plan, unreadable file or bad usage"
        })
public final class ValidateCommand implements Callable<Integer> {
    /** How the report is printed. */
    enum Format {
        text,
        json
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<plan>", description = "A parallel.json file, or the folder holding one.")
    private Path plan;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "Output format: text (default; grouped by severity, with a summary line) or json.")
    private Format format;

    @Option(names = "--strict", description = "Exit 1 when the plan is valid but has warnings.")
    private boolean strict;

    @Option(
            names = "--plan-md",
            paramLabel = "PLAN.md",
            description = "Also compare the plan with its PLAN markdown and report every difference as a drift-* "
                    + "warning (as 'parallel-plan drift' does).")
    private Path planMarkdown;

    @Override
    public Integer call() {
        LoadedPlan loaded = new PlanLoader().load(plan);
        ValidationReport report = loaded.report();
        if (planMarkdown != null) {
            List<Finding> findings = new ArrayList<>(report.findings());
            findings.addAll(new PlanDrift().compare(planMarkdown, loaded.plan()).findings());
            report = new ValidationReport(findings);
        }
        String file = loaded.plan().source().map(Path::toString).orElse(plan.toString());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            FindingsPrinter.printJson(out, file, report);
        } else {
            FindingsPrinter.forTerminal().printText(out, file, report, strict);
        }
        if (!report.isValid()) {
            return ExitCodes.INVALID;
        }
        return strict && report.count(Severity.WARNING) > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }
}
