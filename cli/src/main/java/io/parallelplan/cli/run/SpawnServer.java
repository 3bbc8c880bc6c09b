package io.parallelplan.cli.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A long-lived {@code /bin/sh} that starts attempts for the runner, one at a time, so the JVM starts one process per
 * attempt slot instead of one per attempt (a JVM process start costs about a millisecond of the starting thread; a
 * fork of a small shell much less). Requests go to the shell's standard input, one line each, every field a
 * single-quoted shell word; a reader thread turns the shell's {@code started}/{@code exited} lines into calls of the
 * attempt's listener. If the shell ends while an attempt is under way, the attempt is reported as lost, with the
 * reason.
 */
final class SpawnServer implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String SCRIPT = loadScript();

    /** What the server tells about one attempt. */
    interface Listener {
        void started(long pid);

        void exited(int status);

        /** The server ended before the attempt was reported; {@code reason} says why, in one line. */
        void lost(String reason);
    }

    private final Process shell;
    private final Writer requests;
    private final Map<Long, Listener> pending = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean closing;
    private volatile String death;
    private long nextKey;

    /** Starts the shell in {@code workdir} with {@code environment} added to the runner's own. */
    SpawnServer(Path workdir, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", SCRIPT, "sh")
                .directory(workdir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        shell = builder.start();
        requests = new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8);
        reader = new Thread(this::readReports, "parallel-plan-spawn-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static String loadScript() {
        try (InputStream in = SpawnServer.class.getResourceAsStream("spawn-server.sh")) {
            if (in == null) {
                throw new IllegalStateException("spawn-server.sh is missing from the jar; rebuild parallel-plan");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shell's process id. */
    long pid() {
        return shell.pid();
    }

    /**
     * Asks the shell to start {@code argv} with {@code variables} added, its output into {@code log}. Call again only
     * once the listener has been told that the attempt ended; called by one thread at a time.
     *
     * @throws IOException when the shell has ended, or a value holds a NUL character (which no process can receive)
     */
    void spawn(List<String> argv, Map<String, String> variables, Path log, Listener listener) throws IOException {
        if (death != null) {
            throw new IOException(death);
        }
        StringBuilder line = new StringBuilder(128);
        long key = nextKey++;
        line.append("s ").append(key).append(' ');
        word(line, log.toString());
        for (Map.Entry<String, String> v : variables.entrySet()) {
            if (!NAME.matcher(v.getKey()).matches()) {
                throw new IllegalArgumentException("environment variable name " + v.getKey()
                        + " is not a shell name (letters, digits, _)");
            }
            line.append(' ');
            word(line, v.getKey() + "=" + v.getValue());
        }
        line.append(" --");
        for (String arg : argv) {
            line.append(' ');
            word(line, arg);
        }
        line.append('\n');
        pending.put(key, listener);
        try {
            requests.write(line.toString());
            requests.flush();
        } catch (IOException e) {
            pending.remove(key);
            throw new IOException(death != null ? death : "the spawn shell does not accept requests: " + e.getMessage());
        }
    }

    /** Appends {@code value} as one single-quoted word whose newlines are written as {@code '"$N"'}. */
    static void word(StringBuilder line, String value) throws IOException {
        if (value.indexOf('\0') >= 0) {
            throw new IOException("a NUL character cannot be passed to a process: " + value.replace('\0', '?'));
        }
        line.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                line.append("'\\''");
            } else if (c == '\n') {
                line.append("'\"$N\"'");
            } else {
                line.append(c);
            }
        }
        line.append('\'');
    }

    private void readReports() {
        String last = null;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!report(line)) {
                    last = line;
                }
            }
        } catch (IOException e) {
            last = e.getMessage();
        }
        if (closing) {
            return;
        }
        String reason = "the spawn shell /bin/sh (pid " + shell.pid() + ") ended unexpectedly"
                + exitStatus() + (last != null ? ": " + last : "");
        death = reason;
        for (Long key : new ArrayList<>(pending.keySet())) {
            Listener listener = pending.remove(key);
            if (listener != null) {
                listener.lost(reason);
            }
        }
    }

    private String exitStatus() {
        try {
            if (shell.waitFor(1, TimeUnit.SECONDS)) {
                return " with status " + shell.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    /** Handles one {@code KEY started PID} or {@code KEY exited STATUS} line; false for anything else. */
    private boolean report(String line) {
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (second < 0) {
            return false;
        }
        try {
            long key = Long.parseLong(line.substring(0, first));
            String what = line.substring(first + 1, second);
            long value = Long.parseLong(line.substring(second + 1));
            if (what.equals("started")) {
                Listener listener = pending.get(key);
                if (listener != null) {
                    listener.started(value);
                }
                return true;
            }
            if (what.equals("exited")) {
                Listener listener = pending.remove(key);
                if (listener != null) {
                    listener.exited((int) value);
                }
                return true;
            }
            return false;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Deletes {@code log} if it is empty: an attempt that printed nothing leaves no file. */
    static void dropIfEmpty(Path log) {
        try {
            if (Files.size(log) == 0) {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            // Absent already, or not ours to delete: either way nothing was lost.
        }
    }

    /** Whether the shell has ended unexpectedly (it then starts nothing more). */
    boolean dead() {
        return death != null;
    }

    /** Ends the shell; an attempt it started and that still runs is left alone (the runner stops it first). */
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
