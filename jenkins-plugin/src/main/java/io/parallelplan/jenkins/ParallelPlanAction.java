package io.parallelplan.jenkins;

import hudson.model.Run;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.pipeline.BuildPageReport;
import io.parallelplan.core.schedule.BlockedChain;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.schedule.TaskRecord;
import io.parallelplan.core.validate.LoadedPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * "Parallel Plan" on the build page of a build that ran a {@code parallelPlan} block: the result, the counts and the
 * score, one row per achievement (state, attempts, a link to its stage's log), and on its own page core's HTML report
 * (graph, timeline, table). Also in {@code /api/json}.
 *
 * <p>Parallel branches update it at the same time, so every read and write holds this object's lock. It is saved
 * with the build, so it keeps plain fields only.
 */
@ExportedBean
public class ParallelPlanAction extends PlanBuildAction {
    private static final Logger LOGGER = Logger.getLogger(ParallelPlanAction.class.getName());

    private final String blockId;
    private final String urlName;
    private final String file;
    private final String planName;
    private final String policy;
    private final int maxParallel;
    private final List<Row> rows;
    private String result;
    private String countLine;
    private String stopReason;
    private Double score;
    private List<String> chains = new ArrayList<>();

    private transient Map<String, Row> byId;

    private ParallelPlanAction(
            String blockId,
            String urlName,
            String file,
            String planName,
            String policy,
            int maxParallel,
            List<Row> rows) {
        this.blockId = blockId;
        this.urlName = urlName;
        this.file = file;
        this.planName = planName;
        this.policy = policy;
        this.maxParallel = maxParallel;
        this.rows = rows;
    }

    /** Adds the action of a new block to the build, one row per achievement in plan order. */
    static ParallelPlanAction attach(Run<?, ?> run, String blockId, String file, LoadedPlan plan, RunOptions options) {
        List<Row> rows = new ArrayList<>(plan.plan().achievements().size());
        for (Achievement a : plan.plan().achievements()) {
            rows.add(new Row(a.id(), a.title(), a.optional()));
        }
        synchronized (run) {
            String url =
                    run.getActions(ParallelPlanAction.class).isEmpty() ? "parallel-plan" : "parallel-plan-" + blockId;
            ParallelPlanAction action = new ParallelPlanAction(
                    blockId,
                    url,
                    file,
                    plan.plan().name(),
                    options.policy().key(),
                    options.maxParallel() == RunOptions.UNLIMITED ? 0 : options.maxParallel(),
                    rows);
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

    private Map<String, Row> index() {
        if (byId == null) {
            byId = new HashMap<>(rows.size() * 2);
            for (Row row : rows) {
                byId.put(row.id, row);
            }
        }
        return byId;
    }

    /** Takes the new state of the achievements that changed. */
    synchronized void update(List<TaskRecord> changed) {
        for (TaskRecord record : changed) {
            Row row = index().get(record.id());
            if (row != null) {
                row.state = record.state().name();
                row.attempts = record.attempts();
                row.detail = record.message();
            }
        }
    }

    /** Remembers which flow nodes show an achievement: its step and its stage (for the log link). */
    synchronized void linkNode(String id, String stepNodeId, String stageNodeId) {
        Row row = index().get(id);
        if (row != null) {
            row.nodeId = stepNodeId;
            row.stageNodeId = stageNodeId;
        }
    }

    /** The verdict, when the block ends. */
    synchronized void finish(RunResult verdict) {
        update(verdict.records());
        result = verdict.status().name();
        countLine = verdict.countLine();
        stopReason = verdict.stopReason().orElse(null);
        score = verdict.score().isPresent() ? verdict.score().getAsDouble() : null;
        List<String> lines = new ArrayList<>();
        for (BlockedChain chain : verdict.blockedChains()) {
            lines.add(chain.text());
        }
        chains = lines;
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
        return file;
    }

    @Exported
    public String getPlanName() {
        return planName;
    }

    @Exported
    public String getPolicy() {
        return policy;
    }

    /** 0 when there is no limit. */
    @Exported
    public int getMaxParallel() {
        return maxParallel;
    }

    /** {@code at most 3 at once} or {@code no limit}. */
    public String getLimit() {
        return maxParallel == 0 ? "no limit" : "at most " + maxParallel + " at once";
    }

    /** SUCCESS, UNSTABLE or FAILURE once the block ended; null while it runs. */
    @Exported
    public synchronized String getResult() {
        return result;
    }

    @Exported
    public synchronized String getCountLine() {
        return countLine;
    }

    @Exported
    public synchronized String getStopReason() {
        return stopReason;
    }

    /** For the threshold policy: the share of estimated hours that passed. */
    @Exported
    public synchronized Double getScore() {
        return score;
    }

    @Exported
    public synchronized List<String> getBlockedChains() {
        return List.copyOf(chains);
    }

    /** A copy of every row, plan order. */
    @Exported
    public synchronized List<Row> getAchievements() {
        List<Row> copy = new ArrayList<>(rows.size());
        for (Row row : rows) {
            copy.add(row.copy());
        }
        return copy;
    }

    /** The link to an achievement's stage log, relative to the build's URL, or null before it started. */
    public String logUrl(Row row) {
        if (row.stageNodeId != null && Jenkins.get().getPlugin("pipeline-graph-view") != null) {
            return "pipeline-console/?selected-node=" + row.stageNodeId;
        }
        return row.nodeId == null ? null : "execution/node/" + row.nodeId + "/log/";
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
        Path folder = PlanRunFolder.directory(run, blockId);
        try {
            return BuildPageReport.html(folder, file, run.getExternalizableId());
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "no report for " + folder, e);
            return null;
        }
    }

    /** One achievement, as shown and exported. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Row {
        private final String id;
        private final String title;
        private final boolean optional;
        private String state = "PENDING";
        private int attempts;
        private String detail;
        private String nodeId;
        private String stageNodeId;

        Row(String id, String title, boolean optional) {
            this.id = id;
            this.title = title;
            this.optional = optional;
        }

        Row copy() {
            Row copy = new Row(id, title, optional);
            copy.state = state;
            copy.attempts = attempts;
            copy.detail = detail;
            copy.nodeId = nodeId;
            copy.stageNodeId = stageNodeId;
            return copy;
        }

        @Exported
        public String getId() {
            return id;
        }

        @Exported
        public String getTitle() {
            return title;
        }

        @Exported
        public boolean isOptional() {
            return optional;
        }

        @Exported
        public String getState() {
            return state;
        }

        @Exported
        public int getAttempts() {
            return attempts;
        }

        @Exported
        public String getDetail() {
            return detail;
        }

        /** The flow node of the achievement's step, or null before it arrived. */
        @Exported
        public String getNodeId() {
            return nodeId;
        }
    }
}
