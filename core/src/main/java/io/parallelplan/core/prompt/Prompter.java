package io.parallelplan.core.prompt;

import io.parallelplan.core.discover.DiscoveredAchievement;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.PlanFiles;
import io.parallelplan.core.scaffold.PlanSnapshot;
import io.parallelplan.core.scaffold.ScaffoldKind;
import io.parallelplan.core.scaffold.ScaffoldPreview;
import io.parallelplan.core.scaffold.Scaffolder;
import io.parallelplan.core.status.AchievementStatus;
import io.parallelplan.core.status.PlanStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares a batch of prompts from a plan folder. The achievements are chosen as {@code scaffold} chooses them, and
 * each prompt asks for the very file {@code scaffold} would create. Refused, with every reason: what {@code scaffold}
 * would skip (already done, the file exists, for an EXECUTION_TASK a missing SUBPLAN, a colliding file number),
 * dependencies that are not done (complete or skipped) unless {@link PromptRequest#ignoreDeps()}, a prompt file that
 * exists in {@link PromptRequest#promptFolder()}, and an unreadable SUBPLAN. Nothing is written here, and the same
 * folder and request always give the same bytes.
 */
public final class Prompter {
    /** What every prompt file name starts with; the rest is the file name of the file the prompt asks for. */
    public static final String FILE_PREFIX = "PROMPT_";

    /**
     * Reads the plan folder found from {@code argument} and prepares the batch.
     *
     * @throws io.parallelplan.core.parse.PlanReadException when there is no readable plan there
     * @throws io.parallelplan.core.validate.InvalidPlanException when the plan has errors
     * @throws io.parallelplan.core.scaffold.ScaffoldException for a hostile or unknown id, or a level out of range
     */
    public PromptBatch prepare(Path argument, PromptRequest request) {
        return prepare(PlanSnapshot.read(argument), request);
    }

    /**
     * Prepares the batch from a plan folder already read.
     *
     * @throws io.parallelplan.core.scaffold.ScaffoldException for a hostile or unknown id, or a level out of range
     */
    public PromptBatch prepare(PlanSnapshot snapshot, PromptRequest request) {
        PlanStatus status = snapshot.status();
        PlanGraph graph = snapshot.loaded().graph();
        List<String> chosen = Scaffolder.select(status, request.selection());
        ScaffoldPreview preview =
                new Scaffolder().preview(status, snapshot.plan(), snapshot.markdown(), request.selection());
        Map<String, String> targets = new HashMap<>();
        preview.creations().forEach(c -> targets.put(c.id(), c.path()));
        Map<String, String> skips = new HashMap<>();
        preview.skipped().forEach(s -> skips.put(s.id(), s.reason()));
        Map<String, PlanStatus.Entry> entries = new HashMap<>(status.achievements().size() * 2);
        status.achievements().forEach(e -> entries.putIfAbsent(e.id(), e));
        Map<String, String> sections = new HashMap<>();
        if (snapshot.markdown() != null) {
            for (DiscoveredAchievement d : snapshot.markdown().achievements()) {
                sections.put(d.id(), d.section());
            }
        }
        PlanFiles names = new PlanFiles(status.planName());
        PromptText text = new PromptText(status, snapshot.markdown() == null ? null
                : status.folder().markdown().map(p -> p.getFileName().toString()).orElse(null), entries);

        List<PromptBatch.Prompt> prompts = new ArrayList<>();
        List<PromptBatch.Refusal> refusals = new ArrayList<>();
        for (String id : chosen) {
            PlanStatus.Entry entry = entries.get(id);
            int node = graph.indexOf(id);
            List<String> reasons = new ArrayList<>();
            String skip = skips.get(id);
            if (skip != null) {
                reasons.add(skip + failedHint(entry));
            }
            List<PlanStatus.Entry> dependencies = new ArrayList<>();
            List<String> notDone = new ArrayList<>();
            for (int k = 0; k < graph.dependencyCount(node); k++) {
                PlanStatus.Entry d = entries.get(graph.id(graph.dependency(node, k)));
                dependencies.add(d);
                if (!d.status().isDone()) {
                    notDone.add(d.id() + " (" + d.status().label() + d.decidingFile().map(f -> ": " + f).orElse("")
                            + ")");
                }
            }
            if (!notDone.isEmpty() && !request.ignoreDeps()) {
                reasons.add("not all dependencies are done (APPROVED or SKIPPED): " + String.join(", ", notDone)
                        + "; finish them first, or pass --ignore-deps");
            }
            String target = targets.get(id);
            String fileName = target == null ? null : FILE_PREFIX + Path.of(target).getFileName();
            if (fileName != null && request.promptFolder() != null
                    && Files.exists(request.promptFolder().resolve(fileName))) {
                reasons.add("the prompt file " + request.promptFolder().resolve(fileName)
                        + " exists and is not overwritten; remove it or choose another -o folder");
            }
            String subplan = names.subplan(PlanFiles.number(id));
            String design = null;
            if (target != null && request.kind() == ScaffoldKind.EXECUTIONS) {
                try {
                    design = new String(Files.readAllBytes(status.folder().folder().resolve(subplan)),
                            StandardCharsets.UTF_8);
                } catch (IOException e) {
                    reasons.add("cannot read " + subplan + " (" + e.getMessage() + "); make it readable");
                }
            }
            if (!reasons.isEmpty()) {
                refusals.add(new PromptBatch.Refusal(id, String.join("; ", reasons)));
                continue;
            }
            int[] after = graph.dependents(node);
            Arrays.sort(after);
            List<String> dependents = Arrays.stream(after).mapToObj(graph::id).toList();
            String body = request.kind() == ScaffoldKind.SUBPLANS
                    ? text.subplan(graph.achievement(node), entry, dependencies, dependents, sections.get(id), target)
                    : text.execution(graph.achievement(node), entry, dependencies, dependents, sections.get(id),
                            target, subplan, design);
            prompts.add(new PromptBatch.Prompt(id, entry.title(), target, fileName, body));
        }
        return new PromptBatch(request.kind(), status.planName(), status.folder().folder(), prompts, refusals);
    }

    private static String failedHint(PlanStatus.Entry e) {
        if (e.status() != AchievementStatus.FAILED) {
            return "";
        }
        String number = PlanFiles.number(e.id());
        return " (it failed review: answer " + PlanFiles.fix(number) + " in its EXECUTION_TASK, write "
                + PromptText.resolution(number) + " and ask for a review again)";
    }
}
