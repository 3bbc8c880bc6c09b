package io.parallelplan.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * A {@link ReportSnapshot} as JSON ({@code "format": "parallel-plan-report/1"}): keys in a fixed order, every key
 * always present ({@code null} when unknown), achievements in plan order, instants in ISO-8601 UTC. The keys are
 * documented in {@code docs/reports.md}.
 */
public final class JsonReportRenderer {
    /** The value of the {@code format} key; changes only when a key changes meaning or goes away. */
    public static final String FORMAT = "parallel-plan-report/1";

    private static final JsonFactory JSON = new JsonFactory();

    public String render(ReportSnapshot s) {
        StringWriter out = new StringWriter(s.entries().size() * 400 + 512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter();
            pretty.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
            pretty.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("plan", s.planName());
            g.writeStringField("source", s.source().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("run_id", s.runId());
            g.writeStringField("result", s.result());
            g.writeStringField("count_line", s.countLine());
            g.writeStringField("summary", s.summaryLine());
            strings(g, "chains", s.chains());
            g.writeObjectFieldStart("state_counts");
            for (var c : s.stateCounts().entrySet()) {
                g.writeNumberField(c.getKey(), c.getValue());
            }
            g.writeEndObject();
            ReportSnapshot.Analysis a = s.analysis();
            g.writeObjectFieldStart("analysis");
            g.writeNumberField("levels", a.levels());
            g.writeNumberField("width", a.width());
            strings(g, "critical_path", a.criticalPath());
            g.writeNumberField("critical_hours", a.criticalHours());
            g.writeNumberField("sequential_hours", a.sequentialHours());
            g.writeEndObject();
            g.writeArrayFieldStart("achievements");
            for (ReportSnapshot.Entry e : s.entries()) {
                entry(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static void entry(JsonGenerator g, ReportSnapshot.Entry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("title", e.title());
        strings(g, "dependencies", e.dependencies());
        g.writeStringField("estimate", e.estimate());
        g.writeNumberField("estimate_hours", e.estimateHours());
        g.writeStringField("executor", e.executor());
        g.writeBooleanField("optional", e.optional());
        g.writeNumberField("level", e.level());
        g.writeBooleanField("critical", e.critical());
        g.writeStringField("state", e.state());
        g.writeStringField("reason", e.reason());
        strings(g, "blocked_by", e.blockedBy());
        Duration d = e.duration();
        if (d == null) {
            g.writeNullField("duration_ms");
        } else {
            g.writeNumberField("duration_ms", d.toMillis());
        }
        g.writeArrayFieldStart("attempts");
        for (ReportSnapshot.Attempt at : e.attempts()) {
            g.writeStartObject();
            g.writeNumberField("number", at.number());
            g.writeStringField("started_at", at.startedAt().toString());
            g.writeStringField("finished_at", at.finishedAt() == null ? null : at.finishedAt().toString());
            if (at.exitCode() == null) {
                g.writeNullField("exit_code");
            } else {
                g.writeNumberField("exit_code", at.exitCode());
            }
            g.writeStringField("outcome", at.outcome());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("log_tail", e.logTail());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
