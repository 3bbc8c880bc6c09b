package io.parallelplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@link QuickRun} reads a command line only when it reads it exactly as picocli does, and then runs the same. */
class QuickRunTest {
    private static final List<String> NAMES = List.of("--max-parallel", "--retries", "--min-score", "--timeout",
            "--policy", "--exec", "--format", "--workdir", "--state-dir", "--report", "--only", "--drain", "--with-deps",
            "--dry-run", "--resume", "--help", "-h", "-V", "--version", "--bogus", "--max-paralel", "--", "-");
    private static final List<String> WORDS = List.of("8", "0", "1", "08", "-1", "+3", "2147483648", "1.5", "0.9",
            "1e3", ".5", "abc", "json", "text", "keep-going", "a,b", "a,,b", "a,", "'x'", "\"q\"", "@file", "", "x=y",
            "make {nn}", "true", "run", "plan", "dir/plan", "a b", "--drain", "1.2,2.1", "ünï", "nul\u0000l");

    @Property(tries = 3000)
    void acceptsOnlyWhatPicocliReadsTheSameWay(@ForAll("commandLines") List<String> line) {
        String[] args = line.toArray(String[]::new);
        RunCommand quick = QuickRun.of(args);
        Statistics.label("accepted").collect(quick != null);
        Statistics.label("accepted").coverage(c -> c.check(true).percentage(p -> p > 3));
        if (quick == null) {
            return;
        }
        CommandLine cl = Cli.commandLine(args);
        assertThatCode(() -> cl.parseArgs(args)).as("picocli reads %s", line).doesNotThrowAnyException();
        RunCommand picocli = cl.getSubcommands().get("run").getCommand();
        assertThat(fields(quick)).as("fields of %s", line).isEqualTo(fields(picocli));
    }

    @Test
    void readsThePlainFormsAndLeavesTheRestToPicocli() {
        assertThat(QuickRun.of("run", "plan", "--max-parallel", "8", "--format", "json")).isNotNull();
        assertThat(QuickRun.of("run", "--exec=make {nn}", "plan", "--only", "1.1,2.1", "--with-deps", "--dry-run"))
                .isNotNull();
        for (String[] declined : List.of(new String[] {"run"}, new String[] {"run", "--help"},
                new String[] {"run", "plan", "--resume"}, new String[] {"run", "@args"},
                new String[] {"run", "plan", "--drain", "--drain"}, new String[] {"run", "plan", "other"},
                new String[] {"run", "plan", "--max-parallel"}, new String[] {"run", "plan", "--max-parallel", "-1"},
                new String[] {"run", "plan", "--", "x"}, new String[] {"validate", "plan"},
                new String[] {"run", "plan", "--exec", "--dry-run"})) {
            assertThat(QuickRun.of(declined)).as(Arrays.toString(declined)).isNull();
        }
    }

    @Test
    void runsAsPicocliRuns(@TempDir Path dir) throws Exception {
        Path plan = CliRun.planFile(dir, """
                {"plan_name": "Q", "achievements": [
                  {"achievement_id": "1.1", "title": "One", "dependencies": []},
                  {"achievement_id": "1.2", "dependencies": ["1.1"], "command": "make"}]}
                """);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"plan_name\": \"Q\", \"achievements\": [");
        for (String[] args : List.of(
                new String[] {"run", plan.toString(), "--exec", "echo {id}", "--dry-run", "--max-parallel", "2"},
                new String[] {"run", plan.toString(), "--exec=true", "--dry-run", "--max-parallel", "0"},
                new String[] {"run", plan.toString(), "--dry-run", "--report", "r.html"},
                new String[] {"run", plan.toString(), "--dry-run"},
                new String[] {"run", broken.toString(), "--exec", "true"},
                new String[] {"run", dir.resolve("missing").toString()})) {
            assertThat(QuickRun.of(args)).as(Arrays.toString(args)).isNotNull();
            assertThat(quickly(args)).as(Arrays.toString(args)).isEqualTo(CliRun.of(args));
        }
    }

    /** {@link QuickRun#execute} with the standard streams captured. */
    private static CliRun quickly(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = QuickRun.execute(QuickRun.of(args), args);
            System.out.flush();
            System.err.flush();
            return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static List<Object> fields(RunCommand c) {
        return Arrays.asList(c.planArgument, c.maxParallel, c.policy, c.minScore, c.drain, c.retries,
                c.timeoutMinutes, c.only, c.withDeps, c.exec, c.workdir, c.stateDir, c.dryRun, c.resume, c.report,
                c.format);
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<List<String>> segment = Arbitraries.oneOf(
                Arbitraries.of(NAMES).map(List::of),
                Arbitraries.of(WORDS).map(List::of),
                Arbitraries.of(NAMES).flatMap(n -> Arbitraries.of(WORDS).map(w -> List.of(n, w))),
                Arbitraries.of(NAMES).flatMap(n -> Arbitraries.of(WORDS).map(w -> List.of(n + "=" + w))));
        return segment.list().ofMaxSize(6).map(segments -> {
            List<String> line = new ArrayList<>(List.of("run"));
            segments.forEach(line::addAll);
            return line;
        });
    }
}
