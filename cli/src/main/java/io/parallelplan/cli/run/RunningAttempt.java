package io.parallelplan.cli.run;

import java.nio.file.Path;
import java.util.concurrent.Future;

/**
 * One attempt under way: the achievement, the attempt number, its process and log. Only the driver thread reads
 * and writes the mutable fields.
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
    private final Process process;
    private final Path log;
    private StopReason stopReason = StopReason.NONE;
    private Future<?> timeout;
    private boolean deferred;

    RunningAttempt(String id, int attempt, Process process, Path log) {
        this.id = id;
        this.attempt = attempt;
        this.process = process;
        this.log = log;
    }

    public String id() {
        return id;
    }

    /** 1 for the first attempt. */
    public int attempt() {
        return attempt;
    }

    public Process process() {
        return process;
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
