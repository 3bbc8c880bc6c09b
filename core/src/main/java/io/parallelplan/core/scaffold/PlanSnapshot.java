package io.parallelplan.core.scaffold;

import io.parallelplan.core.discover.DiscoveredPlan;
import io.parallelplan.core.discover.MarkdownDiscovery;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.model.PlanFiles;
import io.parallelplan.core.status.PlanFolder;
import io.parallelplan.core.status.PlanStatus;
import io.parallelplan.core.status.StatusReader;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A plan folder read once for a batch of files or prompts: its valid plan, the status its files give, and its PLAN
 * markdown (for each achievement's section).
 *
 * @param loaded the valid plan and its graph
 * @param status the status of the folder's files
 * @param markdown the PLAN markdown, or {@code null} when the folder has none
 */
public record PlanSnapshot(LoadedPlan loaded, PlanStatus status, DiscoveredPlan markdown) {
    public PlanSnapshot {
        Objects.requireNonNull(loaded, "loaded cannot be null");
        Objects.requireNonNull(status, "status cannot be null");
    }

    /**
     * Reads the plan folder found from {@code argument} (the folder, its {@code parallel.json} or a folder inside it).
     *
     * @throws io.parallelplan.core.parse.PlanReadException when there is no readable plan there
     * @throws io.parallelplan.core.validate.InvalidPlanException when the plan has errors
     * @throws ScaffoldException when the plan name cannot be part of file names
     */
    public static PlanSnapshot read(Path argument) {
        PlanFolder folder = PlanFolder.locate(argument);
        LoadedPlan loaded = new PlanLoader().load(folder.planFile()).requireValid();
        String problem = PlanFiles.planNameProblem(loaded.plan().name());
        if (problem != null) {
            throw new ScaffoldException(folder.planFile() + ": " + problem);
        }
        PlanStatus status = new StatusReader().read(folder, loaded);
        DiscoveredPlan markdown = folder.markdown().map(md -> new MarkdownDiscovery().discover(md)).orElse(null);
        return new PlanSnapshot(loaded, status, markdown);
    }

    /** The plan. */
    public Plan plan() {
        return loaded.plan();
    }
}
