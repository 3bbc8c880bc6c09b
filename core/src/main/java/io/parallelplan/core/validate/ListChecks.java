package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.validate.DependencyCycle.Link;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks that apply to one list of achievements and its graph: the plan's {@code achievements}, or one
 * achievement's {@code sub_executions}. Ids, duplicates, dependencies, cycles, status and estimates (errors and
 * warnings), then the {@code blocks} and {@code parallelizable_with} claims (warnings).
 *
 * <p>The happy path does no string work: an achievement whose dependencies all resolved (the graph kept as many
 * edges as it lists) is not looked at again.
 */
final class ListChecks {
    static final List<String> KNOWN_STATUSES = List.of(
            "not_started", "subplan_created", "execution_created", "in_progress", "complete", "failed", "skipped");
    private static final Set<String> STATUS_SET = Set.copyOf(KNOWN_STATUSES);
    /** Words plans use for a known status that edit distance would not find. */
    private static final Map<String, String> STATUS_SYNONYMS = Map.of(
            "done", "complete", "finished", "complete", "todo", "not_started", "pending", "not_started",
            "started", "in_progress", "running", "in_progress", "error", "failed");
    private static final int LISTED = 8;

    private final PlanGraph graph;
    private final String scope;
    private final List<Finding> findings;
    private final List<DependencyCycle> cycles;
    private final String what;
    private final String idField;
    private IdSuggester suggester;
    private int[] order;

    /**
     * @param scope {@code null} for the plan's achievements, else the label of the achievement owning these
     *     sub-executions
     */
    ListChecks(PlanGraph graph, String scope, List<Finding> findings, List<DependencyCycle> cycles) {
        this.graph = graph;
        this.scope = scope;
        this.findings = findings;
        this.cycles = cycles;
        this.what = scope == null ? "achievement" : "sub-execution";
        this.idField = scope == null ? "achievement_id" : "execution_id";
    }

    /** Runs every check; returns a topological order, or {@code null} when the list has a cycle. */
    int[] run() {
        Map<Integer, List<Integer>> duplicates = null;
        for (int i = 0; i < graph.size(); i++) {
            Achievement a = graph.achievement(i);
            String id = a.id();
            if (id.isEmpty()) {
                error("missing-id", i, a.location(), what + " #" + Ids.ordinal(a, i) + " has no " + idField + "; add \""
                        + idField + "\": \"<id>\" made of letters, digits, '.', '_' and '-'");
            } else if (!Ids.isValid(id)) {
                error("invalid-id", i, a.location(), what + " #" + Ids.ordinal(a, i) + " has the id " + Ids.quote(id) + ", which "
                        + Ids.problem(id) + "; ids become file and stage names, so rename it using letters, digits, "
                        + "'.', '_' and '-' (at most " + Ids.MAX_LENGTH + " characters)");
            } else if (graph.hasRepeatedIds()) {
                int first = graph.indexOf(id);
                if (first != i) {
                    if (duplicates == null) {
                        duplicates = new LinkedHashMap<>();
                    }
                    duplicates.computeIfAbsent(first, f -> new ArrayList<>(List.of(f))).add(i);
                }
            }
            if (a.dependencies().size() != graph.dependencyCount(i)) {
                dependencies(i, a);
            }
            String status = a.status();
            if (status != null && !STATUS_SET.contains(status)) {
                status(i, a, status);
            }
            Estimate e = a.estimate();
            if (e.isPresent() && !e.valid()) {
                estimate(i, a, e);
            }
        }
        if (duplicates != null) {
            duplicates.values().forEach(this::duplicates);
        }
        order = graph.topologicalOrder();
        if (order == null) {
            // Only a graph with a cycle pays for the strongly connected components.
            CycleFinder finder = new CycleFinder(graph);
            for (int[] component : graph.cyclicComponents()) {
                cycle(finder.describe(component, scope), component[0]);
            }
            return null;
        }
        claims();
        return order;
    }

    private String label(int node) {
        return Ids.label(scope, graph.achievement(node), node);
    }

    /** An id as messages show it, with its parent inside {@code sub_executions}. */
    private String name(String id) {
        return scope == null ? Ids.show(id) : scope + "/" + Ids.show(id);
    }

