package io.parallelplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.ledger.Definitions;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunPreparationTest {
    @Test
    void takesWhatTheMainThreadWouldTake() throws Exception {
        Plan plan = Plan.of("P", List.of(Achievement.builder("1.1").command("make").build(),
                Achievement.builder("1.2").dependsOn("1.1").build()));

        RunPreparation preparation = RunPreparation.start(plan);

        assertThat(preparation.definitions().hashes()).isEqualTo(Definitions.of(plan).hashes());
        assertThat(preparation.zone()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void takesAgainOnTheCallingThreadWhatFailedAndFailsTheSameWay() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RunPreparation once = new RunPreparation(() -> {
            throw new IllegalStateException("broken " + calls.incrementAndGet());
        }, () -> calls.incrementAndGet() == 1 ? failZone() : ZoneId.of("UTC")).start();

        assertThatThrownBy(once::definitions).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("broken");
        assertThat(once.zone()).isEqualTo(ZoneId.of("UTC"));
    }

    private static ZoneId failZone() {
        throw new java.time.DateTimeException("no zone");
    }
}
