import io.parallelplan.core.ledger.RunLedger;
import io.parallelplan.core.report.HtmlReportRenderer;
import io.parallelplan.core.report.RunReports;
import io.parallelplan.core.report.ReportSnapshot;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.RunListener;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Report scale benchmark (issue 5). Writes a plan of N achievements in layers of WIDTH (each depending on 1-3 of
 * the two layers before, titles of ~50 characters) into DIR/parallel.json, records a finished run of it on 8 slots
 * through the real scheduler and ledger (about 2% of attempts fail, a failed attempt is retried once), then renders
 * the run's HTML report (ledger read, snapshot, HTML) REPEATS times in this JVM and prints each time (CPU and wall;
 * the first is cold) and the size.
 *
 * Usage: java -cp cli/target/parallel-plan.jar bench/ReportScale.java DIR [N] [WIDTH] [REPEATS]
 */
public class ReportScale {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Files.createDirectories(dir);
        Random random = new Random(42);
        StringBuilder json = new StringBuilder("{\"plan_name\": \"report-scale\", \"achievements\": [\n");
        for (int i = 0; i < n; i++) {
            int layer = i / width;
            json.append(i == 0 ? "" : ",\n").append("{\"achievement_id\": \"a").append(i)
                    .append("\", \"title\": \"Generated achievement number ").append(i)
                    .append(" of the report scale test\", \"estimated_hours\": ").append(0.5 + random.nextInt(8) / 2.0)
                    .append(", \"retries\": 1, \"dependencies\": [");
            if (layer > 0) {
                List<String> deps = new ArrayList<>();
                for (int k = random.nextInt(3); k >= 0; k--) {
                    int from = (layer - 1 - random.nextInt(Math.min(layer, 2))) * width;
                    String d = "\"a" + (from + random.nextInt(width)) + "\"";
                    if (!deps.contains(d)) {
                        deps.add(d);
                    }
                }
                json.append(String.join(", ", deps));
            }
            json.append("]}");
        }
        json.append("\n]}\n");
        Files.writeString(dir.resolve("parallel.json"), json, StandardCharsets.UTF_8);
        LoadedPlan loaded = new PlanLoader().loadValid(dir);
        String runId = "20260101-000000-000";
        Path runDir = dir.resolve(".parallel-plan/runs/" + runId);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (RunLedger ledger = RunLedger.create(runDir, runId, loaded, RunOptions.builder().maxParallel(8).build(),
                t0, RunListener.NONE)) {
            simulate(ledger.scheduler(), t0, random);
        }
        System.out.println("plan_and_run_written=" + dir);
        // CPU time of this thread as well as wall time: on a shared, loaded machine the wall time mostly measures
        // the queue for a core.
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < repeats; r++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            ReportSnapshot snapshot = RunReports.ofLedger(loaded, runDir, (id, attempt) -> null);
            String html = new HtmlReportRenderer().page(snapshot);
            System.out.println("ledger_to_html[" + r + "]: cpu_ms=" + (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000
                    + " wall_ms=" + (System.nanoTime() - wall) / 1_000_000
                    + " bytes=" + html.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    /** Runs the plan on 8 slots in simulated time: each attempt takes 5-125 s. */
    private static void simulate(Scheduler s, Instant t0, Random random) {
        PriorityQueue<Object[]> running = new PriorityQueue<>((a, b) -> ((Instant) a[0]).compareTo((Instant) b[0]));
        Instant now = t0;
        while (!s.isFinished()) {
            for (String id : s.startable()) {
                if (running.size() >= 8) {
                    break;
                }
                s.start(id, now);
                running.add(new Object[] {now.plusMillis(5_000 + random.nextInt(120_000)), id});
            }
            Object[] next = running.poll();
            if (next == null) {
                break;
            }
            now = (Instant) next[0];
            boolean fails = random.nextInt(50) == 0;
            s.finish((String) next[1], fails ? AttemptOutcome.failure(1, "simulated failure") : AttemptOutcome.success(),
                    now);
        }
    }
}
