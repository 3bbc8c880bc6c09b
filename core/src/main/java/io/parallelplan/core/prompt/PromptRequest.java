package io.parallelplan.core.prompt;

import io.parallelplan.core.scaffold.ScaffoldKind;
import io.parallelplan.core.scaffold.ScaffoldRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which prompts to make: the kind, the achievements (one level, listed ids, or by default what can be done now, as
 * {@code scaffold} chooses them), whether dependencies that are not done are accepted, and the folder the prompt files
 * go to (to refuse those that exist).
 *
 * @param kind SUBPLAN prompts ({@link ScaffoldKind#SUBPLANS}) or EXECUTION_TASK prompts
 *     ({@link ScaffoldKind#EXECUTIONS})
 * @param level a level (0: no dependencies), or {@code null}
 * @param ids ids in the order given; empty unless chosen by id
 * @param ignoreDeps make prompts also for achievements whose dependencies are not done
 * @param promptFolder where the prompt files will be written, or {@code null} (one document, nothing to check)
 */
public record PromptRequest(ScaffoldKind kind, Integer level, List<String> ids, boolean ignoreDeps,
        Path promptFolder) {
    public PromptRequest {
        Objects.requireNonNull(kind, "kind cannot be null");
        ids = List.copyOf(ids);
        if (level != null && !ids.isEmpty()) {
            throw new IllegalArgumentException("choose achievements by level or by ids, not both");
        }
    }

    /** The same choice of achievements as a scaffold batch (built-in templates). */
    ScaffoldRequest selection() {
        return new ScaffoldRequest(kind, level, ids, null);
    }
}
