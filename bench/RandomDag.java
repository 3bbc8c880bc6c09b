import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * Writes one random DAG twice, as a parallel.json and as an equivalent Makefile, for bench/runner-vs-make.sh.
 *
 * <p>Usage: java bench/RandomDag.java OUT_DIR COUNT SEED (true | sleep MIN_S MAX_S) EXECUTORS
 *
 * <p>Achievement i depends on up to three achievements among the 50 before it. With "sleep", each achievement sleeps
 * a random duration, also written as its estimated_hours (in seconds, so the runner's critical-path priority sees
 * the real durations). Prints the sum of durations, the critical path and the lower bound
 * max(critical path, sum / EXECUTORS) in seconds.
 */
public final class RandomDag {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        boolean sleep = args[3].equals("sleep");
        double min = sleep ? Double.parseDouble(args[4]) : 0;
        double max = sleep ? Double.parseDouble(args[5]) : 0;
        int executors = Integer.parseInt(args[sleep ? 6 : 4]);
        Random random = new Random(seed);
        List<TreeSet<Integer>> deps = new ArrayList<>();
        double[] seconds = new double[n];
        double[] longest = new double[n];
        double total = 0;
        double critical = 0;
        for (int i = 0; i < n; i++) {
            TreeSet<Integer> d = new TreeSet<>();
            int count = i == 0 ? 0 : random.nextInt(4);
            for (int k = 0; k < count; k++) {
                d.add(Math.max(0, i - 1 - random.nextInt(Math.min(i, 50))));
            }
            deps.add(d);
            seconds[i] = sleep ? Math.round((min + random.nextDouble() * (max - min)) * 1000) / 1000.0 : 0;
            double before = 0;
            for (int j : d) {
                before = Math.max(before, longest[j]);
            }
            longest[i] = before + seconds[i];
            critical = Math.max(critical, longest[i]);
            total += seconds[i];
        }
        Files.createDirectories(out);
        StringBuilder json = new StringBuilder("{\n  \"plan_name\": \"BENCH\",\n  \"achievements\": [\n");
        StringBuilder make = new StringBuilder(".PHONY: all");
        for (int i = 0; i < n; i++) {
            make.append(" a").append(i);
        }
        make.append("\nall:");
        for (int i = 0; i < n; i++) {
            make.append(" a").append(i);
        }
        make.append('\n');
        for (int i = 0; i < n; i++) {
            String command = sleep ? String.format(Locale.ROOT, "sleep %.3f", seconds[i]) : "true";
            json.append("    {\"achievement_id\": \"a").append(i).append("\", \"dependencies\": [");
            StringBuilder prerequisites = new StringBuilder();
            boolean first = true;
            for (int j : deps.get(i)) {
                json.append(first ? "" : ", ").append("\"a").append(j).append('"');
                prerequisites.append(" a").append(j);
                first = false;
            }
            json.append("], \"estimated_hours\": ")
                    .append(sleep ? String.format(Locale.ROOT, "%.3f", seconds[i]) : "1")
                    .append(", \"command\": \"").append(command).append("\"}")
                    .append(i + 1 < n ? ",\n" : "\n");
            make.append('a').append(i).append(':').append(prerequisites).append("\n\t@").append(command).append('\n');
        }
        json.append("  ]\n}\n");
        Files.writeString(out.resolve("parallel.json"), json);
        Files.writeString(out.resolve("Makefile"), make);
        System.out.printf(Locale.ROOT, "total=%.3f critical=%.3f lower_bound=%.3f%n",
                total, critical, Math.max(critical, total / executors));
    }
}
