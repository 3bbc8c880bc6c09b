package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.schedule.FailurePolicy;
import io.parallelplan.core.schedule.RunOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PipelineOptionsTest {
    @ParameterizedTest
    @CsvSource({"keepGoing, KEEP_GOING", "failFast, FAIL_FAST", "threshold, THRESHOLD", "keep-going, KEEP_GOING",
        "FAIL_FAST, FAIL_FAST"})
    void shouldReadThePolicyAsAJenkinsfileSpellsIt(String written, FailurePolicy policy) {
        assertThat(PipelineOptions.policy(written)).isEqualTo(policy);
    }

    @Test
    void shouldMapTheStepParametersToRunOptions() {
        RunOptions options = PipelineOptions.of(3, "threshold", 0.8, 2, 30);

        assertThat(options.maxParallel()).isEqualTo(3);
        assertThat(options.policy()).isEqualTo(FailurePolicy.THRESHOLD);
        assertThat(options.minScore()).isEqualTo(0.8);
        assertThat(options.defaultRetries()).isEqualTo(2);
        assertThat(options.defaultTimeoutMinutes()).isEqualTo(30);
    }

    @Test
    void shouldTreatZeroAsNoLimit() {
        RunOptions options = PipelineOptions.of(0, "keepGoing", 1, 0, 0);

        assertThat(options.maxParallel()).isEqualTo(RunOptions.UNLIMITED);
        assertThat(options.defaultTimeoutMinutes()).isNull();
    }

    @Test
    void shouldNameTheParameterAndTheFixForABadValue() {
        assertThatThrownBy(() -> PipelineOptions.of(0, "keepgoingg", 1, 0, 0))
                .hasMessage("failurePolicy: 'keepgoingg' is not a policy; use 'keepGoing', 'failFast' or 'threshold'");
        assertThatThrownBy(() -> PipelineOptions.of(-1, "keepGoing", 1, 0, 0)).hasMessageStartingWith("maxParallel: -1");
        assertThatThrownBy(() -> PipelineOptions.of(0, "threshold", 1.5, 0, 0)).hasMessageStartingWith("minScore: 1.5");
        assertThatThrownBy(() -> PipelineOptions.of(0, "keepGoing", 1, -2, 0)).hasMessageStartingWith("retries: -2");
        assertThatThrownBy(() -> PipelineOptions.of(0, "keepGoing", 1, 0, -5))
                .hasMessageStartingWith("timeoutMinutes: -5");
    }
}
