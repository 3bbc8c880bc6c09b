package io.parallelplan.core.scaffold;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a scaffold batch will do, before anything is written.
 *
 * @param kind the kind of files
 * @param folder the plan folder the relative paths are in
 * @param creations files to create, in order
 * @param skipped achievements left out, each with the reason
 */
public record ScaffoldPreview(ScaffoldKind kind, Path folder, List<Creation> creations, List<Skip> skipped) {
    public ScaffoldPreview {
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(folder, "folder cannot be null");
        creations = List.copyOf(creations);
        skipped = List.copyOf(skipped);
    }

    /** Whether there is nothing to create. */
    public boolean isEmpty() {
        return creations.isEmpty();
    }

    /**
     * One file to create.
     *
     * @param id the achievement
     * @param path relative to the plan folder
     * @param content the filled template
     */
    public record Creation(String id, String path, String content) {}

    /**
     * One achievement left out.
     *
     * @param id the achievement
     * @param reason why, e.g. "exists: subplans/SUBPLAN_P_11.md" or "prerequisite missing: ..."
     */
    public record Skip(String id, String reason) {}
}
