package io.parallelplan.core.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code parallel.json}: its achievements in file order, its hand-written claims and where it came from.
 *
 * <p>A plan may be invalid (duplicate ids, unknown dependencies, cycles): the validator says so. Lookups by id return
 * the first achievement with that id.
 */
public final class Plan {
    private final Path source;
    private final String name;
    private final String parallelizationLevel;
    private final List<Achievement> achievements;
    private final PlanClaims claims;
    private final Map<String, SourceLocation> unknownFields;
    /** Built on the first lookup: commands over large plans work on the graph's index and never need it. */
    private volatile Map<String, Achievement> byId;

    /**
     * @param source the file it was read from, or {@code null} for a plan built in memory
     * @param name {@code plan_name}; {@code null} when absent
     * @param parallelizationLevel {@code parallelization_level}; {@code null} when absent
     */
    public Plan(
            Path source,
            String name,
            String parallelizationLevel,
            List<Achievement> achievements,
            PlanClaims claims,
            Map<String, SourceLocation> unknownFields) {
        this.source = source;
        this.name = name;
        this.parallelizationLevel = parallelizationLevel;
        this.achievements = List.copyOf(achievements);
        this.claims = Objects.requireNonNull(claims, "claims cannot be null");
        this.unknownFields = Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
    }

    /** A plan built in memory from achievements alone (tests, generated plans). */
    public static Plan of(String name, List<Achievement> achievements) {
        return new Plan(null, name, null, achievements, PlanClaims.NONE, Map.of());
    }

    /** The file this plan was read from, if any. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** {@code plan_name}; when absent, the name of the folder holding the file, else {@code "plan"}. */
    public String name() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        if (source != null) {
            Path parent = source.toAbsolutePath().getParent();
            if (parent != null && parent.getFileName() != null) {
                return parent.getFileName().toString();
            }
        }
        return "plan";
    }

    /** Whether the file itself had a {@code plan_name}. */
    public boolean hasDeclaredName() {
        return name != null && !name.isBlank();
    }

    /** {@code parallelization_level}, or {@code null}. */
    public String parallelizationLevel() {
        return parallelizationLevel;
    }

    /** Achievements in file order. */
    public List<Achievement> achievements() {
        return achievements;
    }

    public PlanClaims claims() {
        return claims;
    }

    /** Top-level fields the format does not define, with where they were. */
    public Map<String, SourceLocation> unknownFields() {
        return unknownFields;
    }

    /** The first achievement with this id. */
    public Optional<Achievement> achievement(String id) {
        Map<String, Achievement> index = byId;
        if (index == null) {
            index = new HashMap<>(Math.max(16, achievements.size() * 2));
            for (Achievement a : achievements) {
                index.putIfAbsent(a.id(), a);
            }
            byId = index;
        }
        return Optional.ofNullable(index.get(id));
    }

    /** Number of achievements (sub-executions not counted). */
    public int size() {
        return achievements.size();
    }

    @Override
    public String toString() {
        return "Plan[" + name() + ", " + achievements.size() + " achievements]";
    }
}
