package io.parallelplan.core.validate;

import java.util.List;
import java.util.Objects;

/**
 * One strongly connected component of a dependency graph, as validation reports it: every achievement in it, one
 * real cycle through it, and dependencies whose removal makes it acyclic.
 *
 * <p>Arrows follow execution order: in a path {@code a → b}, {@code b} depends on {@code a}.
 *
 * @param scope {@code null} for the plan's achievements, else the id of the achievement whose {@code sub_executions}
 *     hold the cycle
 * @param members the ids of every achievement in the component, in plan order
 * @param path a cycle through the component, from its first achievement in plan order back to it (first = last)
 * @param simple whether the component is exactly one cycle (each member has one dependency inside it)
 * @param breakingEdges dependencies to remove: for a simple cycle every edge (removing any one breaks it); for a
 *     larger component a small set whose removal together breaks every cycle in it
 */
public record DependencyCycle(
        String scope, List<String> members, List<String> path, boolean simple, List<Link> breakingEdges) {
    public DependencyCycle {
        members = List.copyOf(members);
        path = List.copyOf(path);
        breakingEdges = List.copyOf(breakingEdges);
        if (path.size() < 2 || !path.get(0).equals(path.get(path.size() - 1))) {
            throw new IllegalArgumentException("a cycle path must start and end at the same achievement");
        }
    }

    /**
     * One dependency: {@code dependent} lists {@code dependency} in its {@code dependencies}.
     *
     * @param dependency the achievement depended on (runs first)
     * @param dependent the achievement that depends on it
     */
    public record Link(String dependency, String dependent) {
        public Link {
            Objects.requireNonNull(dependency, "dependency cannot be null");
            Objects.requireNonNull(dependent, "dependent cannot be null");
        }

        @Override
        public String toString() {
            return dependency + " → " + dependent;
        }
    }
}
