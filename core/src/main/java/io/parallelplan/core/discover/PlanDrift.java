package io.parallelplan.core.discover;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares a PLAN markdown with its {@code parallel.json} in O(achievements + edges): achievements missing on either
 * side, titles (ignoring case, spacing and markdown emphasis), dependencies edge by edge (only where the PLAN states
 * them), and estimates (where both give one). Findings point at the {@code parallel.json} achievement when there is
 * one, else at the PLAN line.
 */
public final class PlanDrift {
    private final MarkdownDiscovery discovery;

    public PlanDrift() {
        this(new MarkdownDiscovery());
    }

    public PlanDrift(MarkdownDiscovery discovery) {
        this.discovery = java.util.Objects.requireNonNull(discovery, "discovery cannot be null");
    }

    /**
     * Compares the PLAN markdown file with a parsed plan.
     *
     * @throws io.parallelplan.core.parse.PlanReadException when the markdown cannot be read
     */
    public DriftReport compare(Path planMarkdown, Plan plan) {
        return compare(discovery.discover(planMarkdown), plan);
    }

    /** Compares a discovered PLAN with a parsed plan. */
    public DriftReport compare(DiscoveredPlan markdown, Plan plan) {
        String mdName = markdown.source().getFileName() == null ? "the PLAN" : markdown.source().getFileName().toString();
        List<Finding> findings = new ArrayList<>();
        List<String> missingInJson = new ArrayList<>();
        List<String> missingInMarkdown = new ArrayList<>();
        List<DriftReport.TitleDrift> titles = new ArrayList<>();
        List<DriftReport.DependencyDrift> deps = new ArrayList<>();
        List<DriftReport.EstimateDrift> estimates = new ArrayList<>();
        List<String> notStated = new ArrayList<>();
        Map<String, DiscoveredAchievement> mdById = markdown.byId();
        Map<String, Achievement> jsonById = new HashMap<>(plan.size() * 2);
        plan.achievements().forEach(a -> jsonById.putIfAbsent(a.id(), a));

        for (DiscoveredAchievement m : markdown.achievements()) {
            if (!jsonById.containsKey(m.id())) {
                missingInJson.add(m.id());
                findings.add(Finding.warning("drift-missing-in-json", mdName + " has achievement " + m.id() + " ("
                        + m.title() + ") but parallel.json does not; add it, or run 'parallel-plan discover'",
                        m.id(), SourceLocation.UNKNOWN));
            }
        }
        Set<String> reported = new HashSet<>();
        for (Achievement j : plan.achievements()) {
            DiscoveredAchievement m = mdById.get(j.id());
            if (m == null) {
                if (reported.add(j.id())) {
                    missingInMarkdown.add(j.id());
                    findings.add(Finding.warning("drift-missing-in-markdown", "parallel.json has achievement "
                            + j.id() + " (" + j.title() + ") but " + mdName + " does not; add it to the PLAN or "
                            + "remove it from parallel.json", j.id(), j.location()));
                }
                continue;
            }
            if (!normalTitle(m.title()).equals(normalTitle(j.title()))) {
                titles.add(new DriftReport.TitleDrift(j.id(), m.title(), j.title()));
                findings.add(Finding.warning("drift-title", j.id() + " is titled \"" + m.title() + "\" in " + mdName
                        + " but \"" + j.title() + "\" in parallel.json; make them the same", j.id(), j.location()));
            }
            if (!m.stated()) {
                notStated.add(j.id());
            } else {
                Set<String> mdDeps = new LinkedHashSet<>(m.dependencies());
                Set<String> jsonDeps = new LinkedHashSet<>(j.dependencies());
                List<String> onlyMd = mdDeps.stream().filter(d -> !jsonDeps.contains(d)).toList();
                List<String> onlyJson = jsonDeps.stream().filter(d -> !mdDeps.contains(d)).toList();
                if (!onlyMd.isEmpty() || !onlyJson.isEmpty()) {
                    deps.add(new DriftReport.DependencyDrift(j.id(), onlyMd, onlyJson));
                    findings.add(Finding.warning("drift-dependencies", j.id() + ": " + mdName + " says it depends on "
                            + describe(mdDeps) + ", parallel.json says " + describe(jsonDeps)
                            + (onlyMd.isEmpty() ? "" : "; missing in parallel.json: " + String.join(", ", onlyMd))
                            + (onlyJson.isEmpty() ? "" : "; only in parallel.json: " + String.join(", ", onlyJson)),
                            j.id(), j.location()));
                }
            }
            Estimate me = m.estimate();
            Estimate je = j.estimate();
            if (me.valid() && je.valid()
                    && (me.lowHours() != je.lowHours() || me.highHours() != je.highHours())) {
                estimates.add(new DriftReport.EstimateDrift(j.id(), me.raw(), je.raw()));
                findings.add(Finding.warning("drift-estimate", j.id() + " is estimated at " + hours(me) + " in "
                        + mdName + " but " + hours(je) + " in parallel.json; make them the same", j.id(),
                        j.location()));
            }
        }
        if (!notStated.isEmpty()) {
            findings.add(Finding.info("drift-not-stated", mdName + " states no dependencies for "
                    + String.join(", ", notStated) + "; their edges in parallel.json cannot be checked", null,
                    SourceLocation.UNKNOWN));
        }
        return new DriftReport(missingInJson, missingInMarkdown, titles, deps, estimates, notStated, findings);
    }

    private static String describe(Set<String> deps) {
        return deps.isEmpty() ? "nothing" : String.join(", ", deps);
    }

    private static String hours(Estimate e) {
        return e.isRange()
                ? Estimate.formatHours(e.lowHours()) + "-" + Estimate.formatHours(e.highHours()) + " h"
                : Estimate.formatHours(e.highHours()) + " h";
    }

    static String normalTitle(String title) {
        return title.replace("**", "").replace("`", "").replaceAll("\\s+", " ").strip()
                .replaceAll("[.:;]+$", "").toLowerCase(Locale.ROOT);
    }
}
