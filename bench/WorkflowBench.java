import io.parallelplan.core.discover.DiscoveredPlan;
import io.parallelplan.core.discover.MarkdownDiscovery;
import io.parallelplan.core.discover.ParallelJsonWriter;
import io.parallelplan.core.status.PlanStatus;
import io.parallelplan.core.status.StatusJson;
import io.parallelplan.core.status.StatusReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * In-process timing of status and discover on the plan folder bench/workflow.sh builds (JVM start excluded): the
 * first (cold) call, then the median of 20 warm calls. Run by bench/workflow.sh; by hand:
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
        long start = System.nanoTime();
        int size = work.run();
        double cold = (System.nanoTime() - start) / 1e6;
        double[] warm = new double[20];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            size += work.run();
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf("%-30s in-process: first call %.0f ms, warm median %.1f ms (output %d chars)%n", label, cold,
                warm[warm.length / 2], size / (warm.length + 1));
    }
}
