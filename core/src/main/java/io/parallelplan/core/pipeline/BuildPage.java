package io.parallelplan.core.pipeline;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.schedule.BlockedChain;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.schedule.TaskRecord;
import io.parallelplan.core.validate.LoadedPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the build page and {@code /api/json} show of one {@code parallelPlan} block: the plan, the options, one row
 * per achievement (state, attempts, detail, the flow nodes that show it) and, once the block ended, the verdict.
 *
 * <p>Parallel branches update it at the same time, so every method holds this object's lock. A build saves it as it
 * is (XStream), so it keeps plain, mutable fields; what it hands out are copies.
 *
 * <p>Row keys: {@code id}, {@code title}, {@code optional}, {@code state} (a task state, {@code PENDING} until the
 * run decides), {@code attempts}, {@code detail} (the last attempt's message, or null), {@code nodeId} (the flow node
 * of the {@code achievement} step, null before it arrived) and {@code stageNodeId} (its enclosing stage, or null).
 */
public final class BuildPage {
    private static final String ID = "id";
    private static final String STATE = "state";
    private static final String NODE = "nodeId";
    private static final String STAGE_NODE = "stageNodeId";

    private final String file;
    private final String planName;
    private final String policy;
    private final int maxParallel;
    private final ArrayList<LinkedHashMap<String, Object>> rows;
    private String result;
    private String countLine;
    private String stopReason;
    private Double score;
    private ArrayList<String> blockedChains = new ArrayList<>();

    private transient Map<String, LinkedHashMap<String, Object>> byId;

    private BuildPage(String file, String planName, String policy, int maxParallel,
            ArrayList<LinkedHashMap<String, Object>> rows) {
        this.file = file;
        this.planName = planName;
        this.policy = policy;
        this.maxParallel = maxParallel;
        this.rows = rows;
    }

    /**
     * The page of a block that starts: every achievement PENDING, in plan order.
     *
     * @param file the plan's path as the user named it
     */
    public static BuildPage of(LoadedPlan plan, String file, RunOptions options) {
        ArrayList<LinkedHashMap<String, Object>> rows = new ArrayList<>(plan.plan().achievements().size());
        for (Achievement a : plan.plan().achievements()) {
            LinkedHashMap<String, Object> row = new LinkedHashMap<>();
            row.put(ID, a.id());
            row.put("title", a.title());
            row.put("optional", a.optional());
            row.put(STATE, "PENDING");
            row.put("attempts", 0);
            row.put("detail", null);
            row.put(NODE, null);
            row.put(STAGE_NODE, null);
            rows.add(row);
        }
        int limit = options.maxParallel() == RunOptions.UNLIMITED ? 0 : options.maxParallel();
        return new BuildPage(file, plan.plan().name(), options.policy().key(), limit, rows);
    }

    private Map<String, LinkedHashMap<String, Object>> index() {
        if (byId == null) {
            byId = new HashMap<>(rows.size() * 2);
            for (LinkedHashMap<String, Object> row : rows) {
                byId.put((String) row.get(ID), row);
            }
        }
        return byId;
    }

    /** Takes the new state of the achievements that changed; ids outside the plan are ignored. */
    public synchronized void update(List<TaskRecord> changed) {
        for (TaskRecord record : changed) {
            Map<String, Object> row = index().get(record.id());
            if (row != null) {
                row.put(STATE, record.state().name());
                row.put("attempts", record.attempts());
                row.put("detail", record.message());
            }
        }
    }

    /** Remembers which flow nodes show an achievement: its step and its enclosing stage (either may be null). */
    public synchronized void link(String id, String stepNodeId, String stageNodeId) {
        Map<String, Object> row = index().get(id);
        if (row != null) {
            row.put(NODE, stepNodeId);
            row.put(STAGE_NODE, stageNodeId);
        }
    }

    /** The verdict, when the block ends: every record, the result, the counts, the score and the chains. */
    public synchronized void finish(RunResult verdict) {
        update(verdict.records());
        result = verdict.status().name();
        countLine = verdict.countLine();
        stopReason = verdict.stopReason().orElse(null);
        score = verdict.score().isPresent() ? verdict.score().getAsDouble() : null;
        ArrayList<String> lines = new ArrayList<>();
        for (BlockedChain chain : verdict.blockedChains()) {
            lines.add(chain.text());
        }
        blockedChains = lines;
    }

    /** The plan's path as the user named it. */
    public String file() {
        return file;
    }

    public String planName() {
        return planName;
    }

    /** The failure policy's key: {@code keepGoing}, {@code failFast} or {@code threshold}. */
    public String policy() {
        return policy;
    }

    /** At most this many bodies at once; 0 when there is no limit. */
    public int maxParallel() {
        return maxParallel;
    }

    /** {@code at most 3 at once} or {@code no limit}. */
    public String limit() {
        return maxParallel == 0 ? "no limit" : "at most " + maxParallel + " at once";
    }

    /** The console line of a block that starts. */
    public String startLine() {
        return ConsoleLines.clean("Running " + file + " (" + rows.size() + " achievements, " + policy + ", "
                + limit() + ")");
    }

    /** SUCCESS, UNSTABLE or FAILURE once the block ended; null while it runs. */
    public synchronized String result() {
        return result;
    }

    /** Core's count line once the block ended; null while it runs. */
    public synchronized String countLine() {
        return countLine;
    }

    /** Why the run stopped starting work (fail-fast, threshold), or null. */
    public synchronized String stopReason() {
        return stopReason;
    }

    /** For the threshold policy, once the block ended: the share of estimated hours that passed; else null. */
    public synchronized Double score() {
        return score;
    }

    /** One line per blocked achievement: the chain that blocked it. */
    public synchronized List<String> blockedChains() {
        return new ArrayList<>(blockedChains);
    }

    /** A copy of every row, plan order (see the class comment for the keys). */
    public synchronized List<Map<String, Object>> achievements() {
        List<Map<String, Object>> copy = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            copy.add(new LinkedHashMap<>(row));
        }
        return copy;
    }

    /**
     * The link to an achievement's log, relative to the build's URL: its stage in Pipeline Graph View's console when
     * that view is installed and the stage is known, else the step's log; null before its step arrived.
     *
     * @param graphView whether Pipeline Graph View is installed
     */
    public synchronized String logUrl(String id, boolean graphView) {
        Map<String, Object> row = index().get(id);
        if (row == null) {
            return null;
        }
        if (graphView && row.get(STAGE_NODE) != null) {
            return "pipeline-console/?selected-node=" + row.get(STAGE_NODE);
        }
        return row.get(NODE) == null ? null : "execution/node/" + row.get(NODE) + "/log/";
    }
}
