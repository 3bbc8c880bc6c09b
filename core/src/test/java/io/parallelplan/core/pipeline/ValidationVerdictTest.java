package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.validate.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationVerdictTest {
    @Test
    void shouldFailOnErrorsAndWarnOnlyWhenStrict() {
        ValidationReport warnings = new ValidationReport(List.of(
                Finding.warning("w", "m", null, SourceLocation.UNKNOWN)));
        ValidationReport errors = new ValidationReport(List.of(Finding.error("e", "m", null, SourceLocation.UNKNOWN)));
        ValidationReport clean = new ValidationReport(List.of());

        assertThat(ValidationVerdict.of(errors, false)).isEqualTo(RunStatus.FAILURE);
        assertThat(ValidationVerdict.of(warnings, false)).isEqualTo(RunStatus.SUCCESS);
        assertThat(ValidationVerdict.of(warnings, true)).isEqualTo(RunStatus.UNSTABLE);
        assertThat(ValidationVerdict.of(clean, true)).isEqualTo(RunStatus.SUCCESS);
    }
}
