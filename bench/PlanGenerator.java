import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Benchmark input generator (not part of the shipped CLI): writes a random acyclic plan and the same edges for
 * {@code tsort}. Node i depends on up to {@code degree} distinct earlier nodes chosen at random, so the plan has
 * about {@code degree * n} edges and is always a DAG.
 *
 * <p>Run with the JDK's single-file launcher: {@code java bench/PlanGenerator.java N DEGREE SEED plan.json edges.txt}
 * (the edge file is optional).
 */
public final class PlanGenerator {
    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: java PlanGenerator.java ACHIEVEMENTS DEGREE SEED PLAN_JSON [EDGES_TXT]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        int degree = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
        Path plan = Path.of(args[3]);
        Path edges = args.length > 4 ? Path.of(args[4]) : null;
        long edgeCount = 0;
        int[] deps = new int[degree];
        try (BufferedWriter json = Files.newBufferedWriter(plan, StandardCharsets.UTF_8);
                BufferedWriter tsort = edges == null ? null : Files.newBufferedWriter(edges, StandardCharsets.UTF_8)) {
            json.write("{\n  \"plan_name\": \"GENERATED-" + n + "\",\n  \"parallelization_level\": \"level_2\",\n");
            json.write("  \"achievements\": [\n");
            for (int i = 0; i < n; i++) {
                int k = 0;
                int want = Math.min(i, degree);
                while (k < want) {
                    int d = random.nextInt(i);
                    boolean seen = false;
                    for (int j = 0; j < k; j++) {
                        seen |= deps[j] == d;
                    }
                    if (!seen) {
                        deps[k++] = d;
                    }
                }
                StringBuilder line = new StringBuilder(160);
                line.append("    {\"achievement_id\": \"").append(id(i)).append("\", \"title\": \"Generated step ")
                        .append(i).append("\", \"dependencies\": [");
                for (int j = 0; j < k; j++) {
                    line.append(j == 0 ? "\"" : ", \"").append(id(deps[j])).append('"');
                    if (tsort != null) {
                        tsort.write(id(deps[j]) + " " + id(i) + "\n");
                    }
                }
                edgeCount += k;
                int hours = 1 + random.nextInt(8);
                line.append("], \"estimated_hours\": ");
                if (i % 4 == 0) {
                    line.append('"').append(hours).append('-').append(hours + 2).append('"');
                } else {
                    line.append(hours);
                }
                line.append(i + 1 < n ? "},\n" : "}\n");
                json.write(line.toString());
                if (tsort != null && k == 0) {
                    tsort.write(id(i) + " " + id(i) + "\n"); // tsort's way of listing a node without edges
                }
            }
            json.write("  ]\n}\n");
        }
        System.err.println("generated " + n + " achievements, " + edgeCount + " dependency edges: " + plan);
    }

    /**
     * The id of node i: {@code <block>.<nnnn>}, 1,000 nodes a block, the second part written with four digits
     * ({@code 1.0001} ... {@code 1.1000}, {@code 2.0001}, ...) so that no two ids make the same number in the
     * methodology's file names (without the padding, {@code 1.11} and {@code 11.1} both become {@code 111}).
     */
    static String id(int i) {
        int n = i % 1000 + 1;
        return (i / 1000 + 1) + "." + (n < 10 ? "000" : n < 100 ? "00" : n < 1000 ? "0" : "") + n;
    }
}
