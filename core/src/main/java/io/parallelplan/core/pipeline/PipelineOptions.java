package io.parallelplan.core.pipeline;

import io.parallelplan.core.schedule.FailurePolicy;
import io.parallelplan.core.schedule.RunOptions;
import java.util.Locale;

/**
 * The {@link RunOptions} of a {@code parallelPlan} Pipeline step, from its parameters as a user writes them, each
 * checked with a message that names the parameter and the fix.
 */
public final class PipelineOptions {
    private PipelineOptions() {}

    /**
     * @param maxParallel at most this many bodies at once; 0 for no limit
     * @param failurePolicy {@code keepGoing}, {@code failFast} or {@code threshold} (also {@code keep-going} ...)
     * @param minScore for {@code threshold}: 0 to 1
     * @param retries extra attempts for achievements whose plan entry sets none; 0 or more
     * @param timeoutMinutes time limit of one attempt for achievements whose plan entry sets none; 0 for none
     * @throws IllegalArgumentException naming the parameter and the accepted values
     */
    public static RunOptions of(int maxParallel, String failurePolicy, double minScore, int retries,
            int timeoutMinutes) {
        if (maxParallel < 0) {
            throw new IllegalArgumentException("maxParallel: " + maxParallel
                    + " is negative; give the number of achievements that may run at once, or 0 for no limit");
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore: " + minScore
                    + " is outside 0..1; give the share of estimated hours that must pass, e.g. minScore: 0.8");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries: " + retries + " is negative; give 0 or more");
        }
        if (timeoutMinutes < 0) {
            throw new IllegalArgumentException("timeoutMinutes: " + timeoutMinutes
                    + " is negative; give minutes per attempt, or 0 for no limit");
        }
        return RunOptions.builder()
                .maxParallel(maxParallel == 0 ? RunOptions.UNLIMITED : maxParallel)
                .policy(policy(failurePolicy))
                .minScore(minScore)
                .defaultRetries(retries)
                .defaultTimeoutMinutes(timeoutMinutes == 0 ? null : timeoutMinutes)
                .build();
    }

    /** {@code keepGoing}, {@code failFast} or {@code threshold}, in any case, with or without '-' or '_'. */
    public static FailurePolicy policy(String failurePolicy) {
        String key = failurePolicy == null ? "" : failurePolicy.strip().replace("-", "").replace("_", "")
                .toLowerCase(Locale.ROOT);
        return switch (key) {
            case "keepgoing" -> FailurePolicy.KEEP_GOING;
            case "failfast" -> FailurePolicy.FAIL_FAST;
            case "threshold" -> FailurePolicy.THRESHOLD;
            default -> throw new IllegalArgumentException("failurePolicy: '" + failurePolicy
                    + "' is not a policy; use 'keepGoing', 'failFast' or 'threshold'");
        };
    }
}
