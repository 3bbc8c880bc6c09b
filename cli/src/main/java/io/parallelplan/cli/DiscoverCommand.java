package io.parallelplan.cli;

import io.parallelplan.core.discover.DiscoveredPlan;
import io.parallelplan.core.discover.DiscoveryPrompt;
import io.parallelplan.core.discover.MarkdownDiscovery;
import io.parallelplan.core.discover.ParallelJsonWriter;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parallel-plan discover}: a PLAN markdown's achievements and stated dependencies as a parallel.json. */
@Command(
        name = "discover",
        mixinStandardHelpOptions = true,
        versionProvider = App.Version.class,
        description = {
            "Read a PLAN markdown and write its parallel.json: achievements, titles, estimates, priorities and the"
                    + " dependencies the text states, with the levels and critical path as notes.",
            "No edge is ever invented: achievements whose dependencies the PLAN does not state are listed (on stderr"
                    + " and in the notes) and get none.",
            "With --prompt, print instead a ready-to-paste prompt asking a language model for the parallel.json."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:parallel.json (or the prompt) written",
            "2:unreadable PLAN, no achievements found, a stated cycle, an existing or unwritable -o file, or bad usage"
        })
final class DiscoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<PLAN.md>", description = "the PLAN markdown")
    Path markdown;

    @Option(names = {"-o", "--output"}, paramLabel = "parallel.json",
            description = "write here instead of to stdout (never overwrites an existing file)")
    Path output;

    @Option(names = "--prompt", description = "print the parallel discovery prompt for a language model instead")
    boolean prompt;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (prompt && output != null) {
            err.println("parallel-plan: --prompt prints the prompt to stdout; drop -o (or redirect: > prompt.md)");
            return ExitCodes.INVALID;
        }
        if (output != null && Files.exists(output)) {
            err.println("parallel-plan: " + output + ": already exists and is never overwritten; choose another path,"
                    + " or compare them with 'parallel-plan drift " + markdown + " " + output + "'");
            return ExitCodes.INVALID;
        }
        DiscoveredPlan plan = new MarkdownDiscovery().discover(markdown);
        if (plan.achievements().isEmpty()) {
            err.println("parallel-plan: " + markdown + ": no achievements found; declare them as lines such as"
                    + " '**Achievement 1.1: Title** ⏱️ 2-3 hours' or '### Achievement 1.1: Title'");
            return ExitCodes.INVALID;
        }
        List<Finding> errors = plan.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            err.println("parallel-plan: " + markdown + ": cannot write a parallel.json:");
            WorkflowOutput.findings(err, markdown.toString(), errors);
            return ExitCodes.INVALID;
        }
        if (prompt) {
            out.print(new DiscoveryPrompt().render(plan));
            out.flush();
            return ExitCodes.OK;
        }
        String json = new ParallelJsonWriter().write(plan, LocalDate.now());
        if (output == null) {
            out.print(json);
            out.flush();
        } else {
            try {
                write(output, json);
            } catch (IOException e) {
                err.println("parallel-plan: " + output + ": cannot write: " + e.getMessage()
                        + "; check that the folder exists and is writable");
                return ExitCodes.INVALID;
            }
            err.println("Wrote " + output + " (" + plan.achievements().size() + " achievements).");
        }
        summary(err, plan);
        return ExitCodes.OK;
    }

    private void summary(PrintWriter err, DiscoveredPlan plan) {
        List<String> unstated = plan.withoutStatement();
        int edges = plan.achievements().stream().mapToInt(a -> a.dependencies().size()).sum();
        err.println("Discovered " + plan.achievements().size() + " achievements and " + edges
                + " stated dependencies in " + markdown + ".");
        if (!unstated.isEmpty()) {
            err.println("No dependency statement for " + unstated.size() + ": " + String.join(", ", unstated)
                    + " (written without dependencies; check them, or use --prompt to ask a language model).");
        }
        List<Finding> warnings = plan.findings().stream()
                .filter(f -> f.severity() == Severity.WARNING || f.code().equals("discover-unknown-mention"))
                .toList();
        WorkflowOutput.findings(err, markdown.toString(), warnings);
        err.flush();
    }

    private static void write(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
