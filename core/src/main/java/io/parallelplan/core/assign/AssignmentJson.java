package io.parallelplan.core.assign;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parallelplan.core.analyze.EstimateBound;
import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.parse.PlanReadException;
import io.parallelplan.core.pipeline.ConsoleLines;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of an {@link Assignment}, as {@code parallel-plan assign --format json} prints it and {@code -o}
 * writes it: {@code {"plan", "estimate_bound", "makespan_hours", "executors": {NAME: [{"id", "start_hours",
 * "end_hours"}]}, "idle_hours": {NAME: H}, "sync_points": [{"id", "executor", "waits_for", "on"}]}}. The keys
 * {@code makespan_hours}, {@code executors} and {@code sync_points} (with theirs) are a contract; {@link #read} needs
 * only those.
 */
public final class AssignmentJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The largest assignment file read. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private AssignmentJson() {}

    /** The JSON text, pretty-printed, ending with a line break. */
    public static String render(Assignment a) {
        StringWriter out = new StringWriter(256 + a.executors().size() * 64 + a.syncPoints().size() * 96);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("plan", a.planName());
            g.writeStringField("estimate_bound", a.bound().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("makespan_hours", a.makespanHours());
            g.writeObjectFieldStart("executors");
            for (Assignment.Executor e : a.executors()) {
                g.writeArrayFieldStart(e.name());
                for (Assignment.Slot s : e.achievements()) {
                    g.writeStartObject();
                    g.writeStringField("id", s.id());
                    g.writeNumberField("start_hours", s.startHours());
                    g.writeNumberField("end_hours", s.endHours());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("idle_hours");
            for (Assignment.Executor e : a.executors()) {
                g.writeNumberField(e.name(), a.idleHours(e));
            }
            g.writeEndObject();
            g.writeArrayFieldStart("sync_points");
            for (Assignment.SyncPoint s : a.syncPoints()) {
                g.writeStartObject();
                g.writeStringField("id", s.id());
                g.writeStringField("executor", s.executor());
                g.writeStringField("waits_for", s.waitsFor());
                g.writeStringField("on", s.on());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /**
     * An assignment read from a file, checked against today's plan.
     *
     * @param assignment what the file says
     * @param warnings where the file no longer matches the plan (stale), one line each, without the file name
     */
    public record Checked(Assignment assignment, List<String> warnings) {
        public Checked {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads an assignment file and checks it against the plan it is for.
     *
     * @throws PlanReadException naming the file (and the line and column when known) when it is missing, not JSON,
     *     lacks a key of the contract, holds a wrong type, puts an achievement twice or names one the plan does
     *     not have
     */
    public static Checked read(Path file, String planName, PlanGraph graph) {
        Assignment a = parse(file, readText(file));
        List<String> warnings = new ArrayList<>();
        if (!a.planName().isEmpty() && !a.planName().equals(planName)) {
            warnings.add("it was made for plan " + ConsoleLines.clean(a.planName()) + ", not " + planName);
        }
        Map<String, String> executorOf = a.executorById();
        Set<String> unassigned = new LinkedHashSet<>();
        for (int v = 0; v < graph.size(); v++) {
            if (!executorOf.containsKey(graph.id(v))) {
                unassigned.add(graph.id(v));
            }
        }
        for (Assignment.Executor e : a.executors()) {
            for (Assignment.Slot s : e.achievements()) {
                if (graph.indexOf(s.id()) < 0) {
                    throw new PlanReadException(file, "achievement " + ConsoleLines.clean(s.id()) + " (executor "
                            + ConsoleLines.clean(e.name()) + ") is not in the plan; the plan changed since: run "
                            + "parallel-plan assign again");
                }
            }
        }
        if (!unassigned.isEmpty()) {
            warnings.add(list(unassigned) + (unassigned.size() == 1 ? " is" : " are") + " in the plan but on no "
                    + "executor");
        }
        Set<String> expected = new LinkedHashSet<>();
        for (int v = 0; v < graph.size(); v++) {
            String on = executorOf.get(graph.id(v));
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                String dependency = graph.id(graph.dependency(v, k));
                String theirs = executorOf.get(dependency);
                if (on != null && theirs != null && !on.equals(theirs)) {
                    expected.add(graph.id(v) + " waits for " + dependency);
                }
            }
        }
        Set<String> written = new LinkedHashSet<>();
        for (Assignment.SyncPoint s : a.syncPoints()) {
            written.add(s.id() + " waits for " + s.waitsFor());
        }
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(written);
        Set<String> gone = new LinkedHashSet<>(written);
        gone.removeAll(expected);
        if (!missing.isEmpty()) {
            warnings.add("the plan's dependencies make sync points it does not list: " + list(missing));
        }
        if (!gone.isEmpty()) {
            warnings.add("it lists sync points the plan's dependencies no longer make: " + list(gone));
        }
        if (!warnings.isEmpty()) {
            warnings.add("the plan changed since the assignment was made; run parallel-plan assign again");
        }
        return new Checked(a, warnings);
    }

    private static String list(Set<String> items) {
        List<String> shown = new ArrayList<>(items).subList(0, Math.min(items.size(), 10));
        int more = items.size() - shown.size();
        return ConsoleLines.clean(String.join(", ", shown)) + (more > 0 ? " and " + more + " more" : "");
    }

    private static String readText(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new PlanReadException(file, "is a folder; give the assignment file written by "
                        + "parallel-plan assign -o FILE");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new PlanReadException(file, "is larger than " + MAX_BYTES / (1024 * 1024) + " MB; it is not "
                        + "an assignment");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PlanReadException(file, "no such file; write one with parallel-plan assign PLAN --executors N "
                    + "-o " + file);
        } catch (IOException | UncheckedIOException e) {
            throw new PlanReadException(file, "cannot read the assignment (" + e.getMessage() + ")");
        }
    }

    /** The assignment in {@code text}, read from {@code file}. */
    static Assignment parse(Path file, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SourceLocation where = at == null || at.getLineNr() < 1 ? SourceLocation.UNKNOWN
                    : new SourceLocation(at.getLineNr(), Math.max(1, at.getColumnNr()));
            throw new PlanReadException(file, where, "not valid JSON (" + e.getOriginalMessage().lines().findFirst()
                    .orElse("") + "); write it with parallel-plan assign -o FILE", List.of());
        }
        if (root == null || !root.isObject()) {
            throw new PlanReadException(file, "is not a JSON object; write it with parallel-plan assign -o FILE");
        }
        String plan = root.path("plan").isTextual() ? root.get("plan").asText() : "";
        EstimateBound bound = EstimateBound.UPPER;
        if (root.path("estimate_bound").isTextual()) {
            try {
                bound = EstimateBound.valueOf(root.get("estimate_bound").asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PlanReadException(file, "\"estimate_bound\" must be upper, lower or middle");
            }
        }
        double makespan = number(file, root, "makespan_hours", "");
        JsonNode executors = root.get("executors");
        if (executors == null || !executors.isObject() || executors.isEmpty()) {
            throw new PlanReadException(file, "\"executors\" must be an object with one array per executor "
                    + "({\"alice\": [{\"id\": ...}]})");
        }
        List<Assignment.Executor> lanes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = executors.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> lane = fields.next();
            String where = "executors." + ConsoleLines.clean(lane.getKey());
            if (!lane.getValue().isArray()) {
                throw new PlanReadException(file, "\"" + where + "\" must be an array of {\"id\", \"start_hours\", "
                        + "\"end_hours\"}");
            }
            List<Assignment.Slot> slots = new ArrayList<>();
            for (int i = 0; i < lane.getValue().size(); i++) {
                JsonNode slot = lane.getValue().get(i);
                String at = where + "[" + i + "]";
                String id = text(file, slot, "id", at);
                if (!seen.add(id)) {
                    throw new PlanReadException(file, "achievement " + ConsoleLines.clean(id) + " is assigned twice "
                            + "(again at " + at + "); each achievement belongs to one executor");
                }
                slots.add(new Assignment.Slot(id, number(file, slot, "start_hours", at),
                        number(file, slot, "end_hours", at)));
            }
            lanes.add(new Assignment.Executor(lane.getKey(), slots));
        }
        JsonNode sync = root.get("sync_points");
        if (sync == null || !sync.isArray()) {
            throw new PlanReadException(file, "\"sync_points\" must be an array of {\"id\", \"executor\", "
                    + "\"waits_for\", \"on\"}");
        }
        Map<String, Boolean> known = new HashMap<>();
        lanes.forEach(l -> known.put(l.name(), true));
        List<Assignment.SyncPoint> points = new ArrayList<>();
        for (int i = 0; i < sync.size(); i++) {
            String at = "sync_points[" + i + "]";
            JsonNode s = sync.get(i);
            Assignment.SyncPoint p = new Assignment.SyncPoint(text(file, s, "id", at), text(file, s, "executor", at),
                    text(file, s, "waits_for", at), text(file, s, "on", at));
            for (String name : List.of(p.executor(), p.on())) {
                if (!known.containsKey(name)) {
                    throw new PlanReadException(file, at + " names executor " + ConsoleLines.clean(name)
                            + ", which has no entry in \"executors\"");
                }
            }
            points.add(p);
        }
        return new Assignment(plan, bound, makespan, lanes, points);
    }

    private static String text(Path file, JsonNode node, String key, String at) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new PlanReadException(file, "\"" + (at.isEmpty() ? "" : at + ".") + key + "\" must be a "
                    + "non-empty string");
        }
        return value.asText();
    }

    private static double number(Path file, JsonNode node, String key, String at) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0) {
            throw new PlanReadException(file, "\"" + (at.isEmpty() ? "" : at + ".") + key + "\" must be a number "
                    + "of hours, 0 or more");
        }
        return value.asDouble();
    }
}