    private void error(String code, int node, SourceLocation where, String message) {
        findings.add(Finding.error(code, message, label(node), where));
    }

    private void warning(String code, int node, SourceLocation where, String message) {
        findings.add(Finding.warning(code, message, label(node), where));
    }

    /** The slow path: at least one dependency of {@code a} did not become an edge. */
    private void dependencies(int i, Achievement a) {
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < a.dependencies().size(); k++) {
            String d = a.dependencies().get(k);
            SourceLocation where = a.dependencyLocations().get(k);
            int target = graph.indexOf(d);
            if (target < 0) {
                error("unknown-dependency", i, where, "depends on " + Ids.quote(d) + ", which is not "
                        + (scope == null ? "an achievement of this plan" : "a sub-execution of " + scope)
                        + suggestion(d, "dependencies"));
            } else if (d.equals(a.id())) {
                error("self-dependency", i, where, "depends on itself; remove " + Ids.quote(d) + " from its "
                        + "dependencies");
            } else if (!seen.add(d)) {
                warning("duplicate-dependency", i, where, "lists the dependency " + Ids.quote(d) + " more than "
                        + "once; remove the repeat");
            }
        }
    }

    private String suggestion(String unknown, String field) {
        if (suggester == null) {
            suggester = new IdSuggester(graph);
        }
        List<String> close = suggester.suggest(unknown);
        if (close.isEmpty()) {
            return "; add it or remove it from " + field;
        }
        List<String> quoted = close.stream().map(Ids::quote).toList();
        return "; did you mean " + String.join(" or ", quoted) + "?";
    }

    private void status(int i, Achievement a, String status) {
        String lower = status.trim().toLowerCase(Locale.ROOT);
        String closest = STATUS_SYNONYMS.get(lower);
        if (closest == null) {
            int best = 3;
            for (String known : KNOWN_STATUSES) {
                int d = IdSuggester.distance(lower, known, 2);
                if (d < best) {
                    best = d;
                    closest = known;
                }
            }
        }
        warning("unknown-status", i, a.location(), "status " + Ids.quote(status) + " is not one of "
                + String.join(", ", KNOWN_STATUSES)
                + (closest == null ? "; use one of them" : "; did you mean \"" + closest + "\"?"));
    }

    private void estimate(int i, Achievement a, Estimate e) {
        String raw = e.raw().trim();
        String problem = raw.startsWith("-") ? "is negative" : "is not a number of hours or a range such as \"4-6\"";
        warning("invalid-estimate", i, a.location(), "estimated_hours " + Ids.quote(e.raw()) + " " + problem
                + "; it counts as " + Estimate.formatHours(Estimate.DEFAULT_HOURS) + " h until fixed");
    }

    private void duplicates(List<Integer> nodes) {
        for (int node : nodes) {
            List<String> others = new ArrayList<>();
            for (int other : nodes) {
                if (other != node) {
                    SourceLocation at = graph.achievement(other).location();
                    others.add(at.isKnown() ? "line " + at.line()
                            : what + " #" + Ids.ordinal(graph.achievement(other), other));
                }
            }
            Achievement a = graph.achievement(node);
            findings.add(Finding.error("duplicate-id", "the " + idField + " " + Ids.quote(a.id())
                    + " is also used by " + Ids.list(others, LISTED) + "; give each " + what + " its own id",
                    name(a.id()), a.location()));
        }
    }

    private void cycle(DependencyCycle cycle, int firstNode) {
        cycles.add(cycle);
        List<String> path = cycle.path().stream().map(this::name).toList();
        List<String> cuts = cycle.breakingEdges().stream()
                .map(l -> name(l.dependent()) + " on " + name(l.dependency()))
                .toList();
        String shown = path.size() <= 2 * LISTED + 1
                ? String.join(" → ", path)
                : String.join(" → ", path.subList(0, LISTED)) + " → … (" + (path.size() - 2 * LISTED)
                        + " more) → " + String.join(" → ", path.subList(path.size() - LISTED, path.size()));
        String fix = cycle.simple()
                ? "remove any one of these dependencies: " + Ids.list(cuts, 3 * LISTED)
                : "removing these " + cuts.size() + " dependencies breaks every cycle in it: "
                        + Ids.list(cuts, 3 * LISTED);
        Achievement first = graph.achievement(firstNode);
        findings.add(Finding.error("cycle", "dependency cycle among " + cycle.members().size() + " " + what + "s: "
                + shown + " (each needs the one before it); " + fix, label(firstNode),
                entryLocation(first, cycle.path().get(cycle.path().size() - 2))));
    }

    /** Where {@code a} lists {@code dependency}, else where {@code a} starts. */
    private static SourceLocation entryLocation(Achievement a, String dependency) {
        int k = a.dependencies().indexOf(dependency);
        return k >= 0 && a.dependencyLocations().get(k).isKnown() ? a.dependencyLocations().get(k) : a.location();
    }

    /** {@code blocks} and {@code parallelizable_with} against the acyclic graph. */
    private void claims() {
        boolean usesBlocks = false;
        for (int i = 0; i < graph.size() && !usesBlocks; i++) {
            usesBlocks = !graph.achievement(i).blocks().isEmpty();
        }
        boolean usesParallel = false;
        for (int i = 0; i < graph.size() && !usesParallel; i++) {
            usesParallel = !graph.achievement(i).parallelizableWith().isEmpty();
        }
        if (!usesBlocks && !usesParallel) {
            return;
        }
        Reachability reach = new Reachability(graph, order);
        for (int i = 0; i < graph.size(); i++) {
            Achievement a = graph.achievement(i);
            if (usesBlocks) {
                blocks(reach, i, a);
            }
            for (String other : a.parallelizableWith()) {
                parallel(reach, i, a, other);
            }
        }
    }

    private void blocks(Reachability reach, int i, Achievement a) {
        List<String> blocks = a.blocks();
        for (String b : blocks) {
            int target = graph.indexOf(b);
            if (target < 0) {
                unknownClaim(i, a, "blocks", b);
            } else if (reach.dependsOn(target, i) == Reachability.Answer.NO) {
                warning("blocks-not-dependent", i, a.location(), "blocks claims " + name(b) + ", but " + name(b)
                        + " does not depend on it, directly or through others; remove " + Ids.quote(b)
                        + " from blocks, or add the dependency to " + name(b));
            }
        }
        if (graph.dependentCount(i) == 0) {
            return;
        }
        Set<String> claimed = blocks.size() > LISTED ? new HashSet<>(blocks) : null;
        List<String> missing = null;
        for (int k = 0; k < graph.dependentCount(i); k++) {
            String dependent = graph.id(graph.dependent(i, k));
            if (claimed != null ? !claimed.contains(dependent) : !blocks.contains(dependent)) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(dependent);
            }
        }
        if (missing != null) {
            warning("blocks-missing-dependent", i, a.location(), "blocks does not list " + Ids.list(missing, LISTED)
                    + ", which depend" + (missing.size() == 1 ? "s" : "") + " on it directly; add "
                    + (missing.size() == 1 ? "it" : "them") + " to blocks (or drop blocks: dependencies already say it)");
        }
    }

    private void parallel(Reachability reach, int i, Achievement a, String other) {
        int j = graph.indexOf(other);
        if (j < 0) {
            unknownClaim(i, a, "parallelizable_with", other);
            return;
        }
        List<String> chain = null;
        if (reach.dependsOn(j, i) == Reachability.Answer.YES) {
            chain = reach.chain(j, i);
        } else if (reach.dependsOn(i, j) == Reachability.Answer.YES) {
            chain = reach.chain(i, j);
        }
        if (j == i || chain != null) {
            String why = j == i ? "it is the same " + what
                    : "the dependency chain " + String.join(" → ", chain.stream().map(this::name).toList())
                            + " makes one wait for the other";
            warning("parallel-claim-contradicted", i, a.location(), "parallelizable_with claims " + name(other)
                    + ", but " + why + "; remove " + Ids.quote(other) + " from parallelizable_with");
        }
    }

    private void unknownClaim(int i, Achievement a, String field, String id) {
        warning("unknown-claim-id", i, a.location(), field + " names " + Ids.quote(id) + ", which is not "
                + (scope == null ? "an achievement of this plan" : "a sub-execution of " + scope)
                + suggestion(id, field));
    }
}
