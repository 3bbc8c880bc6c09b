package io.parallelplan.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work a command starts on a second thread and takes up later (on two cores, reading a run's ledger while the plan
 * is read halves the wait). The thread is a daemon: a command that fails first does not wait for it.
 */
final class Background {
    private Background() {}

    /** Starts {@code work} on a daemon thread named {@code name}. */
    static <T> FutureTask<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /**
     * The result of {@code task}, once it is done; what it threw is thrown here, as if the work had run on this
     * thread (unchecked exceptions and errors as they are).
     */
    static <T> T join(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + task, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
