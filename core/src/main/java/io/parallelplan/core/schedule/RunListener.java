package io.parallelplan.core.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * Observes a run: the {@link Scheduler} calls it synchronously, inside the call that caused the change and before
 * that call returns, so a driver acts only on changes every listener (e.g. the ledger's journal) has seen.
 */
@FunctionalInterface
public interface RunListener {
    /** A listener that ignores everything. */
    RunListener NONE = event -> { };

    /** One state change. */
    void onEvent(RunEvent event);

    /**
     * The run stopped starting work. {@code kind} is {@link EventReason#STOPPED} (the driver called
     * {@link Scheduler#stop}), {@link EventReason#FAIL_FAST} or {@link EventReason#THRESHOLD_UNREACHABLE}. Called
     * once, before the CANCELLED events it causes.
     */
    default void onStop(EventReason kind, String reason, Instant time) {}

    /** This listener, then {@code next}. */
    default RunListener andThen(RunListener next) {
        Objects.requireNonNull(next, "next listener cannot be null");
        RunListener first = this;
        return new RunListener() {
            @Override
            public void onEvent(RunEvent event) {
                first.onEvent(event);
                next.onEvent(event);
            }

            @Override
            public void onStop(EventReason kind, String reason, Instant time) {
                first.onStop(kind, reason, time);
                next.onStop(kind, reason, time);
            }
        };
    }
}
