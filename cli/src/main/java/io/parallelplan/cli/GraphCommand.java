package io.parallelplan.cli;

import io.parallelplan.core.analyze.EstimateBound;
import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.report.DotRenderer;
import io.parallelplan.core.report.MermaidRenderer;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parallel-plan graph}: a valid plan's graph as Mermaid or DOT, levels as ranks, critical path marked. */
@Command(
        name = "graph",
        mixinStandardHelpOptions = true,
        description = {
            "Write a valid plan's dependency graph as Mermaid (flowchart LR, one subgraph per level) or Graphviz DOT "
                    + "(one rank=same subgraph per level), arrows from each dependency to its dependents, the "
                    + "critical path in bold red."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:graph written",
            "2:invalid plan (every error is listed), unreadable file, unwritable output or bad usage"
        })
final class GraphCommand implements Callable<Integer> {
    /** The notations {@code graph} writes. */
    enum Notation {
        MERMAID,
        DOT
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<plan>", description = "a parallel.json file or the folder holding it")
    Path plan;

    @Option(names = "--format", paramLabel = "mermaid|dot", defaultValue = "mermaid",
            description = "notation: mermaid (default) or dot")
    Notation format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write to FILE (replaced atomically) instead of standard output")
    Path output;

    @Option(names = "--estimates", paramLabel = "upper|lower|middle", defaultValue = "upper",
            description = "which end of a range estimate such as \"4-6\" decides the critical path: upper (default), "
                    + "lower or middle")
    EstimateBound estimates;

    @Override
    public Integer call() {
        if (output != null && Files.isDirectory(output)) {
            spec.commandLine().getErr().println("parallel-plan: " + output
                    + ": is a folder; give -o a file name such as " + output.resolve("plan." + extension()));
            return ExitCodes.INVALID;
        }
        LoadedPlan loaded = new PlanLoader().loadValid(plan);
        PlanAnalysis analysis = new PlanAnalyzer(estimates).analyze(loaded.graph(), PlanAnalyzer.UNLIMITED);
        String name = loaded.plan().name();
        String text = format == Notation.DOT
                ? new DotRenderer().render(name, loaded.graph(), analysis)
                : new MermaidRenderer().render(name, loaded.graph(), analysis);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return ExitCodes.OK;
        }
        try {
            write(output, text);
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("parallel-plan: " + output + ": cannot write the graph (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); check that the folder exists and is writable");
            return ExitCodes.INVALID;
        }
        return ExitCodes.OK;
    }

    private String extension() {
        return format == Notation.DOT ? "dot" : "mmd";
    }

    /** Writes beside the target, then renames, so a reader never sees half a graph. */
    private static void write(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            // A temporary file is private (rw-------); give the graph the permissions of the file it replaces, or the
            // usual rw-r--r-- of a new file.
            if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temp, Files.exists(absolute)
                        ? Files.getPosixFilePermissions(absolute)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
