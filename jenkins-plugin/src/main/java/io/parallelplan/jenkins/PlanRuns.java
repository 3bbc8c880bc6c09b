package io.parallelplan.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live scheduler of every running {@code parallelPlan} block, by {@link PlanRunRef}. Steps find theirs through
 * the handle in their body context; after a controller restart the first step that asks restores it from the
 * build directory.
 */
final class PlanRuns {
    private static final Map<String, PlanRunState> LIVE = new ConcurrentHashMap<>();

    private PlanRuns() {}

    static void register(PlanRunRef ref, PlanRunState state) {
        LIVE.put(ref.key(), state);
    }

    /**
     * The state of a block, restored from the build directory when this controller has not seen it yet.
     *
     * @throws AbortException when the build or its saved plan is gone
     */
    static PlanRunState get(PlanRunRef ref) throws IOException {
        PlanRunState live = LIVE.get(ref.key());
        if (live != null) {
            return live;
        }
        synchronized (LIVE) {
            live = LIVE.get(ref.key());
            if (live == null) {
                Run<?, ?> run = Run.fromExternalizableId(ref.runId());
                if (run == null) {
                    throw new AbortException("build " + ref.runId() + " is gone; its parallelPlan block cannot resume");
                }
                live = PlanRunState.restore(run, ref);
                LIVE.put(ref.key(), live);
            }
            return live;
        }
    }

    static void remove(PlanRunRef ref) {
        LIVE.remove(ref.key());
    }
}
