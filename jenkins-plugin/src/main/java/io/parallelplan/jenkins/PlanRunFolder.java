package io.parallelplan.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import io.parallelplan.core.ledger.LedgerException;
import io.parallelplan.core.ledger.RunLedger;
import io.parallelplan.core.pipeline.BranchCoordinator;
import io.parallelplan.core.pipeline.BuildPageReport;
import io.parallelplan.core.pipeline.PipelineOptions;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.validate.LoadedPlan;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a {@code parallelPlan} block keeps in the build directory ({@code parallel-plan/<block>/}) so that it survives
 * a controller restart: the plan text it ran, the step's parameters, and core's run ledger (journal, snapshot,
 * result).
 */
final class PlanRunFolder {
    private static final Logger LOGGER = Logger.getLogger(PlanRunFolder.class.getName());
    private static final String PLAN = BuildPageReport.PLAN_FILE;
    private static final String STEP = "step.properties";

    private final Path directory;
    private RunLedger ledger;

    private PlanRunFolder(Path directory) {
        this.directory = directory;
    }

    static PlanRunFolder of(Run<?, ?> run, PlanRunRef ref) {
        return new PlanRunFolder(directory(run, ref.blockId()));
    }

    /** {@code <build>/parallel-plan/<block>}. */
    static Path directory(Run<?, ?> run, String blockId) {
        return run.getRootDir().toPath().resolve("parallel-plan").resolve(blockId);
    }

    boolean exists() {
        return Files.isRegularFile(directory.resolve(PLAN)) && Files.isRegularFile(directory.resolve(STEP));
    }

    /** Saves the plan and the step's parameters, then starts the ledger and the coordinator over it. */
    BranchCoordinator start(
            String runId, String file, String json, LoadedPlan plan, ParallelPlanStep step, RunOptions options)
            throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(PLAN), json, StandardCharsets.UTF_8);
        Properties properties = new Properties();
        properties.setProperty("file", file);
        properties.setProperty("maxParallel", Integer.toString(step.getMaxParallel()));
        properties.setProperty("failurePolicy", step.getFailurePolicy());
        properties.setProperty("minScore", Double.toString(step.getMinScore()));
        properties.setProperty("retries", Integer.toString(step.getRetries()));
        properties.setProperty("timeoutMinutes", Integer.toString(step.getTimeoutMinutes()));
        try (Writer out = Files.newBufferedWriter(directory.resolve(STEP), StandardCharsets.UTF_8)) {
            properties.store(out, "parallelPlan step parameters");
        }
        LoadedPlan branches = BranchCoordinator.branchPlan(plan);
        try {
            return BranchCoordinator.of(
                    observer -> {
                        ledger = RunLedger.create(directory, runId, branches, options, Instant.now(), observer);
                        return ledger.scheduler();
                    },
                    file);
        } catch (LedgerException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** After a restart: the coordinator over the ledger replayed from the journal. */
    BranchCoordinator restore(LoadedPlan plan) throws IOException {
        LoadedPlan branches = BranchCoordinator.branchPlan(plan);
        try {
            return BranchCoordinator.of(
                    observer -> {
                        ledger = RunLedger.restore(directory, branches, observer);
                        return ledger.scheduler();
                    },
                    file());
        } catch (LedgerException e) {
            throw new AbortException(e.getMessage());
        }
    }

    String planJson() throws IOException {
        return Files.readString(directory.resolve(PLAN), StandardCharsets.UTF_8);
    }

    String file() throws IOException {
        return properties().getProperty("file");
    }

    /** The block's options, from the saved step parameters. */
    RunOptions options() throws IOException {
        Properties p = properties();
        return PipelineOptions.of(
                Integer.parseInt(p.getProperty("maxParallel")),
                p.getProperty("failurePolicy"),
                Double.parseDouble(p.getProperty("minScore")),
                Integer.parseInt(p.getProperty("retries")),
                Integer.parseInt(p.getProperty("timeoutMinutes")));
    }

    private Properties properties() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve(STEP), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    /** Writes the final snapshot and result; the folder stays for the record. */
    void close() {
        if (ledger != null) {
            try {
                ledger.close();
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "cannot close the run ledger in " + directory, e);
            }
        }
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
