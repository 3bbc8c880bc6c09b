package io.parallelplan.cli.run;

import io.parallelplan.core.schedule.RunListener;

/**
 * Shows a run while it happens: one line per event ({@link EventLines}, for CI logs and pipes) or a view redrawn in
 * place ({@link LiveView}, on a terminal). The scheduler calls it as a {@link RunListener}, after the ledger; the
 * driver calls the rest. Everything happens on the driver thread.
 */
public interface RunDisplay extends RunListener {
    /** Time passed (a few times a second while attempts run); the live view redraws. */
    default void tick() {}

    /** The end of one turn of the driver loop: write out what is buffered. */
    void flush();

    /** The run is over: leave the screen clean for the summary. */
    default void finish() {
        flush();
    }
}
