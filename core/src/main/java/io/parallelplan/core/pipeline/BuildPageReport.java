package io.parallelplan.core.pipeline;

import io.parallelplan.core.ledger.RunLedger;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.report.HtmlReportRenderer;
import io.parallelplan.core.report.RunReports;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The HTML report of a Pipeline run for the build page, from the folder a {@code parallelPlan} block keeps: the plan
 * text it ran ({@value #PLAN_FILE}) and its run ledger. Every value in it is escaped by core's renderer, so a view
 * may emit it as it is.
 */
public final class BuildPageReport {
    /** The plan text a block keeps beside its ledger. */
    public static final String PLAN_FILE = "plan.json";

    private BuildPageReport() {}

    /**
     * The report fragment (no inline script) as of now: final once the block ended, else the states so far.
     *
     * @param folder the block's folder
     * @param file the plan's path as the user named it
     * @param runId the build's id, shown in the report
     * @throws UncheckedIOException when the plan text cannot be read
     * @throws io.parallelplan.core.ledger.LedgerException when the ledger cannot be read
     */
    public static String html(Path folder, String file, String runId) {
        String json;
        try {
            json = Files.readString(folder.resolve(PLAN_FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoadedPlan plan = BranchCoordinator.branchPlan(
                new PlanLoader().load(new PlanParser().parse(json, Path.of(file))));
        RunResult result = RunLedger.read(folder).result();
        return new HtmlReportRenderer().fragment(RunReports.ofRun(plan, runId, result, List.of(), Map.of()), false);
    }
}
