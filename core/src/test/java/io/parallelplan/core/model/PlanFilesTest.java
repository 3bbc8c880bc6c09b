package io.parallelplan.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PlanFilesTest {
    @Property
    void taskNumbersAreWhatTheFormatterWrites(
            @ForAll @IntRange(min = -1000, max = 100_000) int n, @ForAll("locales") Locale locale) {
        assertThat(PlanFiles.twoDigits(n, locale)).isEqualTo(String.format(locale, "%02d", n));
    }

    @Test
    void everyLocaleWritesTheDigitsItsFormatterWrites() {
        for (Locale locale : Locale.getAvailableLocales()) {
            for (int n : new int[] {0, 1, 9, 10, 42, 99, 100, 1234}) {
                assertThat(PlanFiles.twoDigits(n, locale)).as(locale.toLanguageTag())
                        .isEqualTo(String.format(locale, "%02d", n));
            }
        }
    }

    @Test
    void executionTaskNamesCarryATwoDigitTaskNumber() {
        PlanFiles files = new PlanFiles("DEMO");
        assertThat(files.executionTask("21", 1)).isEqualTo("execution/EXECUTION_TASK_DEMO_21_01.md");
        assertThat(files.executionTask("21", 12)).isEqualTo("execution/EXECUTION_TASK_DEMO_21_12.md");
        assertThat(files.executionTask("21", 123)).isEqualTo("execution/EXECUTION_TASK_DEMO_21_123.md");
    }

    @Provide
    Arbitrary<Locale> locales() {
        return Arbitraries.of(Locale.getAvailableLocales())
                .edgeCases(c -> c.add(Locale.US).add(Locale.ROOT).add(Locale.forLanguageTag("ar-SA"))
                        .add(Locale.forLanguageTag("th-TH-u-nu-thai")));
    }
}
