package io.parallelplan.core.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A snapshot as JUnit XML, the format every CI's test view reads: one {@code <testsuite>} for the plan and one
 * {@code <testcase>} per achievement (name {@code "<id> <title>"}, classname the plan). A FAILED achievement is a
 * {@code <failure>} whose text is the tail of its log; BLOCKED, CANCELLED and SKIPPED ones (and any that did not
 * run) are {@code <skipped>} with the reason; SUCCEEDED, FLAKY and complete ones pass (a FLAKY one says so in its
 * {@code <system-out>}). The run's count line and chains are the suite's {@code <system-out>}.
 */
public final class JunitXmlRenderer {
    public String render(ReportSnapshot s) {
        List<ReportSnapshot.Entry> entries = s.entries();
        int failures = 0;
        int skipped = 0;
        long millis = 0;
        for (ReportSnapshot.Entry e : entries) {
            switch (outcome(e)) {
                case FAILURE -> failures++;
                case SKIPPED -> skipped++;
                default -> { }
            }
            Duration d = e.duration();
            millis += d == null ? 0 : d.toMillis();
        }
        String time = Durations.seconds(Duration.ofMillis(millis));
        String name = Escape.xml(s.planName());
        StringBuilder sb = new StringBuilder(entries.size() * 200 + 512);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"").append(name).append("\" tests=\"").append(entries.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(time).append("\">\n");
        sb.append("  <testsuite name=\"").append(name).append("\" tests=\"").append(entries.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(time).append('"');
        firstStart(s, sb);
        sb.append(">\n    <properties>\n");
        property(sb, "source", s.source().name().toLowerCase(Locale.ROOT));
        if (s.runId() != null) {
            property(sb, "run_id", s.runId());
        }
        if (s.result() != null) {
            property(sb, "result", s.result());
        }
        sb.append("    </properties>\n");
        for (ReportSnapshot.Entry e : entries) {
            testcase(s, e, sb);
        }
        sb.append("    <system-out>").append(Escape.xml(s.summaryLine()));
        for (String chain : s.chains()) {
            sb.append('\n').append(Escape.xml(chain));
        }
        sb.append("</system-out>\n  </testsuite>\n</testsuites>\n");
        return sb.toString();
    }

    private static void firstStart(ReportSnapshot s, StringBuilder sb) {
        java.time.Instant first = null;
        for (ReportSnapshot.Entry e : s.entries()) {
            for (ReportSnapshot.Attempt a : e.attempts()) {
                first = first == null || a.startedAt().isBefore(first) ? a.startedAt() : first;
            }
        }
        if (first != null) {
            // JUnit's timestamp has no zone: ISO local date-time in UTC, seconds precision.
            sb.append(" timestamp=\"").append(first.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                    .replace("Z", "")).append('"');
        }
    }

    private static void property(StringBuilder sb, String name, String value) {
        sb.append("      <property name=\"").append(name).append("\" value=\"").append(Escape.xml(value))
                .append("\"/>\n");
    }

    private enum Outcome { PASS, FAILURE, SKIPPED }

    private static Outcome outcome(ReportSnapshot.Entry e) {
        return switch (StatePalette.tone(e.state())) {
            case SUCCEEDED, FLAKY -> Outcome.PASS;
            case FAILED -> Outcome.FAILURE;
            default -> Outcome.SKIPPED;
        };
    }

    private static void testcase(ReportSnapshot s, ReportSnapshot.Entry e, StringBuilder sb) {
        String name = e.title().isEmpty() ? e.id() : e.id() + " " + e.title();
        sb.append("    <testcase name=\"").append(Escape.xml(name)).append("\" classname=\"")
                .append(Escape.xml(s.planName())).append("\" time=\"").append(Durations.seconds(e.duration()))
                .append('"');
        Outcome outcome = outcome(e);
        boolean flaky = StatePalette.tone(e.state()) == StatePalette.Tone.FLAKY;
        if (outcome == Outcome.PASS && !flaky) {
            sb.append("/>\n");
            return;
        }
        sb.append(">\n");
        switch (outcome) {
            case FAILURE -> {
                String message = e.state() + (e.reason() == null ? "" : ": " + e.reason());
                sb.append("      <failure message=\"").append(Escape.xml(message)).append("\" type=\"")
                        .append(Escape.xml(e.state())).append("\">");
                sb.append(Escape.xml(e.logTail() == null ? "(no log recorded)" : e.logTail()));
                sb.append("</failure>\n");
            }
            case SKIPPED -> sb.append("      <skipped message=\"").append(Escape.xml(skipReason(e)))
                    .append("\"/>\n");
            case PASS -> sb.append("      <system-out>").append(Escape.xml("FLAKY: " + (e.reason() != null
                    ? e.reason() : "passed on attempt " + e.attempts().size()))).append("</system-out>\n");
        }
        sb.append("    </testcase>\n");
    }

    static String skipReason(ReportSnapshot.Entry e) {
        if (e.state() == null) {
            return "not run";
        }
        StringBuilder r = new StringBuilder(e.state());
        if (!e.blockedBy().isEmpty()) {
            r.append(": blocked by ").append(e.blockedByText());
        }
        if (e.reason() != null) {
            r.append(e.blockedBy().isEmpty() ? ": " : " (").append(e.reason());
            if (!e.blockedBy().isEmpty()) {
                r.append(')');
            }
        }
        return r.toString();
    }
}
