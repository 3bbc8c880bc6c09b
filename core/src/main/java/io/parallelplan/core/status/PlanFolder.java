package io.parallelplan.core.status;

import io.parallelplan.core.parse.PlanLocator;
import io.parallelplan.core.parse.PlanReadException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a plan lives, found from any path a user gives: the plan folder (the one holding {@code parallel.json}), its
 * {@code parallel.json}, its {@code PLAN_<NAME>.md}, and the workspace root.
 *
 * <p>From a file, the plan folder is the file's folder. From a folder, it is the folder itself or the nearest of its
 * two parents that holds a {@code parallel.json} (so {@code subplans/} and {@code execution/feedbacks/} work too).
 * The workspace root is the folder above {@code work-space} when the plan folder lies inside one
 * ({@code <root>/work-space/plans/<NAME>}), else the plan folder itself.
 *
 * @param folder the plan folder
 * @param planFile its {@code parallel.json} (may not exist when only a PLAN markdown was given)
 * @param workspaceRoot the workspace root
 * @param markdownFile the PLAN markdown, or {@code null} when the folder has none
 */
public record PlanFolder(Path folder, Path planFile, Path workspaceRoot, Path markdownFile) {
    private static final int PARENTS_SEARCHED = 2;

    public PlanFolder {
        Objects.requireNonNull(folder, "folder cannot be null");
        Objects.requireNonNull(planFile, "planFile cannot be null");
        Objects.requireNonNull(workspaceRoot, "workspaceRoot cannot be null");
    }

    /** The PLAN markdown of the folder, if it has one. */
    public Optional<Path> markdown() {
        return Optional.ofNullable(markdownFile);
    }

    /**
     * Finds the plan folder from a path.
     *
     * @throws PlanReadException when the path does not exist, or no folder around it holds a {@code parallel.json}
     */
    public static PlanFolder locate(Path argument) {
        Objects.requireNonNull(argument, "argument cannot be null");
        Path folder;
        Path planFile;
        if (Files.isRegularFile(argument)) {
            folder = parentOf(argument);
            planFile = argument.getFileName().toString().endsWith(".json")
                    ? argument
                    : folder.resolve(PlanLocator.FILE_NAME);
        } else if (Files.isDirectory(argument)) {
            folder = argument;
            Path candidate = argument;
            for (int i = 0; i <= PARENTS_SEARCHED && candidate != null; i++, candidate = candidate.getParent()) {
                if (Files.isRegularFile(candidate.resolve(PlanLocator.FILE_NAME))) {
                    folder = candidate;
                    break;
                }
            }
            planFile = folder.resolve(PlanLocator.FILE_NAME);
            if (!Files.exists(planFile)) {
                PlanLocator.resolve(argument);
            }
        } else {
            PlanLocator.resolve(argument);
            throw new PlanReadException(argument, "no such file or folder; check the path");
        }
        return new PlanFolder(folder, planFile, workspaceRoot(folder), findMarkdown(folder,
                Files.isRegularFile(argument) && argument.toString().endsWith(".md") ? argument : null));
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        Path relative = file.getParent();
        return relative != null ? relative : (parent != null ? parent : Path.of("."));
    }

    private static Path workspaceRoot(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("work-space") && p.getParent() != null) {
                return p.getParent();
            }
        }
        return folder;
    }

    private static Path findMarkdown(Path folder, Path given) {
        if (given != null) {
            return given;
        }
        List<Path> plans = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "PLAN_*.md")) {
            entries.forEach(plans::add);
        } catch (IOException e) {
            return null;
        }
        plans.sort(null);
        if (plans.size() == 1) {
            return plans.get(0);
        }
        Path named = folder.resolve("PLAN_" + folder.toAbsolutePath().normalize().getFileName() + ".md");
        return plans.contains(named) ? named : null;
    }
}
