package io.parallelplan.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.parallelplan.core.analyze.PlanAnalysis;
import io.parallelplan.core.graph.PlanGraph;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link PlanAnalysis} as the JSON object {@code parallel-plan analyze --format json} prints (keys documented
 * in {@code docs/cli.md}): {@code plan}, {@code achievements}, {@code dependencies}, {@code levels},
 * {@code width}, {@code critical_path} ({@code ids}, {@code hours}), {@code sequential_hours}, {@code executors}
 * ({@code null} for unlimited), {@code peak_executors}, {@code makespan_hours}, {@code saving_hours},
 * {@code estimate_bound}.
 */
public final class AnalysisJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The JSON text, pretty-printed, ending with a line break. */
    public String render(String planName, PlanGraph graph, PlanAnalysis analysis) {
        StringWriter out = new StringWriter(256 + graph.size() * 12);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("plan", planName);
            g.writeNumberField("achievements", graph.size());
            g.writeNumberField("dependencies", graph.edgeCount());
            g.writeArrayFieldStart("levels");
            for (List<String> level : analysis.levels()) {
                g.writeStartArray();
                for (String id : level) {
                    g.writeString(id);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeNumberField("width", analysis.width());
            g.writeObjectFieldStart("critical_path");
            g.writeArrayFieldStart("ids");
            for (String id : analysis.criticalPath().ids()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeNumberField("hours", analysis.criticalPath().hours());
            g.writeEndObject();
            g.writeNumberField("sequential_hours", analysis.sequentialHours());
            if (analysis.unlimitedExecutors()) {
                g.writeNullField("executors");
            } else {
                g.writeNumberField("executors", analysis.executors());
            }
            g.writeNumberField("peak_executors", analysis.peakExecutors());
            g.writeNumberField("makespan_hours", analysis.makespanHours());
            g.writeNumberField("saving_hours", analysis.savingHours());
            g.writeStringField("estimate_bound", analysis.bound().name().toLowerCase(Locale.ROOT));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.append("\n").toString();
    }
}
