package io.parallelplan.core.pipeline;

import io.parallelplan.core.ledger.LedgerException;
import io.parallelplan.core.ledger.RunLedger;
import io.parallelplan.core.report.HtmlReportRenderer;
import io.parallelplan.core.report.RunReports;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.validate.LoadedPlan;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The folder a {@code parallelPlan} block keeps in its build's directory, so that the run survives a controller
 * restart and the build page can show it later: the plan text it ran ({@value #PLAN_FILE}), the plan's path as the
 * user named it ({@value #FILE_NAME}), and core's run ledger (journal, snapshot, result; the run's options are in the
 * journal's header). Holds the block's {@link BranchCoordinator} while the block runs.
 */
public final class BlockFolder implements Closeable {
    /** The plan text the block ran. */
    public static final String PLAN_FILE = "plan.json";
    /** The plan's path as the user named it, one line. */
    static final String FILE_NAME = "file.txt";

    private final Path directory;
    private final String file;
    private final LoadedPlan plan;
    private RunLedger ledger;
    private BranchCoordinator coordinator;

    private BlockFolder(Path directory, String file, LoadedPlan plan) {
        this.directory = directory;
        this.file = file;
        this.plan = plan;
    }

    /**
     * Saves the plan of a new block and starts its ledger and coordinator.
     *
     * @param directory the block's folder (created; it must not hold a run yet: then nothing in it is touched)
     * @param runId the build's id, recorded in the ledger
     * @param file the plan's path as the user named it
     * @param json the plan text as read
     * @param plan that text, loaded and valid
     */
    public static BlockFolder create(Path directory, String runId, String file, String json, LoadedPlan plan,
            RunOptions options, Instant now) throws PipelineException {
        BlockFolder folder = new BlockFolder(directory, file, plan);
        LoadedPlan branches = BranchCoordinator.branchPlan(plan);
        try {
            folder.coordinator = BranchCoordinator.of(observer -> {
                folder.ledger = RunLedger.create(directory, runId, branches, options, now, observer);
                return folder.ledger.scheduler();
            }, file);
            Files.writeString(directory.resolve(PLAN_FILE), json, StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(FILE_NAME), file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            folder.close();
            throw new PipelineException(directory + ": cannot save the block's plan (" + e.getMessage()
                    + "); check the build directory's disk and permissions", e);
        } catch (LedgerException e) {
            throw new PipelineException(e.getMessage(), e);
        }
        return folder;
    }

    /**
     * A block of a build this controller has not seen running (after a restart): the plan it saved and its ledger
     * replayed from the journal, with the coordinator over it. No branch has arrived yet.
     *
     * @throws PipelineException when the folder holds no block, or its plan or journal cannot be read
     */
    public static BlockFolder restore(Path directory) throws PipelineException {
        BlockFolder folder = read(directory);
        LoadedPlan branches = BranchCoordinator.branchPlan(folder.plan);
        try {
            folder.coordinator = BranchCoordinator.of(observer -> {
                folder.ledger = RunLedger.restore(directory, branches, observer);
                return folder.ledger.scheduler();
            }, folder.file);
        } catch (LedgerException e) {
            throw new PipelineException(e.getMessage(), e);
        }
        return folder;
    }

    /**
     * Core's HTML report of a block (graph, timeline, table) as of now: final once the block ended, else the states
     * so far. Every value in it is escaped by core's renderer, so a view may emit it as it is.
     *
     * @param runId the build's id, shown in the report
     */
    public static String reportHtml(Path directory, String runId) throws PipelineException {
        BlockFolder folder = read(directory);
        try {
            return new HtmlReportRenderer().fragment(RunReports.ofRun(BranchCoordinator.branchPlan(folder.plan),
                    runId, RunLedger.read(directory).result(), List.of(), Map.of()), false);
        } catch (LedgerException e) {
            throw new PipelineException(e.getMessage(), e);
        }
    }

    private static BlockFolder read(Path directory) throws PipelineException {
        String file;
        String json;
        try {
            file = Files.readString(directory.resolve(FILE_NAME), StandardCharsets.UTF_8);
            json = Files.readString(directory.resolve(PLAN_FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PipelineException(directory + " holds no parallelPlan block (" + e.getMessage()
                    + "); run the build again", e);
        }
        return new BlockFolder(directory, file, PlanCheck.load(json, file));
    }

    /** The block's scheduling decisions. */
    public BranchCoordinator coordinator() {
        return coordinator;
    }

    /** The plan's path as the user named it. */
    public String file() {
        return file;
    }

    /** The plan the block runs, as the user wrote it (one branch per achievement). */
    public LoadedPlan plan() {
        return plan;
    }

    /** The run's options, as the block started with them. */
    public RunOptions options() {
        return ledger.header().options();
    }

    /** Writes the final snapshot and result; the folder stays for the record. */
    @Override
    public void close() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
