package io.parallelplan.core.parse;

import java.nio.file.Files;
import java.nio.file.Path;

/** Turns what a user typed (a {@code parallel.json} file, or a folder holding one) into the plan file. */
public final class PlanLocator {
    /** The file name looked for inside a folder. */
    public static final String FILE_NAME = "parallel.json";

    private PlanLocator() {}

    /**
     * Resolves a plan argument.
     *
     * @throws PlanReadException when nothing is there, or a folder has no {@code parallel.json}
     */
    public static Path resolve(Path argument) {
        if (Files.isDirectory(argument)) {
            Path file = argument.resolve(FILE_NAME);
            if (!Files.exists(file)) {
                throw new PlanReadException(argument, "folder has no " + FILE_NAME
                        + "; pass the plan's parallel.json, or create one with 'parallel-plan discover PLAN.md -o "
                        + file + "'");
            }
            return file;
        }
        if (!Files.exists(argument)) {
            Path parent = argument.toAbsolutePath().getParent();
            String hint = parent != null && !Files.isDirectory(parent)
                    ? "the folder " + parent + " does not exist either"
                    : "check the path";
            throw new PlanReadException(argument, "no such file or folder; " + hint);
        }
        return argument;
    }
}
