package io.parallelplan.core.schedule;

import io.parallelplan.core.graph.PlanGraph;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a run is driven: concurrency limit, failure policy, plan-wide defaults for retries and timeouts, and the
 * tasks to skip on purpose. Immutable; build with {@link #builder()}.
 */
public final class RunOptions {
    /** {@link #maxParallel()} meaning "no limit". */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private static final RunOptions DEFAULTS = builder().build();

    private final int maxParallel;
    private final FailurePolicy policy;
    private final boolean drain;
    private final double minScore;
    private final int defaultRetries;
    private final Integer defaultTimeoutMinutes;
    private final Map<String, String> skip;

    private RunOptions(Builder b) {
        this.maxParallel = b.maxParallel;
        this.policy = b.policy;
        this.drain = b.drain;
        this.minScore = b.minScore;
        this.defaultRetries = b.defaultRetries;
        this.defaultTimeoutMinutes = b.defaultTimeoutMinutes;
        this.skip = Collections.unmodifiableMap(new LinkedHashMap<>(b.skip));
    }

    /** Keep-going, no concurrency limit, no retries, no timeout, nothing skipped. */
    public static RunOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every value of these options. */
    public Builder toBuilder() {
        Builder b = builder()
                .maxParallel(maxParallel)
                .policy(policy)
                .drain(drain)
                .minScore(minScore)
                .defaultRetries(defaultRetries)
                .defaultTimeoutMinutes(defaultTimeoutMinutes);
        skip.forEach(b::skip);
        return b;
    }

    /** At most this many tasks run at once ({@link #UNLIMITED} by default). */
    public int maxParallel() {
        return maxParallel;
    }

    public FailurePolicy policy() {
        return policy;
    }

    /** Under fail-fast: let running tasks finish instead of interrupting them. */
    public boolean drain() {
        return drain;
    }

    /** The score a threshold run needs, in 0..1 (1 by default). */
    public double minScore() {
        return minScore;
    }

    /** Retries of a task whose achievement does not say {@code retries} (0 by default). */
    public int defaultRetries() {
        return defaultRetries;
    }

    /** Timeout of one attempt when the achievement does not say {@code timeout_minutes}; {@code null}: none. */
    public Integer defaultTimeoutMinutes() {
        return defaultTimeoutMinutes;
    }

    /**
     * Tasks (achievement ids, or {@code parent/child}) that end SKIPPED when the run begins, with the reason shown
     * for each ("excluded by --only", "complete on the filesystem", "done in run X"). Skipping an achievement
     * with sub_executions skips all of them. In insertion order.
     */
    public Map<String, String> skip() {
        return skip;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunOptions r
                && maxParallel == r.maxParallel
                && policy == r.policy
                && drain == r.drain
                && Double.compare(minScore, r.minScore) == 0
                && defaultRetries == r.defaultRetries
                && Objects.equals(defaultTimeoutMinutes, r.defaultTimeoutMinutes)
                && skip.equals(r.skip);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxParallel, policy, drain, minScore, defaultRetries, defaultTimeoutMinutes, skip);
    }

    @Override
    public String toString() {
        return "RunOptions[maxParallel=" + (maxParallel == UNLIMITED ? "unlimited" : maxParallel) + ", policy="
                + policy.key() + (drain ? " (drain)" : "") + ", minScore=" + minScore + ", retries=" + defaultRetries
                + ", timeoutMinutes=" + defaultTimeoutMinutes + ", skip=" + skip.size() + "]";
    }

    /** Builds {@link RunOptions}; each setter checks its argument at once. */
    public static final class Builder {
        private int maxParallel = UNLIMITED;
        private FailurePolicy policy = FailurePolicy.KEEP_GOING;
        private boolean drain;
        private double minScore = 1.0;
        private int defaultRetries;
        private Integer defaultTimeoutMinutes;
        private final Map<String, String> skip = new LinkedHashMap<>();

        private Builder() {}

        /** At most {@code n} tasks at once; {@code n ≥ 1}. */
        public Builder maxParallel(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max parallel must be at least 1");
            }
            this.maxParallel = n;
            return this;
        }

        public Builder policy(FailurePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy cannot be null");
            return this;
        }

        public Builder drain(boolean drain) {
            this.drain = drain;
            return this;
        }

        /** The score a threshold run needs, in 0..1. */
        public Builder minScore(double minScore) {
            if (!(minScore >= 0 && minScore <= 1)) {
                throw new IllegalArgumentException("min score must be between 0 and 1");
            }
            this.minScore = minScore;
            return this;
        }

        /** Retries when an achievement does not say; {@code ≥ 0}. */
        public Builder defaultRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries cannot be negative");
            }
            this.defaultRetries = retries;
            return this;
        }

        /** Timeout in minutes when an achievement does not say; {@code null} for none, else {@code ≥ 1}. */
        public Builder defaultTimeoutMinutes(Integer minutes) {
            if (minutes != null && minutes < 1) {
                throw new IllegalArgumentException("timeout must be at least 1 minute");
            }
            this.defaultTimeoutMinutes = minutes;
            return this;
        }

        /** Skips a task when the run begins, giving the reason shown for it. */
        public Builder skip(String taskId, String reason) {
            Objects.requireNonNull(taskId, "task id to skip cannot be null");
            Objects.requireNonNull(reason, "skip reason cannot be null");
            skip.put(taskId, reason);
            return this;
        }

        /** Skips each of these tasks with the same reason. */
        public Builder skipAll(Iterable<String> taskIds, String reason) {
            for (String id : taskIds) {
                skip(id, reason);
            }
            return this;
        }

        /**
         * Runs only the chosen achievements (a sub-execution id such as {@code 2.1/2.1.1} chooses its achievement)
         * and, with {@code withDependencies}, everything they depend on, directly or not; every other achievement
         * is skipped, with a reason saying so. Skipped achievements satisfy their dependents, so a chosen achievement
         * runs whether or not its dependencies ran.
         *
         * @throws IllegalArgumentException naming the first id that is no achievement of the graph
         */
        public Builder only(PlanGraph graph, Collection<String> ids, boolean withDependencies) {
            boolean[] chosen = new boolean[graph.size()];
            ArrayDeque<Integer> todo = new ArrayDeque<>();
            for (String id : ids) {
                int slash = id.indexOf('/');
                int node = graph.indexOf(slash < 0 ? id : id.substring(0, slash));
                if (node < 0) {
                    throw new IllegalArgumentException("no achievement \"" + id + "\" in this plan; list ids as in "
                            + "the plan" + (graph.size() == 0 ? "" : ", e.g. " + graph.id(0)));
                }
                if (!chosen[node]) {
                    chosen[node] = true;
                    todo.add(node);
                }
            }
            while (withDependencies && !todo.isEmpty()) {
                int node = todo.poll();
                for (int k = 0; k < graph.dependencyCount(node); k++) {
                    int d = graph.dependency(node, k);
                    if (!chosen[d]) {
                        chosen[d] = true;
                        todo.add(d);
                    }
                }
            }
            String reason = withDependencies ? "not chosen by --only with its dependencies" : "not chosen by --only";
            for (int node = 0; node < graph.size(); node++) {
                if (!chosen[node]) {
                    skip(graph.id(node), reason);
                }
            }
            return this;
        }

        public RunOptions build() {
            return new RunOptions(this);
        }
    }
}
