package io.parallelplan.cli.run;

import java.nio.file.Path;
import java.util.concurrent.Future;

/**
 * One attempt under way: the achievement, the attempt number, its process and log. Only the driver thread reads
 * and writes the stop reason, timeout and deferral; the process handle is set by whoever learns the process id.
 */
public final class RunningAttempt {
    /** Why the driver asked the process to stop, if it did. */
    public enum StopReason {
        NONE,
        TIMEOUT,
        INTERRUPT
    }

    private final String id;
    private final int attempt;
    private final Path log;
    private volatile ProcessHandle handle;
    private volatile long pid;
    private long token;
    private StopReason stopReason = StopReason.NONE;
    private Future<?> timeout;
    private boolean deferred;

    RunningAttempt(String id, int attempt, Path log) {
        this.id = id;
        this.attempt = attempt;
        this.log = log;
    }

    public String id() {
        return id;
    }

    /** 1 for the first attempt. */
    public int attempt() {
        return attempt;
    }

    /**
     * Its process, or {@code null} until the process helper has said which one it is (or when it has ended and been
     * reaped already).
     */
    public ProcessHandle handle() {
        ProcessHandle h = handle;
        if (h == null && pid > 0) {
            h = ProcessHandle.of(pid).orElse(null);
        }
        return h;
    }

    /** The process the launcher started itself. */
    void handle(ProcessHandle handle) {
        this.handle = handle;
        this.pid = handle.pid();
    }

    /** The process id the helper reported; 0 until then. */
    long pid() {
        return pid;
    }

    /** Records the process id the helper reported (looked up as a handle only if the attempt has to be killed). */
    void pid(long pid) {
        this.pid = pid;
    }

    /** The process helper's name for it; 0 when the launcher started it itself. */
    long token() {
        return token;
    }

    void token(long token) {
        this.token = token;
    }

    /** The file its output goes to. */
    public Path log() {
        return log;
    }

    public StopReason stopReason() {
        return stopReason;
    }

    /** Records why the driver is stopping it; the first reason wins. */
    public void stopReason(StopReason reason) {
        if (stopReason == StopReason.NONE) {
            stopReason = reason;
        }
    }

    /** Whether its end may still be put off (once): true the first time only. */
    public boolean deferOnce() {
        if (deferred) {
            return false;
        }
        deferred = true;
        return true;
    }

    /** Attaches the pending timeout, cancelled when the attempt ends. */
    public void timeout(Future<?> timeout) {
        this.timeout = timeout;
    }

    /** Cancels the pending timeout, if any. */
    public void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}
