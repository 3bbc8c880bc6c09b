package io.parallelplan.core.discover;

import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * One achievement found in a PLAN markdown.
 *
 * @param id its id, e.g. {@code "1.2"}
 * @param title its title, without estimate and status markers
 * @param estimate its estimate as written ({@link Estimate#ABSENT} when the text gives none)
 * @param priority the number of the "Priority N" group it is listed under, or {@code null}
 * @param stated whether the text states its dependencies (an explicit "None" counts)
 * @param dependencies the ids the statement names, in the order written; empty when not stated
 * @param statement the statement as written, or {@code null}
 * @param location the line of its first declaration (column 1)
 * @param section its detailed section, as written (the lines under its longest declaration)
 */
public record DiscoveredAchievement(
        String id,
        String title,
        Estimate estimate,
        Integer priority,
        boolean stated,
        List<String> dependencies,
        String statement,
        SourceLocation location,
        String section) {
    public DiscoveredAchievement {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(title, "title cannot be null");
        Objects.requireNonNull(estimate, "estimate cannot be null");
        dependencies = List.copyOf(dependencies);
        Objects.requireNonNull(location, "location cannot be null");
        Objects.requireNonNull(section, "section cannot be null");
    }
}
