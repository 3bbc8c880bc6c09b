package io.parallelplan.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.schedule.EventReason;
import io.parallelplan.core.schedule.RunEvent;
import io.parallelplan.core.schedule.TaskState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class EventLinesTest {
    @Test
    void shouldShowDurationsAsTheSummaryDoes() {
        assertThat(EventLines.seconds(Duration.ZERO)).isEqualTo("0.0s");
        assertThat(EventLines.seconds(Duration.ofMillis(49))).isEqualTo("0.0s");
        assertThat(EventLines.seconds(Duration.ofMillis(50))).isEqualTo("0.1s");
        assertThat(EventLines.seconds(Duration.ofMillis(2_040))).isEqualTo("2.0s");
        assertThat(EventLines.seconds(Duration.ofMillis(59_960))).isEqualTo("60.0s");
        assertThat(EventLines.seconds(Duration.ofSeconds(65))).isEqualTo("1m05s");
        assertThat(EventLines.seconds(Duration.ofSeconds(3_599))).isEqualTo("59m59s");
        assertThat(EventLines.seconds(Duration.ofMinutes(62))).isEqualTo("1h02m");
        assertThat(EventLines.seconds(Duration.ofMillis(-5))).isEqualTo("0.0s");
    }

    @Test
    void shouldStampEachLineWithTheClockOfItsEventInTheDisplaysZone() {
        StringWriter text = new StringWriter();
        EventLines lines = new EventLines(new PrintWriter(text), ZoneId.of("Europe/Paris"));
        Instant start = Instant.parse("2026-11-25T08:59:59.900Z");

        lines.onEvent(event(start, TaskState.READY, TaskState.RUNNING, 1));
        lines.onEvent(event(start.plusMillis(50), TaskState.PENDING, TaskState.READY, 0));
        lines.onEvent(event(start.plusMillis(2_140), TaskState.RUNNING, TaskState.SUCCEEDED, 1));
        lines.flush();

        assertThat(text.toString()).isEqualTo("[09:59:59] 2.1 RUNNING (attempt 1)\n"
                + "[10:00:02] 2.1 SUCCEEDED in 2.1s\n");
    }

    private static RunEvent event(Instant time, TaskState from, TaskState to, int attempt) {
        return new RunEvent(time, "2.1", from, to, attempt, null, null, EventReason.STARTED, null);
    }
}
