package io.parallelplan.cli;

import io.parallelplan.core.ledger.Definitions;
import io.parallelplan.core.model.Plan;
import java.time.ZoneId;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * What a run needs that depends only on the parsed plan and on the machine — the ledger's definition hashes (a
 * SHA-256 per achievement, after the security provider's set-up) and the time zone of the event lines (the zone
 * rules' set-up) — taken on a second thread while the main thread validates the plan, since all of it is on the way
 * to the run's first start. Whatever failed there is taken again on the main thread, failing as it always did.
 */
final class RunPreparation {
    private final Supplier<Definitions> takeDefinitions;
    private final Supplier<ZoneId> takeZone;
    private final FutureTask<Definitions> definitions;
    private final FutureTask<ZoneId> zone;

    RunPreparation(Supplier<Definitions> takeDefinitions, Supplier<ZoneId> takeZone) {
        this.takeDefinitions = takeDefinitions;
        this.takeZone = takeZone;
        this.definitions = new FutureTask<>(takeDefinitions::get);
        this.zone = new FutureTask<>(takeZone::get);
    }

    /** Starts taking them for {@code plan}. */
    static RunPreparation start(Plan plan) {
        return new RunPreparation(() -> Definitions.of(plan), ZoneId::systemDefault).start();
    }

    /** Takes them on a new thread. */
    RunPreparation start() {
        Background.start("parallel-plan-preparation", () -> {
            zone.run();
            definitions.run();
            return null;
        });
        return this;
    }

    /** The plan's definition hashes ({@link Definitions#of}). */
    Definitions definitions() throws InterruptedException {
        return result(definitions, takeDefinitions);
    }

    /** {@link ZoneId#systemDefault()}. */
    ZoneId zone() throws InterruptedException {
        return result(zone, takeZone);
    }

    private static <T> T result(FutureTask<T> task, Supplier<T> again) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            return again.get();
        }
    }
}
