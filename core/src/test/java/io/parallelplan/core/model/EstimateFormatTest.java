package io.parallelplan.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link Estimate#formatHours}: whole and quarter hours without a formatter, the same text as with one. */
class EstimateFormatTest {
    /** The general rule: two decimals, trailing zeros and a trailing point dropped. */
    private static String formatted(double hours) {
        if (hours == Math.rint(hours) && Math.abs(hours) < 1e15) {
            return Long.toString((long) hours);
        }
        return String.format(Locale.ROOT, "%.2f", hours).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    @Property
    void shouldPrintQuarterHoursAsTheGeneralRuleDoes(@ForAll @IntRange(min = -4_000_000, max = 4_000_000) int q) {
        double hours = q / 4.0;
        assertThat(Estimate.formatHours(hours)).isEqualTo(formatted(hours));
    }

    @Property
    void shouldPrintAnyHoursAsTheGeneralRuleDoes(@ForAll double hours) {
        assertThat(Estimate.formatHours(hours)).isEqualTo(formatted(hours));
    }

    @Test
    void shouldPrintTheUsualEstimates() {
        assertThat(Estimate.formatHours(0.25)).isEqualTo("0.25");
        assertThat(Estimate.formatHours(1.5)).isEqualTo("1.5");
        assertThat(Estimate.formatHours(-0.75)).isEqualTo("-0.75");
        assertThat(Estimate.formatHours(2.125)).isEqualTo("2.13");
        assertThat(Estimate.formatHours(3)).isEqualTo("3");
    }
}
