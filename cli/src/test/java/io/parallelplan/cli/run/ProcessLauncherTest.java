package io.parallelplan.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessLauncherTest {
    @TempDir
    Path dir;

    private ProcessLauncher launcher;
    private final BlockingQueue<Integer> exits = new ArrayBlockingQueue<>(4);

    @AfterEach
    void close() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void shouldRunTheCommandInTheWorkdirWithItsVariablesAndLogItsOutput() throws Exception {
        launcher = new ProcessLauncher(dir, Map.of("PLAN_VAR", "plan"), false);
        Path log = dir.resolve("logs/sub/x.attempt-1.log");

        RunningAttempt a = launcher.start("1.1", 1, "pwd; echo $PLAN_VAR $ATTEMPT_VAR; echo oops >&2; exit 3", log,
                Map.of("ATTEMPT_VAR", "one"), (attempt, code) -> exits.add(code));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(a.id()).isEqualTo("1.1");
        assertThat(Files.readAllLines(log)).containsExactly(dir.toRealPath().toString(), "plan one", "oops");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldKillGrandchildrenWhenKillingAnAttempt(boolean ownSessions) throws Exception {
        launcher = new ProcessLauncher(dir, Map.of(), ownSessions);
        Path pidFile = dir.resolve("pid");
        RunningAttempt a = launcher.start("1.1", 1, "sleep 60 & echo $! > pid; wait", dir.resolve("log"), Map.of(),
                (attempt, code) -> exits.add(code));
        long pid = awaitPid(pidFile);
        assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive);

        launcher.killTree(a, Duration.ofSeconds(2));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isNotNull().isNotZero();
        assertThat(awaitDeath(pid)).as("background sleep %d still alive", pid).isTrue();
    }

    @Test
    void shouldForceAProcessThatIgnoresSigterm() throws Exception {
        launcher = new ProcessLauncher(dir, Map.of(), true);
        Path pidFile = dir.resolve("pid");
        RunningAttempt a = launcher.start("1.1", 1, "trap '' TERM; echo $$ > pid; while :; do sleep 0.1; done",
                dir.resolve("log"), Map.of(), (attempt, code) -> exits.add(code));
        awaitPid(pidFile);

        launcher.killTree(a, Duration.ofMillis(300));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(137);
    }

    @Test
    void shouldStartOnlyCommandsWithoutShellSyntaxDirectly() {
        assertThat(ProcessLauncher.simpleCommand("make -j4 all FOO=bar")).containsExactly("make", "-j4", "all", "FOO=bar");
        assertThat(ProcessLauncher.simpleCommand(" true ")).containsExactly("true");
        assertThat(ProcessLauncher.simpleCommand("exit 3")).isNull();
        assertThat(ProcessLauncher.simpleCommand("cd build")).isNull();
        assertThat(ProcessLauncher.simpleCommand("FOO=1 make")).isNull();
        assertThat(ProcessLauncher.simpleCommand("echo $HOME")).isNull();
        assertThat(ProcessLauncher.simpleCommand("ls *.txt")).isNull();
        assertThat(ProcessLauncher.simpleCommand("a && b")).isNull();
        assertThat(ProcessLauncher.simpleCommand("echo 'x'")).isNull();
        assertThat(ProcessLauncher.simpleCommand("echo a\nb")).isNull();
    }

    @Test
    void shouldLetTheShellReportAProgramThatDoesNotExist() throws Exception {
        launcher = new ProcessLauncher(dir, Map.of(), false);
        Path log = dir.resolve("log");

        launcher.start("1.1", 1, "no-such-program-here --flag", log, Map.of(), (attempt, code) -> exits.add(code));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(127);
        assertThat(log).content().contains("no-such-program-here").contains("not found");
    }

    @Test
    void shouldLeaveNoLogWhenNothingIsPrinted() throws Exception {
        launcher = new ProcessLauncher(dir, Map.of(), false);
        Path log = dir.resolve("logs/quiet.log");

        launcher.start("1.1", 1, "true", log, Map.of(), (attempt, code) -> exits.add(code));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isZero();
        assertThat(log).doesNotExist();
    }

    private static long awaitPid(Path file) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (Files.exists(file) && !Files.readString(file).isBlank()) {
                return Long.parseLong(Files.readString(file).trim());
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no pid written to " + file);
    }

    private static boolean awaitDeath(long pid) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(25);
        }
        return false;
    }
}
