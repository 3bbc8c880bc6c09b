package io.parallelplan.cli.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Future;

/**
 * One attempt under way: the achievement, the attempt number, its process id (known once the spawn shell has
 * reported it) and log. Only the driver thread reads and writes the stop reason, timeout and deferral; the process
 * id, a kill asked for before it was known, and a lost attempt's reason are shared with the launcher's reader.
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
    private StopReason stopReason = StopReason.NONE;
    private Future<?> timeout;
    private boolean deferred;
    private long pid;
    private Duration pendingKill;
    private volatile String lost;

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
     * Records the process id; returns the grace period of a kill asked for before it was known, or {@code null}.
     */
    synchronized Duration started(long processId) {
        pid = processId;
        Duration kill = pendingKill;
        pendingKill = null;
        return kill;
    }

    /** The process id, or 0 when not yet known, in which case a kill with {@code grace} is kept for the start. */
    synchronized long pidOrKillLater(Duration grace) {
        if (pid == 0 && (pendingKill == null || grace.compareTo(pendingKill) < 0)) {
            pendingKill = grace;
        }
        return pid;
    }

    /** Why the runner lost track of the attempt (its spawn shell ended), or {@code null}. */
    public String lost() {
        return lost;
    }

    void lost(String reason) {
        lost = reason;
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
