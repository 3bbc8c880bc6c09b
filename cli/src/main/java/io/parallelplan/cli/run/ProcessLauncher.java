package io.parallelplan.cli.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts attempts as {@code /bin/sh -c COMMAND} processes and kills their whole process trees.
 *
 * <p>Each attempt runs in its own session and process group when {@code setsid} is installed (so a terminal's
 * Ctrl-C reaches only the runner, which then stops every attempt itself), with its standard output and error going
 * to its log file. Killing an attempt signals its process group and every descendant still attached to it with
 * SIGTERM, then, after a grace period, with SIGKILL. A timer thread owned by the launcher runs timeouts and the
 * forcible kills; it never touches the scheduler.
 */
public final class ProcessLauncher implements AutoCloseable {
    private static final String SHELL = "/bin/sh";

    private final File workdir;
    private final Map<String, String> environment;
    private final String setsid;
    private final ScheduledExecutorService timer;

    /**
     * @param workdir the folder every attempt starts in
     * @param environment variables added to the runner's own environment for every attempt
     */
    public ProcessLauncher(Path workdir, Map<String, String> environment) {
        this.workdir = Objects.requireNonNull(workdir, "workdir cannot be null").toFile();
        this.environment = Map.copyOf(environment);
        this.setsid = findSetsid();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parallel-plan-timer");
            t.setDaemon(true);
            return t;
        });
    }

    private static String findSetsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether attempts get a process group of their own. */
    public boolean usesProcessGroups() {
        return setsid != null;
    }

    /**
     * Starts one attempt; {@code onExit} is called once with the attempt and its exit code, on a JDK thread, when
     * the process has ended.
     *
     * @param variables variables for this attempt, added after the launcher's own
     * @throws IOException when the shell cannot be started or the log cannot be opened
     */
    public RunningAttempt start(
            String id,
            int attempt,
            String command,
            Path log,
            Map<String, String> variables,
            ExitListener onExit)
            throws IOException {
        List<String> argv = new ArrayList<>(4);
        if (setsid != null) {
            argv.add(setsid);
        }
        argv.add(SHELL);
        argv.add("-c");
        argv.add(command);
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(workdir)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (!Files.isDirectory(log.getParent())) {
            Files.createDirectories(log.getParent());
        }
        Map<String, String> env = builder.environment();
        env.putAll(environment);
        env.putAll(variables);
        long started = System.nanoTime();
        Process process = builder.start();
        RunningAttempt running = new RunningAttempt(id, attempt, process, log, started);
        process.onExit().thenAccept(p -> onExit.exited(running, p.exitValue()));
        return running;
    }

    /** Runs {@code action} on the launcher's timer after {@code delay}. */
    public ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        return timer.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code action} on the launcher's timer every {@code period} until the returned future is cancelled. */
    public ScheduledFuture<?> every(Duration period, Runnable action) {
        return timer.scheduleAtFixedRate(action, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops an attempt's whole process tree: SIGTERM to its process group and to every descendant now, SIGKILL to
     * whatever is left after {@code grace}. Returns at once.
     */
    public void killTree(RunningAttempt attempt, Duration grace) {
        ProcessHandle root = attempt.process().toHandle();
        // Take the tree before anything dies: orphans are re-parented and drop out of descendants().
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        signalGroup(root.pid(), "TERM");
        tree.forEach(ProcessHandle::destroy);
        Runnable force = () -> {
            // Also reaches members that left the tree (double-forked daemons) but stayed in the group.
            signalGroup(root.pid(), "KILL");
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        };
        if (grace.isZero()) {
            force.run();
        } else {
            schedule(grace, force);
        }
    }

    private void signalGroup(long pgid, String signal) {
        if (setsid == null) {
            return;
        }
        try {
            // The group outlives its leader while any member lives; the shell's kill reaches all of them.
            new ProcessBuilder(SHELL, "-c", "kill -s " + signal + " -- -" + pgid + " 2>/dev/null")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // The descendants are still destroyed one by one.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Told when an attempt's process has ended. */
    @FunctionalInterface
    public interface ExitListener {
        void exited(RunningAttempt attempt, int exitCode);
    }
}
