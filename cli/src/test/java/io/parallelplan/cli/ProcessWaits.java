package io.parallelplan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** Bounded waits for the process-level tests: they poll a condition for at most a few seconds. */
final class ProcessWaits {
    private ProcessWaits() {}

    /** Whether the process ends within 5 seconds. */
    static boolean dies(long pid) throws InterruptedException {
        return within(5_000, () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    /** Whether {@code file} contains {@code text} within {@code millis}. */
    static boolean contains(Path file, String text, long millis) throws InterruptedException {
        return within(millis, () -> {
            try {
                return Files.exists(file) && Files.readString(file).contains(text);
            } catch (IOException e) {
                return false;
            }
        });
    }

    static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
