import io.parallelplan.core.discover.DiscoveredPlan;
import io.parallelplan.core.discover.MarkdownDiscovery;
import io.parallelplan.core.discover.ParallelJsonWriter;
import io.parallelplan.core.status.PlanStatus;
import io.parallelplan.core.status.StatusJson;
import io.parallelplan.core.status.StatusReader;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * In-process timing of status and discover on the plan folder bench/workflow.sh builds (JVM start excluded): the
 * first (cold) call, then the median of 20 warm calls, in wall-clock and in CPU time of the calling thread (the
 * latter is what a loaded machine does not inflate much). Run by bench/workflow.sh; by hand:
 * {@code java -cp cli/target/parallel-plan.jar bench/WorkflowBench.java <plan-folder>}.
 */
public class WorkflowBench {
    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        Path markdown = folder.resolve("PLAN_BENCH.md");
        time("status (read + JSON)", () -> {
            PlanStatus s = new StatusReader().read(folder);
            return StatusJson.render(s).length();
        });
        time("discover (read + write JSON)", () -> {
            DiscoveredPlan d = new MarkdownDiscovery().discover(markdown);
            return new ParallelJsonWriter().write(d, LocalDate.of(2026, 1, 1)).length();
        });
    }

    interface Work {
        int run();
    }

    static void time(String label, Work work) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = cpu.getCurrentThreadCpuTime();
        int size = work.run();
        double cold = (System.nanoTime() - start) / 1e6;
        double coldCpu = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e6;
        double[] warm = new double[20];
        double[] warmCpu = new double[20];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            size += work.run();
            warm[i] = (System.nanoTime() - t) / 1e6;
            warmCpu[i] = (cpu.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        System.out.printf("%-30s in-process: first call %.0f ms (%.0f ms CPU), warm median %.1f ms (%.1f ms CPU);"
                + " output %d chars%n", label, cold, coldCpu, warm[warm.length / 2], warmCpu[warm.length / 2],
                size / (warm.length + 1));
    }
}
