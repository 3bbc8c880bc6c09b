package io.parallelplan.jenkins;

import java.io.Serializable;
import java.util.Objects;

/**
 * The handle a {@code parallelPlan} block gives its body (as a body context): which build and which block. The
 * scheduler it names lives in {@link PlanRuns} and, for restarts, in the build directory.
 */
public final class PlanRunRef implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String blockId;

    PlanRunRef(String runId, String blockId) {
        this.runId = Objects.requireNonNull(runId, "runId cannot be null");
        this.blockId = Objects.requireNonNull(blockId, "blockId cannot be null");
    }

    /** The flow node id of the {@code parallelPlan} step. */
    String blockId() {
        return blockId;
    }

    String key() {
        return runId + "#" + blockId;
    }

    @Override
    public String toString() {
        return "parallelPlan block " + blockId + " of " + runId;
    }
}
