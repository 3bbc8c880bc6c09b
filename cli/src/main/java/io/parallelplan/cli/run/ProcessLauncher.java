package io.parallelplan.cli.run;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts attempts as {@code /bin/sh -c COMMAND} processes (a plain command without shell syntax directly) and kills
 * their whole process trees.
 *
 * <p>Attempts are started by the process helper {@code parallel-plan-spawn} when the build left it beside the jar
 * (see {@link SpawnHelper}); otherwise, or if the helper cannot start or dies, by the JDK's {@link ProcessBuilder}.
 * Both behave the same for the attempt. On request each attempt runs in its own session and process group (so a
 * terminal's Ctrl-C reaches only the runner, which then stops every attempt itself): the helper does it in the same
 * vfork and exec, the JDK path through {@code setsid} when it is installed. Attempts read {@code /dev/null};
 * their standard output and error go, merged, to their log file, which exists only if they printed something.
 * Killing an attempt sends SIGTERM to every process of its tree (and to its process group, if it has one), then,
 * after a grace period, SIGKILL to what is left. The launcher's own threads (a timer for timeouts and forcible
 * kills; the helper's reply reader, or on the JDK path a waiter and a log copier per running attempt) never touch
 * the scheduler: they only report to the driver.
 */
public final class ProcessLauncher implements AutoCloseable {
    private static final String SHELL = "/bin/sh";
    private static final long COPY_GRACE_MILLIS = 200;
    /** Keywords and built-ins of POSIX shells (dash, bash) that are not the same as a program of that name. */
    private static final Set<String> SHELL_WORDS = Set.of(
            "!", ".", ":", "alias", "bg", "break", "case", "cd", "command", "continue", "do", "done", "elif", "else",
            "esac", "eval", "exec", "exit", "export", "fc", "fg", "fi", "for", "function", "getopts", "hash", "if",
            "in", "jobs", "local", "read", "readonly", "return", "select", "set", "shift", "source", "then", "times",
            "trap", "type", "ulimit", "umask", "unalias", "unset", "until", "wait", "while");
    private static final ProcessBuilder.Redirect NULL_INPUT = ProcessBuilder.Redirect.from(new File("/dev/null"));

    private final File workdir;
    private final Map<String, String> environment;
    private final String setsid;
    private final ScheduledExecutorService timer;
    private final ExecutorService helpers;
    private final SpawnHelper spawnHelper;

    /**
     * @param workdir the folder every attempt starts in
     * @param environment variables added to the runner's own environment for every attempt
     * @param ownSessions whether each attempt gets its own session and process group (on the JDK path only when
     *     {@code setsid} is installed, at the cost of a second program start per attempt); the runner asks for it on
     *     a terminal, where it keeps Ctrl-C away from the attempts, and not elsewhere, so that a CI agent stopping
     *     the runner's process group reaches the attempts too
     */
    public ProcessLauncher(Path workdir, Map<String, String> environment, boolean ownSessions) {
        this(workdir, environment, ownSessions, SpawnHelper.locate());
    }

    /**
     * @param spawnHelper the {@code parallel-plan-spawn} executable to start attempts with, or {@code null} to start
     *     them with the JDK's process API
     */
    ProcessLauncher(Path workdir, Map<String, String> environment, boolean ownSessions, Path spawnHelper) {
        this.workdir = Objects.requireNonNull(workdir, "workdir cannot be null").toFile();
        this.environment = Map.copyOf(environment);
        this.setsid = ownSessions ? findSetsid() : null;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("parallel-plan-timer"));
        this.helpers = Executors.newCachedThreadPool(daemon("parallel-plan-attempt"));
        this.spawnHelper = startHelper(spawnHelper, ownSessions);
    }

    private SpawnHelper startHelper(Path executable, boolean ownSessions) {
        if (executable == null) {
            return null;
        }
        try {
            return SpawnHelper.start(executable, workdir, environment, ownSessions);
        } catch (IOException e) {
            return null; // The JDK starts the attempts instead: slower, same behaviour.
        }
    }

    /** Whether attempts are started by the process helper (and not by the JDK). */
    boolean usesSpawnHelper() {
        return spawnHelper != null && spawnHelper.alive();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Asks the JDK to start processes with {@code vfork} (one program start per process instead of two through
     * {@code jspawnhelper}) on the JDKs that support it without a warning, unless the user chose a mechanism. Call
     * before the first process of the JVM starts; later calls change nothing.
     */
    public static void preferFastSpawn() {
        String key = "jdk.lang.Process.launchMechanism";
        if (System.getProperty(key) == null && Runtime.version().feature() <= 21
                && System.getProperty("os.name", "").startsWith("Linux")) {
            System.setProperty(key, "VFORK");
        }
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
     * Starts one attempt; {@code onExit} is called once with the attempt and its exit code, on a waiter thread, when
     * the process has ended. Not thread-safe: one thread starts attempts.
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
        RunningAttempt running = new RunningAttempt(id, attempt, log);
        if (usesSpawnHelper()) {
            List<String> words = simpleCommand(command);
            try {
                if (words != null) {
                    spawnHelper.start(running, words, command, variables, onExit);
                } else {
                    spawnHelper.start(running, List.of(SHELL, "-c", command), null, variables, onExit);
                }
                return running;
            } catch (IOException helperGone) {
                // Start this one (and, once the helper is known dead, the next ones) with the JDK.
            }
        }
        Process process = startProcess(command, variables);
        running.handle(process.toHandle());
        // The output comes through a pipe and the log file is created at its first byte: an attempt that prints
        // nothing costs no file (creating thousands of empty files was the slowest part of a run of quick commands).
        Future<?> copied = helpers.submit(() -> copy(process.getInputStream(), log));
        // A waiter per running attempt: Process.onExit() would funnel every exit through the common fork-join
        // pool, a single thread on a two-core machine.
        helpers.execute(() -> {
            int code = waitUninterruptibly(process);
            awaitCopy(copied);
            onExit.exited(running, code);
        });
        return running;
    }

    private Process startProcess(String command, Map<String, String> variables) throws IOException {
        List<String> words = setsid == null ? simpleCommand(command) : null;
        if (words != null) {
            try {
                return builder(words, variables).start();
            } catch (IOException notFound) {
                // Let the shell say "not found" (into the log) and exit 127, as it would have.
            }
        }
        List<String> argv = new ArrayList<>(4);
        if (setsid != null) {
            argv.add(setsid);
        }
        argv.add(SHELL);
        argv.add("-c");
        argv.add(command);
        return builder(argv, variables).start();
    }

    private ProcessBuilder builder(List<String> argv, Map<String, String> variables) {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(workdir)
                .redirectErrorStream(true)
                .redirectInput(NULL_INPUT);
        Map<String, String> env = builder.environment();
        env.putAll(environment);
        env.putAll(variables);
        return builder;
    }

    /**
     * The words of a command the shell would run as one plain program, or {@code null}: like make, a command made
     * only of words without shell syntax (no quotes, variables, globs, redirections, separators, comments), whose
     * first word is neither an assignment nor a shell keyword or built-in that differs from the program of that
     * name, is started directly, saving a program start; the result is the same as with {@code /bin/sh -c}.
     */
    static List<String> simpleCommand(String command) {
        List<String> words = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= command.length(); i++) {
            char c = i < command.length() ? command.charAt(i) : ' ';
            if (c == ' ') {
                if (start >= 0) {
                    words.add(command.substring(start, i));
                    start = -1;
                }
            } else if (plainWordChar(c)) {
                start = start < 0 ? i : start;
            } else {
                return null;
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        String first = words.get(0);
        if (first.indexOf('=') >= 0 || SHELL_WORDS.contains(first)) {
            return null;
        }
        return words;
    }

    /** The characters of a word without shell syntax: letters, digits and {@code _ . / : = , + @ % -}. */
    private static boolean plainWordChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "_./:=,+@%-".indexOf(c) >= 0;
    }

    /** Copies an attempt's output into its log, creating the file (and its folder) only if output comes. */
    private static Void copy(InputStream in, Path log) throws IOException {
        byte[] buffer = new byte[8192];
        try (in) {
            int n = in.read(buffer);
            if (n < 0) {
                return null;
            }
            Files.createDirectories(log.getParent());
            try (OutputStream out = Files.newOutputStream(log)) {
                while (n >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                    n = in.read(buffer);
                }
            }
        }
        return null;
    }

    /**
     * Waits briefly for the log to be complete, so a failure's tail is there when the driver reads it. A background
     * process that keeps the attempt's output open must not hold up the attempt's end. (On this path its later output
     * is lost: the JDK closes an ended process's pipe. The process helper keeps copying it into the log.)
     */
    private static void awaitCopy(Future<?> copied) {
        try {
            copied.get(COPY_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The log may be incomplete (disk full, or output still coming); the attempt's end is what counts.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int waitUninterruptibly(Process process) {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                if (!process.isAlive()) {
                    return process.exitValue();
                }
            }
        }
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
        ProcessHandle root = attempt.handle();
        // Take the tree before anything dies: orphans are re-parented and drop out of descendants().
        List<ProcessHandle> descendants = root == null ? List.of() : root.descendants().toList();
        // The attempt's own process first: a shell whose children died before it would end normally instead.
        signal(attempt, root, false);
        descendants.forEach(ProcessHandle::destroy);
        Runnable force = () -> {
            // Also reaches members that left the tree (double-forked daemons) but stayed in the group.
            signal(attempt, root, true);
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        };
        if (grace.isZero()) {
            force.run();
        } else {
            schedule(grace, force);
        }
    }

    /**
     * SIGTERM (or SIGKILL when forced) to the attempt's own process and, if it has one, its process group. The
     * helper is asked as well: it knows the process before its id has reached the runner, and signals the group.
     */
    private void signal(RunningAttempt attempt, ProcessHandle root, boolean force) {
        if (root != null && root.isAlive()) {
            if (force) {
                root.destroyForcibly();
            } else {
                root.destroy();
            }
        }
        if (attempt.token() != 0) {
            spawnHelper.kill(attempt, force ? 9 : 15);
        } else if (root != null) {
            signalGroup(root.pid(), force ? "KILL" : "TERM");
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
        helpers.shutdownNow();
        if (spawnHelper != null) {
            spawnHelper.close();
        }
    }

    /** Told when an attempt's process has ended. */
    @FunctionalInterface
    public interface ExitListener {
        void exited(RunningAttempt attempt, int exitCode);
    }
}
