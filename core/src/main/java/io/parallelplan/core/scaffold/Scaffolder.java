package io.parallelplan.core.scaffold;

import io.parallelplan.core.discover.DiscoveredAchievement;
import io.parallelplan.core.discover.DiscoveredPlan;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.model.PlanFiles;
import io.parallelplan.core.parse.PlanReadException;
import io.parallelplan.core.status.AchievementStatus;
import io.parallelplan.core.status.PlanStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Prepares and applies scaffold batches. {@link #preview} decides, from the plan folder's status, which files to
 * create and which achievements to skip and why; {@link #apply} creates them, never overwriting a file, and by default
 * removes what the batch created if any file fails (all-or-nothing).
 *
 * <p>Rules: achievements already complete, skipped, or whose file number collides are skipped; a SUBPLAN is created
 * where none exists; an EXECUTION_TASK ({@code _01}) only where the SUBPLAN exists and no EXECUTION_TASK does. Ids and
 * plan names that would leave the plan folder are refused.
 */
public final class Scaffolder {
    private final FileCreator files;

    public Scaffolder() {
        this(FileCreator.SYSTEM);
    }

    public Scaffolder(FileCreator files) {
        this.files = java.util.Objects.requireNonNull(files, "files cannot be null");
    }

    /**
     * Reads the plan folder found from {@code argument} and prepares the batch.
     *
     * @throws PlanReadException when there is no readable plan there
     * @throws io.parallelplan.core.validate.InvalidPlanException when the plan has errors
     * @throws ScaffoldException when the request cannot be served
     */
    public ScaffoldPreview preview(Path argument, ScaffoldRequest request) {
        PlanSnapshot snapshot = PlanSnapshot.read(argument);
        return preview(snapshot.status(), snapshot.plan(), snapshot.markdown(), request);
    }

    /**
     * Prepares the batch from a status already read.
     *
     * @param markdown the PLAN markdown (for each achievement's section), or {@code null}
     * @throws ScaffoldException when the request cannot be served
     */
    public ScaffoldPreview preview(PlanStatus status, Plan plan, DiscoveredPlan markdown, ScaffoldRequest request) {
        Templates templates = Templates.load(request.templates());
        PlanFiles names = new PlanFiles(status.planName());
        Map<String, PlanStatus.Entry> entries = entries(status);
        Map<String, DiscoveredAchievement> sections = new HashMap<>();
        if (markdown != null) {
            markdown.achievements().forEach(a -> sections.put(a.id(), a));
        }

        List<ScaffoldPreview.Creation> creations = new ArrayList<>();
        List<ScaffoldPreview.Skip> skipped = new ArrayList<>();
        for (String id : select(status, request)) {
            String idProblem = PlanFiles.idProblem(id);
            if (idProblem != null) {
                throw new ScaffoldException(idProblem);
            }
            PlanStatus.Entry e = entries.get(id);
            String number = PlanFiles.number(id);
            String subplan = names.subplan(number);
            String skip = skipReason(request.kind(), e, subplan, names);
            if (skip != null) {
                skipped.add(new ScaffoldPreview.Skip(id, skip));
                continue;
            }
            String path = request.kind() == ScaffoldKind.SUBPLANS ? subplan : names.executionTask(number, 1);
            Achievement a = plan.achievement(id).orElseThrow();
            Map<String, String> values = new HashMap<>();
            values.put("plan", status.planName());
            values.put("id", id);
            values.put("number", number);
            values.put("title", a.title().isEmpty() ? "(untitled)" : a.title());
            values.put("dependencies", a.dependencies().isEmpty() ? "none" : String.join(", ", a.dependencies()));
            values.put("estimate", a.estimate().describe());
            values.put("subplan", subplan);
            DiscoveredAchievement d = sections.get(id);
            values.put("section", d == null || d.section().isEmpty()
                    ? "(the PLAN markdown has no section for " + id + ")"
                    : d.section());
            creations.add(new ScaffoldPreview.Creation(id, path, Templates.fill(templates.template(request.kind()),
                    values)));
        }
        return new ScaffoldPreview(request.kind(), status.folder().folder(), creations, skipped);
    }

    /**
     * The achievements a request chooses, in batch order: the listed ids as given (each once), a level's in plan
     * order, or by default what can be done now (the status's "ready" list, longest remaining path first). Nothing is
     * left out here; {@link #preview} then skips what cannot be created.
     *
     * @throws ScaffoldException for a hostile or unknown id, or a level the plan does not have
     */
    public static List<String> select(PlanStatus status, ScaffoldRequest request) {
        if (!request.ids().isEmpty()) {
            Map<String, PlanStatus.Entry> entries = entries(status);
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            for (String id : request.ids()) {
                String problem = PlanFiles.idProblem(id);
                if (problem != null) {
                    throw new ScaffoldException(problem);
                }
                if (!entries.containsKey(id)) {
                    throw new ScaffoldException("\"" + id + "\" is not an achievement of " + status.planName()
                            + "; run 'parallel-plan status' to see the ids");
                }
                ids.add(id);
            }
            return List.copyOf(ids);
        }
        if (request.level() != null) {
            int levels = status.progress().levels().size();
            if (request.level() < 0 || request.level() >= levels) {
                throw new ScaffoldException("level " + request.level() + " does not exist; " + status.planName()
                        + " has levels 0 to " + (levels - 1));
            }
            return status.achievements().stream()
                    .filter(e -> e.level() == request.level())
                    .map(PlanStatus.Entry::id)
                    .toList();
        }
        return status.ready();
    }

    private static Map<String, PlanStatus.Entry> entries(PlanStatus status) {
        Map<String, PlanStatus.Entry> entries = new HashMap<>(status.achievements().size() * 2);
        status.achievements().forEach(e -> entries.putIfAbsent(e.id(), e));
        return entries;
    }

    private static String skipReason(ScaffoldKind kind, PlanStatus.Entry e, String subplan, PlanFiles names) {
        if (e.status() == AchievementStatus.COMPLETE || e.status() == AchievementStatus.SKIPPED) {
            return "already " + e.status().label() + e.decidingFile().map(f -> " (" + f + ")").orElse("");
        }
        if (e.status() == AchievementStatus.UNKNOWN) {
            return "its file number collides with another id's; rename one of them first";
        }
        if (kind == ScaffoldKind.SUBPLANS) {
            return e.files().contains(subplan) ? "exists: " + subplan : null;
        }
        String prefix = names.executionTask(PlanFiles.number(e.id()), 1);
        prefix = prefix.substring(0, prefix.length() - "01.md".length());
        for (String f : e.files()) {
            if (f.startsWith(prefix)) {
                return "exists: " + f;
            }
        }
        if (!e.files().contains(subplan)) {
            return "prerequisite missing: " + subplan + " (create it first: 'parallel-plan scaffold subplans <plan> --ids "
                    + e.id() + "')";
        }
        return null;
    }

    /**
     * Creates the files of a batch.
     *
     * @param keepPartial when a file fails, keep the others and go on (otherwise stop and remove what this batch
     *     created, folders included)
     */
    public ScaffoldResult apply(ScaffoldPreview preview, boolean keepPartial) {
        Path folder = preview.folder().normalize();
        List<Path> createdPaths = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<ScaffoldResult.Failure> failures = new ArrayList<>();
        List<ScaffoldPreview.Creation> notAttempted = new ArrayList<>();
        List<ScaffoldPreview.Creation> creations = preview.creations();
        for (int i = 0; i < creations.size(); i++) {
            ScaffoldPreview.Creation c = creations.get(i);
            if (!failures.isEmpty() && !keepPartial) {
                notAttempted.addAll(creations.subList(i, creations.size()));
                break;
            }
            Path file = folder.resolve(c.path()).normalize();
            if (!file.startsWith(folder)) {
                failures.add(new ScaffoldResult.Failure(c.id(), c.path(), "it would be outside the plan folder"));
                continue;
            }
            try {
                ensureParents(folder, file, createdPaths);
                files.createFile(file, c.content());
                createdPaths.add(file);
                created.add(c.path());
            } catch (IOException e) {
                failures.add(new ScaffoldResult.Failure(c.id(), c.path(), FileCreator.reason(e)));
            }
        }
        if (failures.isEmpty() || keepPartial) {
            return new ScaffoldResult(created, failures, notAttempted, false, List.of());
        }
        List<String> problems = new ArrayList<>();
        for (int i = createdPaths.size() - 1; i >= 0; i--) {
            Path p = createdPaths.get(i);
            try {
                files.delete(p);
            } catch (IOException e) {
                problems.add(folder.relativize(p) + ": " + FileCreator.reason(e));
            }
        }
        return new ScaffoldResult(List.of(), failures, notAttempted, true, problems);
    }

    private void ensureParents(Path folder, Path file, List<Path> createdPaths) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path dir = file.getParent(); dir != null && !dir.equals(folder) && !Files.isDirectory(dir);
                dir = dir.getParent()) {
            missing.add(0, dir);
        }
        for (Path dir : missing) {
            files.createDirectory(dir);
            createdPaths.add(dir);
        }
    }
}
