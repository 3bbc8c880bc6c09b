package io.parallelplan.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The launcher behaves the same whichever way it starts attempts: through the process helper the build compiles
 * ({@code target/parallel-plan-spawn}) or through the JDK's process API, which it falls back to without the helper.
 */
class ProcessLauncherTest {
    /** How attempts are started. */
    enum Spawn {
        HELPER,
        JDK
    }

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

    private ProcessLauncher launcher(Spawn spawn, Map<String, String> environment, boolean ownSessions) {
        launcher = new ProcessLauncher(dir, environment, ownSessions, spawn == Spawn.HELPER ? helper() : null);
        assertThat(launcher.usesSpawnHelper()).isEqualTo(spawn == Spawn.HELPER);
        return launcher;
    }

    /** The helper the build compiled; the build needs a C compiler for it, which CI has (skipped elsewhere). */
    static Path helper() {
        Path helper = SpawnHelper.locate();
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(helper != null, "no " + SpawnHelper.FILE_NAME + " beside the classes: the build "
                    + "compiles it where /usr/bin/cc exists");
        }
        assertThat(helper).as("target/" + SpawnHelper.FILE_NAME).isNotNull();
        return helper;
    }

    @ParameterizedTest
    @EnumSource(Spawn.class)
    void shouldRunTheCommandInTheWorkdirWithItsVariablesAndLogItsOutput(Spawn spawn) throws Exception {
        launcher(spawn, Map.of("PLAN_VAR", "plan"), false);
        Path log = dir.resolve("logs/sub/x.attempt-1.log");

        RunningAttempt a = launcher.start("1.1", 1, "pwd; echo $PLAN_VAR $ATTEMPT_VAR; echo oops >&2; exit 3", log,
                Map.of("ATTEMPT_VAR", "one", "PLAN_VAR", "overridden"), (attempt, code) -> exits.add(code));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(a.id()).isEqualTo("1.1");
        assertThat(Files.readAllLines(log)).containsExactly(dir.toRealPath().toString(), "overridden one", "oops");
    }

    @Test
    void shouldGiveTheHelpersAttemptsNoInputAndDefaultSignalHandling() throws Exception {
        // The helper ignores SIGINT itself (the runner decides what stops), and a shell started with SIGINT ignored
        // could not trap it. (The JDK's children inherit whatever the runner was started with.)
        launcher(Spawn.HELPER, Map.of(), false);
        Path log = dir.resolve("log");

        launcher.start("1.1", 1, "trap 'echo caught' INT; kill -INT $$; read line || echo no-input", log, Map.of(),
                (attempt, code) -> exits.add(code));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isZero();
        assertThat(Files.readAllLines(log)).containsExactly("caught", "no-input");
    }

    @ParameterizedTest
    @EnumSource(Spawn.class)
    void shouldKillGrandchildrenWhenKillingAnAttempt(Spawn spawn) throws Exception {
        for (boolean ownSessions : new boolean[] {false, true}) {
            launcher(spawn, Map.of(), ownSessions);
            Path pidFile = dir.resolve("pid-" + ownSessions);
            RunningAttempt a = launcher.start("1.1", 1, "sleep 60 & echo $! > " + pidFile + "; wait",
                    dir.resolve("log"), Map.of(), (attempt, code) -> exits.add(code));
            long pid = awaitPid(pidFile);
            assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive);

            launcher.killTree(a, Duration.ofSeconds(2));

            assertThat(exits.poll(10, TimeUnit.SECONDS)).as("own sessions: %s", ownSessions).isNotNull().isNotZero();
            assertThat(awaitDeath(pid)).as("background sleep %d still alive (own sessions: %s)", pid, ownSessions)
                    .isTrue();
            launcher.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Spawn.class)
    void shouldForceAProcessThatIgnoresSigterm(Spawn spawn) throws Exception {
        launcher(spawn, Map.of(), true);
        Path pidFile = dir.resolve("pid");
        RunningAttempt a = launcher.start("1.1", 1, "trap '' TERM; echo $$ > pid; while :; do sleep 0.1; done",
                dir.resolve("log"), Map.of(), (attempt, code) -> exits.add(code));
        awaitPid(pidFile);

        launcher.killTree(a, Duration.ofMillis(300));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(137);
    }

    @ParameterizedTest
    @EnumSource(Spawn.class)
    void shouldLetTheShellReportAProgramThatDoesNotExist(Spawn spawn) throws Exception {
        launcher(spawn, Map.of(), false);
        Path log = dir.resolve("log");

        launcher.start("1.1", 1, "no-such-program-here --flag", log, Map.of(), (attempt, code) -> exits.add(code));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(127);
        assertThat(log).content().contains("no-such-program-here").contains("not found");
    }

    @ParameterizedTest
    @EnumSource(Spawn.class)
    void shouldLeaveNoLogWhenNothingIsPrinted(Spawn spawn) throws Exception {
        launcher(spawn, Map.of(), false);
        Path log = dir.resolve("logs/quiet.log");

        launcher.start("1.1", 1, "true", log, Map.of(), (attempt, code) -> exits.add(code));

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isZero();
        assertThat(log).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Spawn.class)
    void shouldNotWaitForABackgroundProcessThatKeepsTheOutputOpen(Spawn spawn) throws Exception {
        launcher(spawn, Map.of(), false);
        Path log = dir.resolve("log");

        launcher.start("1.1", 1, "echo first; (sleep 1; echo late; exec sleep 60) & echo $! > bg; exit 4", log,
                Map.of(), (attempt, code) -> exits.add(code));

        try {
            // The background process holds the output for a minute; the attempt's end must not wait for it.
            assertThat(exits.poll(20, TimeUnit.SECONDS)).isEqualTo(4);
            assertThat(log).content().startsWith("first");
            if (spawn == Spawn.HELPER) {
                // The JDK closes an ended process's output pipe, so on that path late output is lost.
                assertTrue(eventuallyContains(log, "late"), "the background process's late output reaches the log");
            }
        } finally {
            ProcessHandle.of(awaitPid(dir.resolve("bg"))).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void shouldStopTheHelpersAttemptsAndGoOnWithoutItWhenTheHelperDies() throws Exception {
        launcher(Spawn.HELPER, Map.of(), false);
        Path log = dir.resolve("log");
        launcher.start("1.1", 1, "echo $$ > pid; sleep 60", log, Map.of(), (attempt, code) -> exits.add(code));
        long pid = awaitPid(dir.resolve("pid"));
        ProcessHandle helper = ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").endsWith(SpawnHelper.FILE_NAME))
                .findFirst().orElseThrow();

        helper.destroyForcibly();

        assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(127);
        assertThat(log).content().contains("the process helper " + SpawnHelper.FILE_NAME + " ended unexpectedly");
        assertThat(awaitDeath(pid)).as("the attempt %d the dead helper had started", pid).isTrue();
        assertThat(launcher.usesSpawnHelper()).isFalse();

        launcher.start("1.2", 1, "exit 5", dir.resolve("log2"), Map.of(), (attempt, code) -> exits.add(code));
        assertThat(exits.poll(10, TimeUnit.SECONDS)).as("started by the JDK instead").isEqualTo(5);
    }

    @Test
    void shouldStartOnlyCommandsWithoutShellSyntaxDirectly() {
        assertThat(ProcessLauncher.simpleCommand("make -j4 all FOO=bar")).containsExactly("make", "-j4", "all", "FOO=bar");
        assertThat(ProcessLauncher.simpleCommand(" true ")).containsExactly("true");
        assertThat(ProcessLauncher.simpleCommand("a  b")).containsExactly("a", "b");
        assertThat(ProcessLauncher.simpleCommand("exit 3")).isNull();
        assertThat(ProcessLauncher.simpleCommand("cd build")).isNull();
        assertThat(ProcessLauncher.simpleCommand("FOO=1 make")).isNull();
        assertThat(ProcessLauncher.simpleCommand("echo $HOME")).isNull();
        assertThat(ProcessLauncher.simpleCommand("ls *.txt")).isNull();
        assertThat(ProcessLauncher.simpleCommand("a && b")).isNull();
        assertThat(ProcessLauncher.simpleCommand("echo 'x'")).isNull();
        assertThat(ProcessLauncher.simpleCommand("echo a\nb")).isNull();
        assertThat(ProcessLauncher.simpleCommand("a\tb")).isNull();
        assertThat(ProcessLauncher.simpleCommand("   ")).isNull();
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

    private static boolean eventuallyContains(Path file, String text) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (Files.readString(file).contains(text)) {
                return true;
            }
            Thread.sleep(25);
        }
        return false;
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
