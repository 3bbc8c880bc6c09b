package io.parallelplan.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Starts attempts as {@code /bin/sh -c COMMAND} processes (a plain command without shell syntax directly) and kills
 * their whole process trees.
 *
 * <p>The JVM starts no process per attempt: {@link SpawnServer} shells, one per attempt running at once, started
 * when first needed and reused, fork them (a JVM process start costs about a millisecond, which dominated runs of
 * quick commands). On request each attempt runs in its own session and process group, through {@code setsid} when
 * it is installed (so a terminal's Ctrl-C reaches only the runner, which then stops every attempt itself). Attempts
 * read {@code /dev/null} (off Linux they ignore SIGINT and SIGQUIT, as every background command of a shell does);
 * their standard output and error go, merged, to their log file, which is kept only if they printed something.
 * Killing an attempt sends SIGTERM to every process of its tree (and to its process group, if it has one), then,
 * after a grace period, SIGKILL to what is left. The launcher's own threads (a timer for timeouts and forcible
 * kills, a reader per spawn shell) never touch the scheduler: they only report to the driver.
 */
public final class ProcessLauncher implements AutoCloseable {
    private static final String SHELL = "/bin/sh";
    private static final Pattern PLAIN_WORDS = Pattern.compile(" *[A-Za-z0-9_./:=,+@%-]+( +[A-Za-z0-9_./:=,+@%-]+)* *");
    /** Keywords and built-ins of POSIX shells (dash, bash) that are not the same as a program of that name. */
    private static final Set<String> SHELL_WORDS = Set.of(
            "!", ".", ":", "alias", "bg", "break", "case", "cd", "command", "continue", "do", "done", "elif", "else",
            "esac", "eval", "exec", "exit", "export", "fc", "fg", "fi", "for", "function", "getopts", "hash", "if",
            "in", "jobs", "local", "read", "readonly", "return", "select", "set", "shift", "source", "then", "times",
            "trap", "type", "ulimit", "umask", "unalias", "unset", "until", "wait", "while");

    private final Path workdir;
    private final Map<String, String> environment;
    private final String setsid;
    private final ScheduledExecutorService timer;
    private final Deque<SpawnServer> idle = new ConcurrentLinkedDeque<>();
    private final List<SpawnServer> servers = new ArrayList<>();

    /**
     * @param workdir the folder every attempt starts in
     * @param environment variables added to the runner's own environment for every attempt
     * @param ownSessions whether each attempt gets its own session and process group (when {@code setsid} is
     *     installed); it costs a second program start per attempt, so the runner asks for it on a terminal, where
     *     it keeps Ctrl-C away from the attempts
     */
    public ProcessLauncher(Path workdir, Map<String, String> environment, boolean ownSessions) {
        this.workdir = Objects.requireNonNull(workdir, "workdir cannot be null");
        this.environment = Map.copyOf(environment);
        this.setsid = ownSessions ? findSetsid() : null;
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

    /**
     * Starts one attempt; {@code onExit} is called once with the attempt and its exit code, on the spawn shell's
     * reader thread, when the process has ended (or, with code -1 and {@link RunningAttempt#lost()} set, when the
     * spawn shell ended first). Not thread-safe: one thread starts attempts.
     *
     * @param variables variables for this attempt, added after the launcher's own; names must be shell names
     * @throws IOException when the spawn shell cannot be started or has ended, or the log's folder cannot be made
     */
    public RunningAttempt start(
            String id,
            int attempt,
            String command,
            Path log,
            Map<String, String> variables,
            ExitListener onExit)
            throws IOException {
        Files.createDirectories(log.getParent());
        SpawnServer server = idleServer();
        RunningAttempt running = new RunningAttempt(id, attempt, log);
        SpawnServer.Listener listener = new SpawnServer.Listener() {
            @Override
            public void started(long pid) {
                Duration kill = running.started(pid);
                if (kill != null) {
                    killTree(running, kill);
                }
            }

            @Override
            public void exited(int status) {
                idle.push(server);
                SpawnServer.dropIfEmpty(log);
                onExit.exited(running, status);
            }

            @Override
            public void lost(String reason) {
                running.lost(reason);
                killTree(running, Duration.ZERO);
                onExit.exited(running, -1);
            }
        };
        try {
            server.spawn(argv(command), variables, log, listener);
        } catch (IOException | RuntimeException e) {
            if (!server.dead()) {
                idle.push(server);
            }
            throw e;
        }
        return running;
    }

    /** An idle spawn shell, started if none is; shells that ended unexpectedly are never idle. */
    private SpawnServer idleServer() throws IOException {
        SpawnServer server = idle.poll();
        if (server != null) {
            return server;
        }
        server = new SpawnServer(workdir, environment);
        servers.add(server);
        return server;
    }

    private List<String> argv(String command) {
        List<String> words = setsid == null ? simpleCommand(command) : null;
        if (words != null) {
            return words;
        }
        List<String> argv = new ArrayList<>(4);
        if (setsid != null) {
            argv.add(setsid);
        }
        argv.add(SHELL);
        argv.add("-c");
        argv.add(command);
        return argv;
    }

    /**
     * The words of a command the shell would run as one plain program, or {@code null}: like make, a command made
     * only of words without shell syntax (no quotes, variables, globs, redirections, separators, comments), whose
     * first word is neither an assignment nor a shell keyword or built-in that differs from the program of that
     * name, is started directly, saving a program start; the result is the same as with {@code /bin/sh -c}.
     */
    static List<String> simpleCommand(String command) {
        if (!PLAIN_WORDS.matcher(command).matches()) {
            return null;
        }
        List<String> words = List.of(command.trim().split(" +"));
        String first = words.get(0);
        if (first.indexOf('=') >= 0 || SHELL_WORDS.contains(first)) {
            return null;
        }
        return words;
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
        long pid = attempt.pidOrKillLater(grace);
        if (pid == 0) {
            return;
        }
        ProcessHandle root = ProcessHandle.of(pid).orElse(null);
        if (root == null) {
            signalGroup(pid, grace.isZero() ? "KILL" : "TERM");
            return;
        }
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
        servers.forEach(SpawnServer::close);
    }

    /** Told when an attempt's process has ended. */
    @FunctionalInterface
    public interface ExitListener {
        /** {@code exitCode} is 128 + n after signal n, and -1 for an attempt that was lost. */
        void exited(RunningAttempt attempt, int exitCode);
    }
}
