package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.model.PlanClaims;
import io.parallelplan.core.model.PlanClaims.CriticalPathClaim;
import io.parallelplan.core.model.PlanClaims.CrossDependency;
import io.parallelplan.core.model.PlanClaims.PriorityGroup;
import io.parallelplan.core.model.PlanClaims.Wave;
import io.parallelplan.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the plan-wide hand-written claims against the graph and reports drift as warnings: {@code priority_groups},
 * {@code cross_priority_dependencies}, {@code parallel_execution_waves}, {@code critical_path_analysis} and
 * {@code total_achievements}. Each check costs one pass over the claim plus, where needed, one over the graph.
 */
final class PlanClaimChecks {
    private static final int LISTED = 8;
    /** Claimed hours are written with one decimal; smaller differences are rounding. */
    private static final double HOURS_TOLERANCE = 0.05;

    private final Plan plan;
    private final PlanGraph graph;
    private final int[] order;
    private final List<Finding> findings;

    /** @param order a topological order of {@code graph}, or {@code null} when it has a cycle */
    PlanClaimChecks(Plan plan, PlanGraph graph, int[] order, List<Finding> findings) {
        this.plan = plan;
        this.graph = graph;
        this.order = order;
        this.findings = findings;
    }

    void run() {
        PlanClaims claims = plan.claims();
        int[] group = priorityGroups(claims.priorityGroups());
        crossDependencies(claims.crossPriorityDependencies(), group);
        waves(claims.waves());
        criticalPath(claims.criticalPath());
        Integer total = claims.totalAchievements();
        if (total != null && total != graph.size()) {
            findings.add(Finding.warning("total-achievements-drift", "total_achievements claims " + total
                    + ", but the plan has " + graph.size() + " achievements; update it to " + graph.size(), null,
                    SourceLocation.UNKNOWN));
        }
    }

    private void warn(String code, String achievement, SourceLocation where, String message) {
        findings.add(Finding.warning(code, message, achievement, where));
    }

