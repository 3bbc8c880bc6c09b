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
        launcher = new ProcessLauncher(dir, Map.of("PLAN_VAR", "plan"));
        Path log = dir.resolve("logs/sub/x.attempt-1.log");

        RunningAttempt a = launcher.start("1.1", 1, "pwd; echo $PLAN_VAR $ATTEMPT_VAR; echo oops >&2; exit 3", log,
                Map.of("ATTEMPT_VAR", "one"), (attempt, code) -> exits.add(code));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(a.id()).isEqualTo("1.1");
        assertThat(Files.readAllLines(log)).containsExactly(dir.toRealPath().toString(), "plan one", "oops");
    }

    @Test
    void shouldKillGrandchildrenWhenKillingAnAttempt() throws Exception {
        launcher = new ProcessLauncher(dir, Map.of());
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
        launcher = new ProcessLauncher(dir, Map.of());
        Path pidFile = dir.resolve("pid");
        RunningAttempt a = launcher.start("1.1", 1, "trap '' TERM; echo $$ > pid; while :; do sleep 0.1; done",
                dir.resolve("log"), Map.of(), (attempt, code) -> exits.add(code));
        awaitPid(pidFile);

        launcher.killTree(a, Duration.ofMillis(300));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(137);
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
