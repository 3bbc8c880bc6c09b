package io.parallelplan.core.ledger;

import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.SchedulePlan;
import io.parallelplan.core.schedule.TaskRecord;
import io.parallelplan.core.schedule.TaskState;
import io.parallelplan.core.validate.LoadedPlan;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a new run that resumes an earlier one does (see {@code docs/semantics.md}, "Resume"): it keeps the
 * SUCCEEDED, FLAKY and SKIPPED tasks whose definition is unchanged — they end SKIPPED, "done in run X" — and runs
 * again everything else: FAILED, BLOCKED, CANCELLED and unfinished tasks, new ones, changed ones, and every task that
 * depends, directly or not, on one that runs again.
 *
 * @param previousRunId the run resumed
 * @param skip the ids to skip with their reason, plan order (an achievement whose sub-executions are all kept is
 *     listed alone)
 * @param rerun every achievement and sub-execution that runs again, with why, plan order
 */
public record ResumePlan(String previousRunId, Map<String, String> skip, Map<String, String> rerun) {
    public ResumePlan {
        Objects.requireNonNull(previousRunId, "previous run id cannot be null");
        skip = Collections.unmodifiableMap(new LinkedHashMap<>(skip));
        rerun = Collections.unmodifiableMap(new LinkedHashMap<>(rerun));
    }

    /** Plans a run of {@code plan} (valid; possibly edited since) that resumes {@code previous}. O(n + edges). */
    public static ResumePlan of(LedgerState previous, LoadedPlan plan) {
        Objects.requireNonNull(previous, "previous run cannot be null");
        String run = previous.runId();
        SchedulePlan probe = SchedulePlan.of(plan);
        Definitions definitions = Definitions.of(plan.plan());
        Map<String, TaskRecord> old = new HashMap<>();
        for (TaskRecord r : previous.records()) {
            old.put(r.id(), r);
        }
        Map<String, String> oldHash = new HashMap<>();
        for (RunHeader.Node n : previous.header().nodes()) {
            oldHash.put(n.id(), n.definition());
        }

        Map<String, String> why = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String id : probe.tasks()) {
            String reason = ownReason(id, old.get(id), oldHash.get(id), definitions.hash(id), run);
            if (reason != null) {
                why.put(id, reason);
                queue.add(id);
            }
        }
        for (String id : probe.ids()) {
            if (probe.isGroup(id) && !why.containsKey(id)
                    && !definitions.hash(id).equals(oldHash.get(id))
                    && probe.children(id).stream().noneMatch(why::containsKey)) {
                why.put(id, oldHash.containsKey(id) ? "definition changed since run " + run : "new since run " + run);
                queue.add(id);
            }
        }
        while (!queue.isEmpty()) {
            String x = queue.poll();
            String owner = probe.parentOf(x).orElse(null);
            if (owner != null && !why.containsKey(owner)) {
                why.put(owner, "sub-execution " + x + " runs again");
                queue.add(owner);
            }
            String because = "depends on " + x + ", which runs again";
            for (String y : probe.dependents(x)) {
                if (probe.isGroup(y)) {
                    for (String c : probe.children(y)) {
                        if (!why.containsKey(c)) {
                            why.put(c, because);
                            queue.add(c);
                        }
                    }
                }
                if (!why.containsKey(y)) {
                    why.put(y, because);
                    queue.add(y);
                }
            }
        }

        Map<String, String> skip = new LinkedHashMap<>();
        Map<String, String> rerun = new LinkedHashMap<>();
        for (String id : probe.ids()) {
            if (why.containsKey(id)) {
                rerun.put(id, why.get(id));
                continue;
            }
            String owner = probe.parentOf(id).orElse(null);
            if (owner != null && !why.containsKey(owner)) {
                continue; // its achievement is skipped as a whole
            }
            skip.put(id, keptReason(id, old, probe, run));
        }
        return new ResumePlan(run, skip, rerun);
    }

    /** Adds the skips to a run's options. */
    public RunOptions.Builder applyTo(RunOptions.Builder options) {
        skip.forEach(options::skip);
        return options;
    }

    /** Whether nothing runs again. */
    public boolean isComplete() {
        return rerun.isEmpty();
    }

    private static String ownReason(String id, TaskRecord old, String oldHash, String hash, String run) {
        if (old == null || oldHash == null) {
            return "new since run " + run;
        }
        if (!hash.equals(oldHash)) {
            return "definition changed since run " + run;
        }
        TaskState s = old.state();
        if (s.satisfiesDependents()) {
            return null;
        }
        return s.isFinal() ? s + " in run " + run : "not finished in run " + run;
    }

    private static String keptReason(String id, Map<String, TaskRecord> old, SchedulePlan probe, String run) {
        TaskRecord r = old.get(id);
        List<String> children = probe.children(id);
        boolean allSkipped = r != null && r.state() == TaskState.SKIPPED;
        if (!children.isEmpty()) {
            allSkipped = children.stream().allMatch(c -> old.get(c) != null && old.get(c).state() == TaskState.SKIPPED);
        }
        if (allSkipped && r != null && r.message() != null) {
            return r.message();
        }
        return allSkipped ? "skipped in run " + run : "done in run " + run;
    }
}
