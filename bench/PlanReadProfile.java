import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.parse.ParsedPlan;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.validate.PlanValidator;
import io.parallelplan.core.validate.ValidationReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Where the time of {@code validate} and {@code analyze} goes (docs/performance.md, "Plan scale"), measured inside
 * one JVM: the CPU and wall time of each phase (read the JSON, build the graph, validate, analyze), first call of a
 * fresh JVM — the same work a command does once — then the same again {@code repeats} times (warm). Bench-only: run
 * it with the launcher's JVM flags and the CLI jar on the class path, as bench/plan-scale.sh does with PROFILE=1:
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:Tier3BackEdgeThreshold=5000 -cp cli/target/parallel-plan.jar bench/PlanReadProfile.java PLAN [REPEATS]</pre>
 */
public final class PlanReadProfile {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        Path plan = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        for (int round = 0; round <= repeats; round++) {
            long[] t = new long[2];
            start(t);
            ParsedPlan parsed = new PlanParser().parse(plan);
            String read = lap(t);
            PlanGraph graph = PlanGraph.of(parsed.plan().achievements());
            String build = lap(t);
            ValidationReport report = new PlanValidator().validate(parsed, graph);
            String validate = lap(t);
            PlanAnalysis analysis = new PlanAnalyzer().analyze(graph, PlanAnalyzer.UNLIMITED);
            String analyze = lap(t);
            System.out.printf("%s: read %s, graph %s, validate %s, analyze %s (%d achievements, %d edges, %d findings,"
                    + " %d levels)%n", round == 0 ? "first" : "again", read, build, validate, analyze, graph.size(),
                    graph.edgeCount(), report.findings().size(), analysis.levels().size());
        }
    }

    private static void start(long[] t) {
        t[0] = System.nanoTime();
        t[1] = THREADS.getCurrentThreadCpuTime();
    }

    /** "CPU ms / wall ms" since the last lap. */
    private static String lap(long[] t) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        String s = String.format("%d/%d ms", (cpu - t[1]) / 1_000_000, (wall - t[0]) / 1_000_000);
        t[0] = wall;
        t[1] = cpu;
        return s;
    }
}
