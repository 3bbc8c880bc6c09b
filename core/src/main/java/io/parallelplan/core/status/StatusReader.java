package io.parallelplan.core.status;

import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.model.PlanFiles;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.parse.PlanReadException;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the status of a plan folder from its files, in one listing of {@code subplans/}, {@code execution/} and
 * {@code execution/feedbacks/}: O(files + achievements + edges).
 *
 * <p>Rules (first match wins): {@code execution/feedbacks/APPROVED_<nn>.md} complete; {@code FIX_<nn>.md} failed (a
 * {@code FIX_<nn>_RESOLUTION.md} is listed but is not a FIX file); {@code execution/EXECUTION_TASK_<PLAN>_<nn>_<kk>.md}
 * execution_created; {@code subplans/SUBPLAN_<PLAN>_<nn>.md} subplan_created; {@code execution/SKIPPED_<nn>.md}
 * skipped; else not_started. Ids whose numbers collide ("1.10" and "11.0" are both "110") get
 * {@link AchievementStatus#UNKNOWN} and a finding, never a guess.
 */
public final class StatusReader {
    private static final int APPROVED = 1;
    private static final int FIX = 2;
    private static final int EXECUTION = 4;
    private static final int SUBPLAN = 8;
    private static final int SKIPPED = 16;
    private static final int UNMATCHED_SHOWN = 5;

    private final PlanLoader loader;

    public StatusReader() {
        this(new PlanLoader());
    }

    public StatusReader(PlanLoader loader) {
        this.loader = java.util.Objects.requireNonNull(loader, "loader cannot be null");
    }

    /**
     * Reads the status of the plan found from {@code argument} (a plan folder, its {@code parallel.json} or a
     * folder inside it).
     *
     * @throws PlanReadException when there is no readable plan there
     * @throws io.parallelplan.core.validate.InvalidPlanException when the plan has errors (such as a cycle)
     */
    public PlanStatus read(Path argument) {
        PlanFolder folder = PlanFolder.locate(argument);
        return read(folder, loadValid(folder));
    }

    /**
     * The valid plan of a plan folder, with a name that can be part of file names.
     *
     * @throws PlanReadException when there is no readable plan there or its name cannot name files
     * @throws io.parallelplan.core.validate.InvalidPlanException when the plan has errors (such as a cycle)
     */
    public LoadedPlan loadValid(PlanFolder folder) {
        LoadedPlan loaded = loader.load(folder.planFile()).requireValid();
        String problem = PlanFiles.planNameProblem(loaded.plan().name());
        if (problem != null) {
            throw new PlanReadException(folder.planFile(), problem);
        }
        return loaded;
    }

    /**
     * Reads the status of an already loaded, valid plan whose files are in {@code folder}.
     *
     * @throws IllegalArgumentException when the plan has a cycle or a name that cannot be part of a file name
     */
    public PlanStatus read(PlanFolder folder, LoadedPlan loaded) {
        Plan plan = loaded.plan();
        PlanGraph graph = loaded.graph();
        PlanFiles names = new PlanFiles(plan.name());
        int n = graph.size();
        List<Finding> findings = new ArrayList<>();

        Map<String, Integer> byNumber = new HashMap<>(n * 2);
        Map<String, List<Integer>> collisions = new LinkedHashMap<>();
        for (int v = 0; v < n; v++) {
            String number = PlanFiles.number(graph.id(v));
            Integer previous = byNumber.putIfAbsent(number, v);
            if (previous != null) {
                collisions.computeIfAbsent(number, k -> new ArrayList<>(List.of(previous))).add(v);
            }
        }
        for (Map.Entry<String, List<Integer>> c : collisions.entrySet()) {
            List<String> ids = c.getValue().stream().map(graph::id).toList();
            Achievement first = graph.achievement(c.getValue().get(0));
            findings.add(Finding.warning("status-id-collision", "ids " + String.join(" and ", ids)
                    + " all become \"" + c.getKey() + "\" in file names, so their files cannot be told apart; "
                    + "their status is unknown until one id is renamed", first.id(), first.location()));
        }

        int[] flags = new int[n];
        List<List<String>> files = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            files.add(new ArrayList<>(2));
        }
        List<String> unmatched = new ArrayList<>();
        int unmatchedCount = scan(folder.folder(), names, byNumber, flags, files, unmatched);
        if (unmatchedCount > 0) {
            findings.add(Finding.info("status-unmatched-file", unmatchedCount + " file(s) look like plan files but "
                    + "name no achievement of " + plan.name() + ": " + String.join(", ", unmatched)
                    + (unmatchedCount > unmatched.size() ? ", ..." : "")
                    + "; check the plan name and the ids in their names", null, SourceLocation.UNKNOWN));
        }

        AchievementStatus[] status = new AchievementStatus[n];
        for (int v = 0; v < n; v++) {
            status[v] = collisions.containsKey(PlanFiles.number(graph.id(v)))
                    ? AchievementStatus.UNKNOWN
                    : statusOf(flags[v]);
            Achievement a = graph.achievement(v);
            if (a.status() != null && status[v] != AchievementStatus.UNKNOWN && !status[v].agreesWith(a.status())) {
                List<String> own = files.get(v);
                findings.add(Finding.warning("status-mismatch", "parallel.json says " + a.status()
                        + ", the files say " + status[v].label()
                        + (own.isEmpty() ? " (no files)" : " (" + String.join(", ", sorted(own)) + ")")
                        + "; the files win: update or remove the status field", a.id(), a.location()));
            }
        }
        return summarize(plan.name(), folder, graph, status, files, findings);
    }

    private static AchievementStatus statusOf(int f) {
        if ((f & APPROVED) != 0) {
            return AchievementStatus.COMPLETE;
        }
        if ((f & FIX) != 0) {
            return AchievementStatus.FAILED;
        }
        if ((f & EXECUTION) != 0) {
            return AchievementStatus.EXECUTION_CREATED;
        }
        if ((f & SUBPLAN) != 0) {
            return AchievementStatus.SUBPLAN_CREATED;
        }
        if ((f & SKIPPED) != 0) {
            return AchievementStatus.SKIPPED;
        }
        return AchievementStatus.NOT_STARTED;
    }

    private static int scan(Path folder, PlanFiles names, Map<String, Integer> byNumber, int[] flags,
            List<List<String>> files, List<String> unmatched) {
        int[] count = {0};
        FileSink sink = (relative, number, flag) -> {
            Integer v = byNumber.get(number);
            if (v == null) {
                if (unmatched.size() < UNMATCHED_SHOWN) {
                    unmatched.add(relative);
                }
                count[0]++;
                return;
            }
            flags[v] |= flag;
            files.get(v).add(relative);
        };
        String subplanPrefix = names.subplanPrefix();
        for (String name : list(folder.resolve(PlanFiles.SUBPLANS))) {
            if (name.startsWith(subplanPrefix) && name.endsWith(".md")) {
                sink.accept(PlanFiles.SUBPLANS + "/" + name, between(name, subplanPrefix.length()), SUBPLAN);
            }
        }
        String taskPrefix = names.executionTaskPrefix();
        for (String name : list(folder.resolve(PlanFiles.EXECUTION))) {
            String relative = PlanFiles.EXECUTION + "/" + name;
            if (name.startsWith(taskPrefix) && name.endsWith(".md")) {
                String rest = between(name, taskPrefix.length());
                int cut = rest.lastIndexOf('_');
                if (cut > 0 && isDigits(rest, cut + 1)) {
                    sink.accept(relative, rest.substring(0, cut), EXECUTION);
                }
            } else if (name.startsWith("SKIPPED_") && name.endsWith(".md")) {
                sink.accept(relative, between(name, "SKIPPED_".length()), SKIPPED);
            }
        }
        for (String name : list(folder.resolve(PlanFiles.FEEDBACKS))) {
            String relative = PlanFiles.FEEDBACKS + "/" + name;
            if (name.startsWith("APPROVED_") && name.endsWith(".md")) {
                sink.accept(relative, between(name, "APPROVED_".length()), APPROVED);
            } else if (name.startsWith("FIX_") && name.endsWith("_RESOLUTION.md")) {
                String number = name.substring("FIX_".length(), name.length() - "_RESOLUTION.md".length());
                sink.accept(relative, number, 0);
            } else if (name.startsWith("FIX_") && name.endsWith(".md")) {
                sink.accept(relative, between(name, "FIX_".length()), FIX);
            }
        }
        return count[0];
    }

    /** Where a matched file goes. */
    private interface FileSink {
        void accept(String relative, String number, int flag);
    }

    private static String between(String name, int from) {
        return name.substring(from, Math.max(from, name.length() - ".md".length()));
    }

    private static boolean isDigits(String s, int from) {
        if (from >= s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String[] list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new String[0];
        }
        String[] names = dir.toFile().list();
        if (names == null) {
            throw new PlanReadException(dir, "cannot list the folder; make it readable (chmod +rx)");
        }
        return names;
    }

    private static List<String> sorted(List<String> files) {
        List<String> copy = new ArrayList<>(files);
        Collections.sort(copy);
        return copy;
    }

    private static PlanStatus summarize(String planName, PlanFolder folder, PlanGraph graph,
            AchievementStatus[] status, List<List<String>> files, List<Finding> findings) {
        int n = graph.size();
        int[] order = graph.topologicalOrder();
        if (order == null) {
            throw new IllegalArgumentException("the plan has a dependency cycle; validate it first");
        }
        double[] hours = new PlanAnalyzer().hours(graph);
        int[] level = new int[n];
        int levelCount = n == 0 ? 0 : 1;
        for (int v : order) {
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                level[v] = Math.max(level[v], level[graph.dependency(v, k)] + 1);
            }
            levelCount = Math.max(levelCount, level[v] + 1);
        }

        double[] remaining = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            int v = order[i];
            double best = 0;
            for (int k = 0; k < graph.dependentCount(v); k++) {
                best = Math.max(best, remaining[graph.dependent(v, k)]);
            }
            remaining[v] = best + (status[v].isDone() ? 0 : hours[v]);
        }

        int[] heldBy = new int[n];
        Arrays.fill(heldBy, -1);
        List<Integer> ready = new ArrayList<>();
        for (int v : order) {
            boolean depsDone = true;
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                int d = graph.dependency(v, k);
                if (heldBy[v] < 0 && (status[d] == AchievementStatus.FAILED || heldBy[d] >= 0)) {
                    heldBy[v] = d;
                }
                depsDone &= status[d].isDone();
            }
            if (status[v].isDone()) {
                heldBy[v] = -1;
            } else if (depsDone && status[v] != AchievementStatus.UNKNOWN) {
                ready.add(v);
            }
        }
        ready.sort((a, b) -> {
            int c = Double.compare(remaining[b], remaining[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });

        Map<String, List<String>> blocked = new LinkedHashMap<>();
        for (int v = 0; v < n; v++) {
            if (heldBy[v] >= 0) {
                List<String> chain = new ArrayList<>();
                for (int d = heldBy[v]; d >= 0; d = heldBy[d]) {
                    chain.add(graph.id(d));
                }
                blocked.put(graph.id(v), chain);
            }
        }

        List<PlanStatus.Entry> entries = new ArrayList<>(n);
        int[] levelDone = new int[levelCount];
        int[] levelTotal = new int[levelCount];
        double[] levelHoursDone = new double[levelCount];
        double[] levelHours = new double[levelCount];
        int done = 0;
        double hoursDone = 0;
        double hoursTotal = 0;
        for (int v = 0; v < n; v++) {
            Achievement a = graph.achievement(v);
            entries.add(new PlanStatus.Entry(a.id(), a.title(), status[v], sorted(files.get(v)), a.status(), level[v],
                    hours[v], remaining[v]));
            hoursTotal += hours[v];
            levelTotal[level[v]]++;
            levelHours[level[v]] += hours[v];
            if (status[v].isDone()) {
                done++;
                hoursDone += hours[v];
                levelDone[level[v]]++;
                levelHoursDone[level[v]] += hours[v];
            }
        }
        List<PlanStatus.Count> byLevel = new ArrayList<>();
        for (int l = 0; l < levelCount; l++) {
            byLevel.add(new PlanStatus.Count(levelDone[l], levelTotal[l], levelHoursDone[l], levelHours[l]));
        }
        PlanStatus.Progress progress = new PlanStatus.Progress(
                new PlanStatus.Count(done, n, hoursDone, hoursTotal), byLevel);
        return new PlanStatus(planName, folder, entries, ready.stream().map(graph::id).toList(), blocked, progress,
                findings);
    }
}
