package io.parallelplan.core.scaffold;

import java.util.List;

/**
 * What applying a scaffold batch did.
 *
 * @param created files created and kept (relative to the plan folder); empty after a roll-back
 * @param failures files that could not be created, with why
 * @param notAttempted files not tried because an earlier one failed (all-or-nothing mode)
 * @param rolledBack whether files created by this batch were removed again after a failure
 * @param rollbackProblems files or folders the roll-back could not remove, with why
 */
public record ScaffoldResult(List<String> created, List<Failure> failures, List<ScaffoldPreview.Creation> notAttempted,
        boolean rolledBack, List<String> rollbackProblems) {
    public ScaffoldResult {
        created = List.copyOf(created);
        failures = List.copyOf(failures);
        notAttempted = List.copyOf(notAttempted);
        rollbackProblems = List.copyOf(rollbackProblems);
    }

    /** Whether every file of the batch was created. */
    public boolean isComplete() {
        return failures.isEmpty() && notAttempted.isEmpty();
    }

    /** Ids whose files were not created (failed or not attempted), in batch order, each once. */
    public List<String> remainingIds() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        failures.forEach(f -> ids.add(f.id()));
        notAttempted.forEach(c -> ids.add(c.id()));
        return List.copyOf(ids);
    }

    /**
     * A file that could not be created.
     *
     * @param id the achievement
     * @param path relative to the plan folder
     * @param reason why, e.g. "permission denied"
     */
    public record Failure(String id, String path, String reason) {}
}
