package io.parallelplan.cli.run;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runner's side of {@code parallel-plan-spawn}, the small C program the build compiles beside the jar
 * ({@code cli/src/main/c/parallel-plan-spawn.c}, which documents the protocol): one helper process per run starts
 * every attempt (vfork and exec), copies its output into its log and reports its end, so the JVM pays
 * neither its own process start (about a millisecond of CPU each) nor two threads per running attempt. One reader
 * thread turns the helper's replies into exits.
 *
 * <p>If the helper itself dies, the attempts it had started are killed and end with exit code 127 and a line in
 * their log saying why, and {@link #alive()} turns false so the launcher starts later attempts itself.
 */
final class SpawnHelper implements AutoCloseable {
    /** The helper's file name, beside the jar (or beside {@code target/classes}). */
    static final String FILE_NAME = "parallel-plan-spawn";

    private final Process process;
    private final OutputStream requests;
    private final Map<Long, Started> started = new ConcurrentHashMap<>();
    private final Thread reader;
    private long nextToken = 1;
    private volatile boolean closing;
    private volatile boolean alive = true;

    private record Started(RunningAttempt attempt, ProcessLauncher.ExitListener onExit) {}

    private SpawnHelper(Process process) {
        this.process = process;
        this.requests = new BufferedOutputStream(process.getOutputStream(), 8192);
        this.reader = new Thread(this::readReplies, "parallel-plan-spawn-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /** The helper the build left beside this code (the jar's folder, or {@code target/} of the classes), if any. */
    static Path locate() {
        try {
            CodeSource source = SpawnHelper.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path code = Path.of(source.getLocation().toURI());
            Path candidate = code.getParent() == null ? null : code.getParent().resolve(FILE_NAME);
            return candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)
                    ? candidate
                    : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Starts the helper in {@code workdir} with the runner's environment plus {@code environment}.
     *
     * @param sessions whether each attempt gets its own session and process group
     */
    static SpawnHelper start(Path executable, File workdir, Map<String, String> environment, boolean sessions)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        if (sessions) {
            command.add("--sessions");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workdir)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        return new SpawnHelper(builder.start());
    }

    /** False once the helper has ended unexpectedly. */
    boolean alive() {
        return alive;
    }

    /**
     * Asks the helper to start {@code argv} (or, if that program cannot start and {@code shell} is not null,
     * {@code /bin/sh -c shell}); {@code onExit} is called on the reader thread when it has ended.
     */
    void start(RunningAttempt attempt, List<String> argv, String shell, Map<String, String> variables,
            ProcessLauncher.ExitListener onExit) throws IOException {
        long token = nextToken++;
        List<String> fields = new ArrayList<>(argv.size() + variables.size() + 7);
        fields.add("s");
        fields.add(Long.toString(token));
        fields.add(attempt.log().toAbsolutePath().toString());
        fields.add(shell == null ? "" : shell);
        fields.add(Integer.toString(argv.size()));
        fields.addAll(argv);
        fields.add(Integer.toString(variables.size()));
        variables.forEach((name, value) -> fields.add(name + "=" + value));
        synchronized (this) {
            // With the helper's death (which takes this lock) an attempt is either among those it stops or not sent.
            if (!alive) {
                throw new IOException("the process helper " + FILE_NAME + " is gone");
            }
            attempt.token(token);
            started.put(token, new Started(attempt, onExit));
            try {
                send(fields);
            } catch (IOException e) {
                started.remove(token);
                throw new IOException("the process helper " + FILE_NAME + " is gone (" + e.getMessage() + ")", e);
            }
        }
    }

    /** Sends {@code signal} to the attempt (while the helper has not reaped it) and, with sessions, its group. */
    void kill(RunningAttempt attempt, int signal) {
        try {
            send(List.of("k", Long.toString(attempt.token()), Long.toString(attempt.pid()), Integer.toString(signal)));
        } catch (IOException e) {
            // The helper is gone; its death has stopped the attempt already.
        }
    }

    private synchronized void send(List<String> fields) throws IOException {
        for (String field : fields) {
            if (field.indexOf('\0') >= 0) {
                throw new IOException("a NUL character cannot be passed to a process: " + field);
            }
        }
        for (String field : fields) {
            requests.write(field.getBytes(StandardCharsets.UTF_8));
            requests.write(0);
        }
        requests.flush();
    }

    private void readReplies() {
        try (InputStream replies = process.getInputStream()) {
            // Lines of three ASCII words: "p TOKEN PID" or "x TOKEN STATUS". Parsed from the bytes: a reader and a
            // decoder per line cost more than the rest of an attempt's bookkeeping.
            byte[] buffer = new byte[8192];
            int length = 0;
            int n;
            while ((n = replies.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
                int start = 0;
                for (int i = 0; i < length; i++) {
                    if (buffer[i] == '\n') {
                        reply(buffer, start, i);
                        start = i + 1;
                    }
                }
                System.arraycopy(buffer, start, buffer, 0, length - start);
                length -= start;
                if (length == buffer.length) {
                    length = 0; // a line this long is not a reply: drop it
                }
            }
        } catch (IOException | RuntimeException e) {
            // Treated as the helper's end below.
        }
        if (!closing) {
            helperDied();
        }
    }

    private void reply(byte[] line, int from, int to) {
        if (to - from < 5 || line[from + 1] != ' ') {
            return;
        }
        byte kind = line[from];
        int space = from + 2;
        while (space < to && line[space] != ' ') {
            space++;
        }
        long token = number(line, from + 2, space);
        long value = number(line, space + 1, to);
        if (kind == 'p') {
            Started s = started.get(token);
            if (s != null) {
                s.attempt().pid(value);
            }
        } else if (kind == 'x') {
            Started s = started.remove(token);
            if (s != null) {
                s.onExit().exited(s.attempt(), (int) value);
            }
        }
    }

    private static long number(byte[] text, int from, int to) {
        if (from >= to) {
            throw new IllegalStateException("the process helper sent an empty number");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalStateException("the process helper sent a malformed reply");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Stops what the dead helper had started and ends those attempts, saying why in their logs. */
    private void helperDied() {
        List<Started> stopped;
        synchronized (this) {
            alive = false;
            stopped = List.copyOf(started.values());
            started.clear();
        }
        for (Started s : stopped) {
            ProcessHandle root = s.attempt().handle();
            if (root != null) {
                root.descendants().forEach(ProcessHandle::destroyForcibly);
                root.destroyForcibly();
            }
            note(s.attempt().log(), "parallel-plan: the process helper " + FILE_NAME
                    + " ended unexpectedly; this attempt was stopped");
            s.onExit().exited(s.attempt(), 127);
        }
    }

    private static void note(Path log, String line) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The exit code still says the attempt failed.
        }
    }

    /** Closes the helper's input; it exits once the attempts still running have ended. */
    @Override
    public void close() {
        closing = true;
        try {
            requests.close();
        } catch (IOException e) {
            // Already gone.
        }
    }
}
