package io.parallelplan.core.discover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parallelplan.core.status.StatusJson;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders a {@link DriftReport} as the JSON document {@code parallel-plan drift --format json} prints:
 * {@code {"in_sync", "missing_in_json", "missing_in_markdown", "titles", "dependencies", "estimates", "not_stated",
 * "findings"}}.
 */
public final class DriftJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DriftJson() {}

    /** The JSON text of a drift report, pretty-printed. */
    public static String render(DriftReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("in_sync", report.inSync());
        strings(root.putArray("missing_in_json"), report.missingInJson());
        strings(root.putArray("missing_in_markdown"), report.missingInMarkdown());
        ArrayNode titles = root.putArray("titles");
        for (DriftReport.TitleDrift t : report.titles()) {
            titles.addObject().put("id", t.id()).put("markdown", t.markdown()).put("json", t.json());
        }
        ArrayNode deps = root.putArray("dependencies");
        for (DriftReport.DependencyDrift d : report.dependencies()) {
            ObjectNode node = deps.addObject().put("id", d.id());
            strings(node.putArray("only_in_markdown"), d.onlyInMarkdown());
            strings(node.putArray("only_in_json"), d.onlyInJson());
        }
        ArrayNode estimates = root.putArray("estimates");
        for (DriftReport.EstimateDrift e : report.estimates()) {
            estimates.addObject().put("id", e.id()).put("markdown", e.markdown()).put("json", e.json());
        }
        strings(root.putArray("not_stated"), report.notStated());
        StatusJson.findings(root.putArray("findings"), report.findings());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