    /** Each node's group index, or null when the plan has no groups. */
    private int[] priorityGroups(List<PriorityGroup> groups) {
        if (groups.isEmpty()) {
            return null;
        }
        int[] group = new int[graph.size()];
        Arrays.fill(group, -1);
        for (int g = 0; g < groups.size(); g++) {
            PriorityGroup pg = groups.get(g);
            for (String id : pg.achievements()) {
                int v = graph.indexOf(id);
                if (v < 0) {
                    unknown("priority_groups (priority " + pg.priority() + ")", id, pg.location());
                } else if (group[v] >= 0) {
                    warn("priority-group-conflict", Ids.show(id), pg.location(), Ids.show(id) + " is listed in priority group "
                            + groups.get(group[v]).priority() + " and again in " + pg.priority()
                            + "; keep it in one group");
                } else {
                    group[v] = g;
                    Integer own = graph.achievement(v).priority();
                    if (own != null && !String.valueOf(own).equals(pg.priority().trim())) {
                        warn("priority-group-conflict", Ids.show(id), pg.location(), Ids.show(id) + " has priority " + own
                                + " but is listed in priority group " + pg.priority()
                                + "; move it to group " + own + " or change its priority");
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int v = 0; v < group.length; v++) {
            if (group[v] < 0 && Ids.isValid(graph.id(v))) {
                missing.add(graph.id(v));
            }
        }
        if (!missing.isEmpty()) {
            warn("priority-group-missing", null, groups.get(0).location(), "priority_groups does not list "
                    + Ids.list(missing, LISTED) + "; add " + (missing.size() == 1 ? "it" : "them")
                    + " to the group of " + (missing.size() == 1 ? "its" : "their") + " priority");
        }
        return group;
    }

    private void crossDependencies(List<CrossDependency> cross, int[] group) {
        if (cross.isEmpty()) {
            return;
        }
        for (CrossDependency c : cross) {
            int from = graph.indexOf(c.from());
            int to = graph.indexOf(c.to());
            if (from < 0) {
                unknown("cross_priority_dependencies (from_achievement)", c.from(), c.location());
            }
            if (to < 0) {
                unknown("cross_priority_dependencies (to_achievement)", c.to(), c.location());
            }
            if (from >= 0 && to >= 0 && !directlyDependsOn(from, to)) {
                String dependent = Ids.show(c.from());
                String dependency = Ids.show(c.to());
                warn("cross-dependency-drift", dependent, c.location(), "cross_priority_dependencies says "
                        + dependent + " depends on " + dependency + ", but " + dependent + " does not list "
                        + dependency + " in its dependencies; add it there or remove this entry");
            }
        }
        if (group == null) {
            return;
        }
        // Edges between two priority groups that the list leaves out.
        Set<Long> listed = new HashSet<>();
        for (CrossDependency c : cross) {
            int from = graph.indexOf(c.from());
            int to = graph.indexOf(c.to());
            if (from >= 0 && to >= 0) {
                listed.add(((long) from << 32) | to);
            }
        }
        List<String> unlisted = new ArrayList<>();
        for (int v = 0; v < graph.size(); v++) {
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                int d = graph.dependency(v, k);
                if (group[v] >= 0 && group[d] >= 0 && group[v] != group[d] && !listed.contains(((long) v << 32) | d)) {
                    unlisted.add(Ids.show(graph.id(v)) + " on " + Ids.show(graph.id(d)));
                }
            }
        }
        if (!unlisted.isEmpty()) {
            warn("cross-dependency-unlisted", null, cross.get(0).location(), "cross_priority_dependencies leaves out "
                    + Ids.list(unlisted, LISTED) + ", which cross priority groups; add "
                    + (unlisted.size() == 1 ? "it" : "them"));
        }
    }

    private boolean directlyDependsOn(int from, int to) {
        for (int k = 0; k < graph.dependencyCount(from); k++) {
            if (graph.dependency(from, k) == to) {
                return true;
            }
        }
        return false;
    }

    private void waves(List<Wave> waves) {
        if (waves.isEmpty()) {
            return;
        }
        int[] waveOf = new int[graph.size()];
        Arrays.fill(waveOf, -1);
        for (int w = 0; w < waves.size(); w++) {
            Wave wave = waves.get(w);
            for (String id : wave.achievements()) {
                int v = graph.indexOf(id);
                if (v < 0) {
                    unknown("wave " + wave.name(), id, wave.location());
                } else if (waveOf[v] >= 0) {
                    warn("wave-membership", Ids.show(id), wave.location(), Ids.show(id) + " is in wave " + waves.get(waveOf[v]).name()
                            + " and again in " + wave.name() + "; keep it in one wave");
                } else {
                    waveOf[v] = w;
                }
            }
            for (String id : wave.dependencies()) {
                if (graph.indexOf(id) < 0) {
                    unknown("the dependencies of wave " + wave.name(), id, wave.location());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int v = 0; v < graph.size(); v++) {
            int w = waveOf[v];
            if (w < 0) {
                if (Ids.isValid(graph.id(v))) {
                    missing.add(graph.id(v));
                }
                continue;
            }
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                int d = graph.dependency(v, k);
                if (waveOf[d] >= w) {
                    String id = Ids.show(graph.id(v));
                    String dep = Ids.show(graph.id(d));
                    String when = waveOf[d] == w ? "in the same wave " + waves.get(w).name() + ", so they would run "
                            + "together" : "in the later wave " + waves.get(waveOf[d]).name();
                    warn("wave-order", id, waves.get(w).location(), id + " depends on " + dep + ", which is " + when
                            + "; move " + id + " to a wave after the one holding " + dep);
                }
            }
        }
        if (!missing.isEmpty()) {
            warn("wave-membership", null, waves.get(0).location(), "no wave of parallel_execution_waves lists "
                    + Ids.list(missing, LISTED) + "; add " + (missing.size() == 1 ? "it" : "them") + " to a wave");
        }
    }

    private void criticalPath(CriticalPathClaim claim) {
        if (claim == null || order == null || (claim.sequentialHours() == null && claim.parallelHours() == null)) {
            return;
        }
        LongestPath computed = LongestPath.of(graph, order);
        Double sequential = claim.sequentialHours();
        if (sequential != null && Math.abs(sequential - computed.sequentialHours()) > HOURS_TOLERANCE) {
            warn("critical-path-drift", null, claim.location(), "critical_path_analysis.sequential_time claims "
                    + Ids.hours(sequential) + ", but the estimates sum to " + Ids.hours(computed.sequentialHours())
                    + " (ranges count as their upper bound); update it to "
                    + Ids.hours(computed.sequentialHours()).replace(" h", ""));
        }
        Double parallel = claim.parallelHours();
        if (parallel != null && Math.abs(parallel - computed.hours()) > HOURS_TOLERANCE) {
            List<String> ids = computed.ids().stream().map(Ids::show).toList();
            String path = ids.size() <= 3 * LISTED ? String.join(" → ", ids)
                    : String.join(" → ", ids.subList(0, 3 * LISTED)) + " → … (" + ids.size() + " achievements)";
            warn("critical-path-drift", null, claim.location(), "critical_path_analysis.parallel_time claims "
                    + Ids.hours(parallel) + ", but the longest dependency path " + path + " takes "
                    + Ids.hours(computed.hours()) + " (ranges count as their upper bound); update it to "
                    + Ids.hours(computed.hours()).replace(" h", ""));
        }
    }

    private void unknown(String where, String id, SourceLocation location) {
        warn("unknown-claim-id", null, location, where + " names " + Ids.quote(id) + ", which is not an achievement of "
                + "this plan; fix the id or remove it");
    }
}
