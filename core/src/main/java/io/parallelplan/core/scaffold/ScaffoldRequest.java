package io.parallelplan.core.scaffold;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to scaffold: the kind of files, and which achievements: one level, listed ids, or (both absent) what can be
 * done now.
 *
 * @param kind SUBPLAN or EXECUTION_TASK files
 * @param level a level (0: no dependencies), or {@code null}
 * @param ids ids in the order given; empty unless chosen by id
 * @param templates a folder whose {@code SUBPLAN.md} / {@code EXECUTION_TASK.md} replace the built-in templates, or
 *     {@code null}
 */
public record ScaffoldRequest(ScaffoldKind kind, Integer level, List<String> ids, Path templates) {
    public ScaffoldRequest {
        Objects.requireNonNull(kind, "kind cannot be null");
        ids = List.copyOf(ids);
        if (level != null && !ids.isEmpty()) {
            throw new IllegalArgumentException("choose achievements by level or by ids, not both");
        }
    }

    /** The default batch: what can be done now. */
    public static ScaffoldRequest next(ScaffoldKind kind) {
        return new ScaffoldRequest(kind, null, List.of(), null);
    }
}
