package io.parallelplan.core.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parallelplan.core.model.Finding;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders a {@link PlanStatus} as the JSON document {@code parallel-plan status --format json} prints:
 * {@code {"plan", "achievements": {id: {"status", "files"}}, "ready", "blocked": {id: [chain]}, "progress",
 * "findings"}}.
 */
public final class StatusJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusJson() {}

    /** The JSON text of a status, pretty-printed. */
    public static String render(PlanStatus status) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("plan", status.planName());
        root.put("folder", status.folder().folder().toString());
        root.put("workspace_root", status.folder().workspaceRoot().toString());
        ObjectNode achievements = root.putObject("achievements");
        for (PlanStatus.Entry e : status.achievements()) {
            ObjectNode node = achievements.putObject(e.id());
            node.put("status", e.status().label());
            ArrayNode files = node.putArray("files");
            e.files().forEach(files::add);
        }
        ArrayNode ready = root.putArray("ready");
        status.ready().forEach(ready::add);
        ObjectNode blocked = root.putObject("blocked");
        status.blocked().forEach((id, chain) -> {
            ArrayNode c = blocked.putArray(id);
            chain.forEach(c::add);
        });
        ObjectNode progress = root.putObject("progress");
        count(progress, status.progress().overall());
        ArrayNode levels = progress.putArray("levels");
        List<PlanStatus.Count> byLevel = status.progress().levels();
        for (int l = 0; l < byLevel.size(); l++) {
            ObjectNode level = levels.addObject();
            level.put("level", l);
            count(level, byLevel.get(l));
        }
        findings(root.putArray("findings"), status.findings());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void count(ObjectNode node, PlanStatus.Count c) {
        node.put("done", c.done());
        node.put("total", c.total());
        node.put("hours_done", c.hoursDone());
        node.put("hours_total", c.hoursTotal());
    }

    /**
     * Adds findings to a JSON array as {@code {"severity", "code", "message", "achievement", "line", "column"}} objects
     * (the last three only when known); shared by the workflow's JSON documents.
     */
    public static void findings(ArrayNode array, List<Finding> findings) {
        for (Finding f : findings) {
            ObjectNode node = array.addObject();
            node.put("severity", f.severity().label());
            node.put("code", f.code());
            node.put("message", f.message());
            if (f.achievement() != null) {
                node.put("achievement", f.achievement());
            }
            if (f.location().isKnown()) {
                node.put("line", f.location().line());
                node.put("column", f.location().column());
            }
        }
    }
}
