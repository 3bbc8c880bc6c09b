package io.parallelplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Small plans for the run command's tests, written as real parallel.json files, and a way to run the CLI. */
final class RunPlans {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunPlans() {}

    /** What the CLI printed and returned. */
    record Result(int code, String out, String err) {}

    /** One achievement; {@code command} may be null. */
    static Map<String, Object> achievement(String id, String command, String... dependencies) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("achievement_id", id);
        a.put("title", "Achievement " + id);
        a.put("dependencies", Arrays.asList(dependencies));
        if (command != null) {
            a.put("command", command);
        }
        return a;
    }

    /** Sets a field of an achievement and returns it. */
    static Map<String, Object> with(Map<String, Object> achievement, String field, Object value) {
        achievement.put(field, value);
        return achievement;
    }

    /** Writes {@code dir/parallel.json} and returns the folder. */
    @SafeVarargs
    static Path plan(Path dir, Map<String, Object>... achievements) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("plan_name", "TEST-PLAN");
        root.put("achievements", List.of(achievements));
        Files.createDirectories(dir);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("parallel.json").toFile(), root);
        return dir;
    }

    /** A command that appends {@code id} to the folder's {@code markers} file: counts executions. */
    static String mark(String id) {
        return "echo " + id + " >> markers";
    }

    /** The lines of {@code markers}: one per execution. */
    static List<String> markers(Path dir) throws IOException {
        Path file = dir.resolve("markers");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** Runs {@code parallel-plan run ARGS} in this JVM. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>();
        all.add("run");
        all.addAll(List.of(args));
        int code = cl.execute(all.toArray(new String[0]));
        return new Result(code, out.toString(), err.toString());
    }

    /** The only run folder under the plan's default state folder. */
    static Path onlyRun(Path planDir) throws IOException {
        try (var runs = Files.list(planDir.resolve(".parallel-plan/runs"))) {
            List<Path> all = runs.toList();
            if (all.size() != 1) {
                throw new AssertionError("expected one run folder, found " + all);
            }
            return all.get(0);
        }
    }
}
