package io.parallelplan.cli.run;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.Scheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link Scheduler} with operating-system processes. One thread — the one calling {@link #run()} — is the
 * only caller of the scheduler: it starts what the scheduler says may start, then sleeps on a queue until something
 * happens (a process exits, a timeout fires, a signal arrives, the live view's clock ticks), handles everything
 * queued, and starts again. It never polls.
 *
 * <p>The scheduler's listener (the run ledger) journals every event before the scheduler call returns, so whatever
 * the driver then does — start a process, kill one — is on disk first.
 */
public final class LocalRunDriver {
    /** What ended a run early, if anything. */
    public record Outcome(String signal) {
        /** Whether SIGINT or SIGTERM stopped the run. */
        public boolean interrupted() {
            return signal != null;
        }
    }

    private sealed interface Message permits Exited, TimedOut, Signalled, Tick {}

    private record Exited(RunningAttempt attempt, int exitCode) implements Message {}

    private record TimedOut(RunningAttempt attempt) implements Message {}

    private record Signalled(String name) implements Message {}

    private enum Tick implements Message {
        INSTANCE
    }

    private final Scheduler scheduler;
    private final AttemptCommands commands;
    private final ProcessLauncher launcher;
    private final RunFolder folder;
    private final RunDisplay display;
    private final Duration defaultTimeout;
    private final Duration grace;
    private final Clock clock;
    private final boolean ticking;
    private static final Duration SIGNAL_WAIT = Duration.ofMillis(300);

    private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>();
    private final Map<String, RunningAttempt> running = new HashMap<>();
    private final Map<String, String> launchErrors = new HashMap<>();
    private final CountDownLatch over = new CountDownLatch(1);
    private String signal;

    /**
     * @param defaultTimeout the {@code --timeout} for tasks whose achievement names none, or {@code null}
     * @param grace how long a killed attempt gets between SIGTERM and SIGKILL
     * @param ticking whether the display wants a tick a few times a second (the live view)
     */
    public LocalRunDriver(
            Scheduler scheduler,
            AttemptCommands commands,
            ProcessLauncher launcher,
            RunFolder folder,
            RunDisplay display,
            Duration defaultTimeout,
            Duration grace,
            Clock clock,
            boolean ticking) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler cannot be null");
        this.commands = Objects.requireNonNull(commands, "commands cannot be null");
        this.launcher = Objects.requireNonNull(launcher, "launcher cannot be null");
        this.folder = Objects.requireNonNull(folder, "folder cannot be null");
        this.display = Objects.requireNonNull(display, "display cannot be null");
        this.defaultTimeout = defaultTimeout;
        this.grace = Objects.requireNonNull(grace, "grace cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.ticking = ticking;
    }

    /** Runs until every task has reached a final state, or until a signal's stop has finished. */
    public Outcome run() throws InterruptedException {
        Future<?> ticker = ticking ? launcher.every(Duration.ofMillis(200), () -> queue.add(Tick.INSTANCE)) : null;
        try (SignalTrap trap = SignalTrap.install(name -> queue.add(new Signalled(name)), this::awaitEnd)) {
            while (true) {
                startWhatMay();
                if (running.isEmpty()) {
                    display.flush();
                    break;
                }
                // A turn ends when nothing is left to handle: the display is written out once per turn, not once
                // per burst of exits that the helper's replies bring.
                Message next = queue.poll();
                if (next == null) {
                    display.flush();
                    next = queue.take();
                }
                handle(next);
                while ((next = queue.poll()) != null) {
                    handle(next);
                }
            }
        } finally {
            if (ticker != null) {
                ticker.cancel(false);
            }
            display.finish();
            over.countDown();
        }
        return new Outcome(signal);
    }

    /** For the shutdown-hook fallback: wait until the run has been stopped and saved. */
    private void awaitEnd() {
        queue.add(new Signalled("TERM"));
        try {
            over.await(grace.toMillis() + 30_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startWhatMay() {
        while (true) {
            List<String> ids = scheduler.startable();
            if (ids.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            for (String id : ids) {
                scheduler.start(id, now);
            }
            List<String> failedToStart = new ArrayList<>();
            for (String id : ids) {
                if (!launch(id)) {
                    failedToStart.add(id);
                }
            }
            if (failedToStart.isEmpty()) {
                return;
            }
            // A shell that could not start is a failed attempt; a retry may start at once, so look again.
            for (String id : failedToStart) {
                finish(id, AttemptOutcome.failure(127, launchErrors.remove(id)));
            }
        }
    }

    private boolean launch(String id) {
        Achievement definition = scheduler.achievement(id);
        int attempt = scheduler.attempts(id);
        Map<String, String> variables = Map.of(
                "PARALLEL_PLAN_ACHIEVEMENT", id,
                "PARALLEL_PLAN_TITLE", definition.title(),
                "PARALLEL_PLAN_ATTEMPT", Integer.toString(attempt));
        try {
            RunningAttempt a = launcher.start(id, attempt, commands.command(id), folder.log(id, attempt), variables,
                    (which, code) -> queue.add(new Exited(which, code)));
            running.put(id, a);
            Duration timeout = scheduler.timeout(id).orElse(defaultTimeout);
            if (timeout != null) {
                a.timeout(launcher.schedule(timeout, () -> queue.add(new TimedOut(a))));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            launchErrors.put(id, "cannot start: " + e.getMessage());
            return false;
        }
    }

    private void handle(Message message) {
        if (message instanceof Exited exited) {
            exited(exited.attempt(), exited.exitCode());
        } else if (message instanceof TimedOut t) {
            if (running.get(t.attempt().id()) == t.attempt()) {
                t.attempt().stopReason(RunningAttempt.StopReason.TIMEOUT);
                launcher.killTree(t.attempt(), grace);
            }
        } else if (message instanceof Signalled s) {
            signalled(s.name());
        } else {
            display.tick();
        }
    }

    private void exited(RunningAttempt a, int exitCode) {
        if (signal == null && a.stopReason() == RunningAttempt.StopReason.NONE && diedOfSignal(exitCode)
                && a.deferOnce()) {
            // Killed by SIGINT or SIGTERM from outside: most likely the same signal is on its way to the runner (a
            // terminal's Ctrl-C or a CI agent reaches the whole process group). Give it a moment to arrive, so the
            // attempt ends CANCELLED with the run instead of FAILED (and retried).
            launcher.schedule(SIGNAL_WAIT, () -> queue.add(new Exited(a, exitCode)));
            return;
        }
        running.remove(a.id());
        a.cancelTimeout();
        AttemptOutcome outcome;
        if (exitCode == 0) {
            outcome = AttemptOutcome.success();
        } else if (a.stopReason() == RunningAttempt.StopReason.TIMEOUT) {
            Duration limit = scheduler.timeout(a.id()).orElse(defaultTimeout);
            outcome = AttemptOutcome.timeout("timed out after " + EventLines.seconds(limit));
        } else if (a.stopReason() == RunningAttempt.StopReason.INTERRUPT) {
            outcome = AttemptOutcome.interrupted(signal != null ? "interrupted by SIG" + signal : null);
        } else {
            outcome = AttemptOutcome.failure(exitCode, LogTail.lastLine(a.log()));
        }
        finish(a.id(), outcome);
    }

    /** 130 and 143: the shell's (or the JDK's) report of a process ended by SIGINT or SIGTERM. */
    private static boolean diedOfSignal(int exitCode) {
        return exitCode == 130 || exitCode == 143;
    }

    private void finish(String id, AttemptOutcome outcome) {
        List<String> interrupt = scheduler.finish(id, outcome, clock.instant());
        for (String other : interrupt) {
            stop(running.get(other), grace);
        }
    }

    private void signalled(String name) {
        if (signal != null) {
            // A second signal: no more patience.
            running.values().forEach(a -> stop(a, Duration.ZERO));
            return;
        }
        signal = name;
        List<String> toStop = scheduler.stop("interrupted by SIG" + name, clock.instant());
        for (String id : toStop) {
            stop(running.get(id), grace);
        }
    }

    private void stop(RunningAttempt a, Duration patience) {
        if (a != null) {
            a.stopReason(RunningAttempt.StopReason.INTERRUPT);
            launcher.killTree(a, patience);
        }
    }
}
