package io.parallelplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that runs out of heap ends with one line that says so and how to give it more, never a stack trace. */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aPlanTooBigForTheHeapGetsOneLineAndExitCodeTwo() throws Exception {
        Path plan = dir.resolve("parallel.json");
        try (BufferedWriter w = Files.newBufferedWriter(plan, StandardCharsets.UTF_8)) {
            w.write("{\"plan_name\": \"BIG\", \"parallelization_level\": \"level_2\", \"achievements\": [\n");
            for (int i = 0; i < 200_000; i++) {
                w.write("{\"achievement_id\": \"" + (i / 1000 + 1) + "." + (i % 1000 + 1) + "\", \"title\": \"Step "
                        + i + "\", \"dependencies\": []}" + (i + 1 < 200_000 ? ",\n" : "\n"));
            }
            w.write("]}\n");
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(List.of(java, "-Xmx16m", "-XX:+UseSerialGC", "-cp",
                        System.getProperty("java.class.path"), App.class.getName(), "analyze", plan.toString()))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);

        assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.INVALID);
        assertThat(output.strip()).as("one line").doesNotContain("\n")
                .startsWith("parallel-plan: out of memory: ")
                .contains("heap limit of ")
                .endsWith("PARALLEL_PLAN_JAVA_OPTS=-Xmx1g");
        assertThat(output).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theAdviceGrowsWithTheLimit() {
        assertThat(App.outOfMemory(512L << 20)).contains("limit of 512 MB").endsWith("=-Xmx1g");
        assertThat(App.outOfMemory(1L << 30)).contains("limit of 1024 MB").endsWith("=-Xmx2g");
        assertThat(App.outOfMemory(3L << 30)).endsWith("=-Xmx6g");
    }
}
