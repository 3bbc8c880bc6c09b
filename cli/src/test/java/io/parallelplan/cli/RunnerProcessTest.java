package io.parallelplan.cli;

import static io.parallelplan.cli.RunPlans.achievement;
import static io.parallelplan.cli.RunPlans.mark;
import static io.parallelplan.cli.RunPlans.markers;
import static io.parallelplan.cli.RunPlans.onlyRun;
import static io.parallelplan.cli.RunPlans.plan;
import static io.parallelplan.cli.RunPlans.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.cli.RunPlans.Result;
import io.parallelplan.core.ledger.LedgerState;
import io.parallelplan.core.ledger.RunLedger;
import io.parallelplan.core.schedule.TaskRecord;
import io.parallelplan.core.schedule.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner as a separate JVM, stopped by signals the way a user or a CI agent stops it. */
class RunnerProcessTest {
    @TempDir
    Path dir;

    private Process runner;
    private final List<Long> groupsToKill = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        if (runner != null) {
            runner.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        for (long group : groupsToKill) {
            new ProcessBuilder("/bin/sh", "-c", "kill -s KILL -- -" + group + " 2>/dev/null").start().waitFor();
        }
    }

    @Test
    void shouldCancelRunningAttemptsAndSaveTheLedgerOnSigint() throws Exception {
        plan(dir, achievement("1.1", "true"), achievement("1.2", "sleep 30 & echo $! > sleeper.pid; wait"),
                achievement("1.3", "sleep 30"), achievement("2.1", "true", "1.2"));
        runner = startRunner(dir.toString(), "--max-parallel", "3");
        assertThat(ProcessWaits.contains(dir.resolve("runner.out"), "1.1 SUCCEEDED", 20_000))
                .as(output()).isTrue();
        assertThat(ProcessWaits.within(5_000, () -> Files.exists(dir.resolve("sleeper.pid")))).isTrue();

        new ProcessBuilder("kill", "-INT", Long.toString(runner.pid())).start().waitFor();

        assertThat(runner.waitFor(20, TimeUnit.SECONDS)).as(output()).isTrue();
        assertThat(runner.exitValue()).as(output()).isEqualTo(ExitCodes.INTERRUPTED);
        LedgerState ledger = RunLedger.read(onlyRun(dir));
        assertThat(states(ledger)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "1.1", TaskState.SUCCEEDED, "1.2", TaskState.CANCELLED, "1.3", TaskState.CANCELLED,
                "2.1", TaskState.CANCELLED));
        assertThat(ledger.tornLineDropped()).isFalse();
        assertThat(output()).contains("Interrupted by SIGINT").contains("To resume: ");
        long sleeper = Long.parseLong(Files.readString(dir.resolve("sleeper.pid")).trim());
        assertThat(ProcessWaits.dies(sleeper)).as("the attempt's background sleep %d was killed", sleeper).isTrue();
    }

    @Test
    void shouldCancelAttemptsThatTheSameSigintReachedFirst() throws Exception {
        // A terminal's Ctrl-C (or a CI agent) signals the whole process group: the runner and its attempts.
        plan(dir, achievement("1.1", "true"), achievement("1.2", "sleep 30"), achievement("1.3", "sleep 30"),
                achievement("2.1", "true", "1.2"));
        runner = startRunner(true, dir.toString(), "--max-parallel", "3");
        assertThat(ProcessWaits.contains(dir.resolve("runner.out"), "1.3 RUNNING", 20_000)).as(output()).isTrue();
        assertThat(ProcessWaits.contains(dir.resolve("runner.out"), "1.1 SUCCEEDED", 5_000)).as(output()).isTrue();

        new ProcessBuilder("/bin/sh", "-c", "kill -s INT -- -" + runner.pid()).start().waitFor();

        assertThat(runner.waitFor(20, TimeUnit.SECONDS)).as(output()).isTrue();
        assertThat(runner.exitValue()).as(output()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(states(RunLedger.read(onlyRun(dir)))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "1.1", TaskState.SUCCEEDED, "1.2", TaskState.CANCELLED, "1.3", TaskState.CANCELLED,
                "2.1", TaskState.CANCELLED));
    }

    @Test
    void shouldResumeAfterSigkillWithoutRerunningFinishedAchievements() throws Exception {
        plan(dir, achievement("1.1", mark("1.1")), achievement("1.2", mark("1.2")),
                achievement("1.3", "echo $$ > slow.pid; [ -f go ] || sleep 30; " + mark("1.3")),
                achievement("2.1", mark("2.1"), "1.3"));
        runner = startRunner(dir.toString(), "--max-parallel", "3");
        assertThat(ProcessWaits.contains(dir.resolve("runner.out"), "1.2 SUCCEEDED", 20_000)).as(output()).isTrue();
        assertThat(ProcessWaits.contains(dir.resolve("runner.out"), "1.1 SUCCEEDED", 5_000)).as(output()).isTrue();
        assertThat(ProcessWaits.within(5_000, () -> Files.exists(dir.resolve("slow.pid")))).isTrue();
        groupsToKill.add(Long.parseLong(Files.readString(dir.resolve("slow.pid")).trim()));

        runner.destroyForcibly(); // SIGKILL: no handler runs, nothing is saved on the way out
        assertThat(runner.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Files.writeString(dir.resolve("go"), "");

        Result resumed = run(dir.toString(), "--resume");

        assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("1.1 SKIPPED (done in run ").contains("1.2 SKIPPED (done in run ");
        assertThat(markers(dir)).containsExactlyInAnyOrder("1.1", "1.2", "1.3", "2.1");
    }

    private Process startRunner(String... args) throws IOException {
        return startRunner(false, args);
    }

    /** Starts the runner; with {@code ownGroup}, as the leader of a new process group (its pid is the group's id). */
    private Process startRunner(boolean ownGroup, String... args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        if (ownGroup) {
            command.add("setsid");
        }
        command.addAll(List.of(
                java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                App.class.getName(), "run"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("runner.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    private String output() {
        try {
            return Files.readString(dir.resolve("runner.out"));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static Map<String, TaskState> states(LedgerState ledger) {
        return ledger.records().stream().collect(Collectors.toMap(TaskRecord::id, TaskRecord::state));
    }
}
