package io.parallelplan.jenkins;

import hudson.model.Run;
import io.parallelplan.core.pipeline.BlockFolder;
import io.parallelplan.core.pipeline.BuildPage;
import io.parallelplan.core.pipeline.PipelineException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * "Parallel Plan" on the build page of a build that ran a {@code parallelPlan} block: core's {@link BuildPage} (the
 * result, the counts and the score, one row per achievement with a link to its stage's log) and, on its own page,
 * core's HTML report (graph, timeline, table). Also in {@code /api/json}. Saved with the build.
 */
@ExportedBean
public class ParallelPlanAction extends PlanBuildAction {
    private static final Logger LOGGER = Logger.getLogger(ParallelPlanAction.class.getName());

    private final String blockId;
    private final String urlName;
    private final BuildPage page;

    private ParallelPlanAction(String blockId, String urlName, BuildPage page) {
        this.blockId = blockId;
        this.urlName = urlName;
        this.page = page;
    }

    /** Adds the page of a block to the build; the first block of a build is at {@code parallel-plan}. */
    static ParallelPlanAction attach(Run<?, ?> run, String blockId, BuildPage page) {
        synchronized (run) {
            String url =
                    run.getActions(ParallelPlanAction.class).isEmpty() ? "parallel-plan" : "parallel-plan-" + blockId;
            ParallelPlanAction action = new ParallelPlanAction(blockId, url, page);
            run.addAction(action);
            return action;
        }
    }

    /** The action of a block, or null. */
    static ParallelPlanAction of(Run<?, ?> run, String blockId) {
        for (ParallelPlanAction action : run.getActions(ParallelPlanAction.class)) {
            if (action.blockId.equals(blockId)) {
                return action;
            }
        }
        return null;
    }

    BuildPage page() {
        return page;
    }

    @Override
    public String getDisplayName() {
        return "Parallel Plan";
    }

    @Override
    public String getUrlName() {
        return urlName;
    }

    @Exported
    public String getFile() {
        return page.file();
    }

    @Exported
    public String getPlanName() {
        return page.planName();
    }

    @Exported
    public String getPolicy() {
        return page.policy();
    }

    /** 0 when there is no limit. */
    @Exported
    public int getMaxParallel() {
        return page.maxParallel();
    }

    public String getLimit() {
        return page.limit();
    }

    /** SUCCESS, UNSTABLE or FAILURE once the block ended; null while it runs. */
    @Exported
    public String getResult() {
        return page.result();
    }

    @Exported
    public String getCountLine() {
        return page.countLine();
    }

    @Exported
    public String getStopReason() {
        return page.stopReason();
    }

    @Exported
    public Double getScore() {
        return page.score();
    }

    @Exported
    public List<String> getBlockedChains() {
        return page.blockedChains();
    }

    /** One map per achievement, plan order: see {@link BuildPage} for the keys. */
    @Exported
    public List<Map<String, Object>> getAchievements() {
        return page.achievements();
    }

    /** The link to an achievement's stage log, relative to the build's URL, or null before it started. */
    public String logUrl(String id) {
        return page.logUrl(id, Jenkins.get().getPlugin("pipeline-graph-view") != null);
    }

    /**
     * Core's HTML report of this block (graph, timeline, table), escaped by core; null when it cannot be made (the
     * build directory lost the block's folder).
     */
    public String getReportHtml() {
        Run<?, ?> run = getRun();
        if (run == null) {
            return null;
        }
        Path folder = PlanRunState.directory(run, blockId);
        try {
            return BlockFolder.reportHtml(folder, run.getExternalizableId());
        } catch (PipelineException | RuntimeException e) {
            LOGGER.log(Level.FINE, "no report for " + folder, e);
            return null;
        }
    }
}
