package io.parallelplan.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jenkinsci.plugins.workflow.steps.StepContext;

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
     * @param context the context of a step of that build (it gives the build)
     * @throws AbortException when the block's saved plan is gone
     */
    static PlanRunState get(PlanRunRef ref, StepContext context) throws IOException, InterruptedException {
        PlanRunState live = LIVE.get(ref.key());
        if (live != null) {
            return live;
        }
        synchronized (LIVE) {
            live = LIVE.get(ref.key());
            if (live == null) {
                Run<?, ?> run = context.get(Run.class);
                if (run == null) {
                    throw new AbortException(ref + " cannot resume: the step has no build");
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
