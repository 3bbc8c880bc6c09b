package io.parallelplan.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.parse.PlanReadException;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.pipeline.WorkspacePath;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Reads a plan from the workspace and validates it with core, printing what core finds. */
final class PlanReading {
    private PlanReading() {}

    /** The normal form of {@code file}, or an {@link AbortException} naming the fix. */
    static String normalize(String parameter, String file) throws AbortException {
        try {
            return WorkspacePath.normalize(parameter, file);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /**
     * Reads and validates {@code file}, whether valid or not.
     *
     * @throws AbortException when the file is missing, outside the workspace, or not a JSON object
     */
    static LoadedPlan load(FilePath workspace, String file) throws IOException, InterruptedException {
        String normal = normalize("file", file);
        return parse(WorkspaceFile.read(workspace, "file", normal), normal);
    }

    /** Parses and validates plan text read earlier (kept in the build directory, for instance). */
    static LoadedPlan parse(String json, String file) throws AbortException {
        try {
            return new PlanLoader().load(new PlanParser().parse(json, Path.of(file)));
        } catch (PlanReadException e) {
            StringBuilder message = new StringBuilder(e.getMessage());
            for (String line : e.excerpt()) {
                message.append(System.lineSeparator()).append(line);
            }
            throw new AbortException(message.toString());
        }
    }

    /** Prints every finding, one line each. */
    static void print(TaskListener listener, String file, LoadedPlan plan) {
        PrintStream out = listener.getLogger();
        for (Finding finding : plan.report().findings()) {
            out.println(ConsoleLines.finding(file, finding));
        }
    }

    /**
     * Prints every finding and insists that the plan is valid.
     *
     * @throws AbortException listing the error count and the fix when it has errors
     */
    static LoadedPlan loadValid(FilePath workspace, TaskListener listener, String file)
            throws IOException, InterruptedException {
        LoadedPlan plan = load(workspace, file);
        String normal = normalize("file", file);
        print(listener, normal, plan);
        if (!plan.report().isValid()) {
            throw new AbortException(ConsoleLines.invalidPlan(normal, plan.report()));
        }
        return plan;
    }
}
