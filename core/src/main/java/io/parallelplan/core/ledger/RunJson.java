package io.parallelplan.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parallelplan.core.schedule.EventReason;
import io.parallelplan.core.schedule.FailurePolicy;
import io.parallelplan.core.schedule.RunEvent;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.schedule.RunSummary;
import io.parallelplan.core.schedule.TaskState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON forms of run values, shared by the ledger, the CLI's {@code --format json}, the Jenkins plugin and
 * reports. Keys are snake_case; states and results are upper case ({@code "SUCCEEDED"}, {@code "UNSTABLE"}); times
 * are ISO-8601 instants.
 */
public final class RunJson {
    /** The line separator of Jackson's indented output. */
    private static final String EOL = System.lineSeparator();
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private RunJson() {}

    /** The mapper used to read run files (plain Jackson, no modules), made when first needed. */
    static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** Holds the mapper, so that loading this class does not make it. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    // ---------------------------------------------------------------- summary

    /**
     * The final JSON of a run: {@code {"result", "counts", "achievements": {id: {"state", "attempts",
     * "exit_code", "blocked_by", "started_at", "finished_at"}}}}.
     */
    public static ObjectNode toJson(RunSummary summary) {
        ObjectNode root = mapper().createObjectNode();
        root.put("result", summary.result().name());
        ObjectNode counts = root.putObject("counts");
        summary.counts().forEach(counts::put);
        ObjectNode achievements = root.putObject("achievements");
        summary.achievements().forEach((id, e) -> {
            ObjectNode a = achievements.putObject(id);
            a.put("state", e.state().name());
            a.put("attempts", e.attempts());
            putNullable(a, "exit_code", e.exitCode());
            ArrayNode blockedBy = a.putArray("blocked_by");
            e.blockedBy().forEach(blockedBy::add);
            putTime(a, "started_at", e.startedAt());
            putTime(a, "finished_at", e.finishedAt());
        });
        return root;
    }

    /**
     * {@link #toJson(RunSummary)}, indented, as text: the same text as Jackson's indented output of that tree (two
     * spaces a level, {@code " : "} after names, {@code [ "a", "b" ]} and {@code { }}), written directly — a run's
     * last step, printed by {@code run --format json} too.
     */
    public static String write(RunSummary summary) {
        StringBuilder b = new StringBuilder(128 + 256 * summary.achievements().size());
        b.append('{').append(EOL).append("  \"result\" : ");
        string(b, summary.result().name());
        b.append(',').append(EOL).append("  \"counts\" : ");
        if (summary.counts().isEmpty()) {
            b.append("{ }");
        } else {
            b.append('{');
            String separator = EOL;
            for (Map.Entry<String, Integer> c : summary.counts().entrySet()) {
                b.append(separator).append("    ");
                string(b, c.getKey());
                b.append(" : ").append(c.getValue().intValue());
                separator = "," + EOL;
            }
            b.append(EOL).append("  }");
        }
        b.append(',').append(EOL).append("  \"achievements\" : ");
        if (summary.achievements().isEmpty()) {
            b.append("{ }");
        } else {
            b.append('{');
            String separator = EOL;
            for (Map.Entry<String, RunSummary.Entry> a : summary.achievements().entrySet()) {
                RunSummary.Entry e = a.getValue();
                b.append(separator).append("    ");
                string(b, a.getKey());
                b.append(" : {").append(EOL).append("      \"state\" : ");
                string(b, e.state().name());
                b.append(',').append(EOL).append("      \"attempts\" : ").append(e.attempts());
                b.append(',').append(EOL).append("      \"exit_code\" : ");
                if (e.exitCode() == null) {
                    b.append("null");
                } else {
                    b.append(e.exitCode().intValue());
                }
                b.append(',').append(EOL).append("      \"blocked_by\" : [ ");
                for (int i = 0; i < e.blockedBy().size(); i++) {
                    if (i > 0) {
                        b.append(", ");
                    }
                    string(b, e.blockedBy().get(i));
                }
                b.append(e.blockedBy().isEmpty() ? "]" : " ]");
                b.append(',').append(EOL).append("      \"started_at\" : ");
                time(b, e.startedAt());
                b.append(',').append(EOL).append("      \"finished_at\" : ");
                time(b, e.finishedAt());
                b.append(EOL).append("    }");
                separator = "," + EOL;
            }
            b.append(EOL).append("  }");
        }
        return b.append(EOL).append('}').toString();
    }

    private static void time(StringBuilder b, Instant value) {
        if (value == null) {
            b.append("null");
        } else {
            b.append('"');
            instant(b, value);
            b.append('"');
        }
    }

    /** Reads the final JSON of a run. */
    public static RunSummary readSummary(JsonNode root) {
        RunStatus result = RunStatus.valueOf(required(root, "result").asText());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = required(root, "counts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            counts.put(e.getKey(), e.getValue().asInt());
        }
        Map<String, RunSummary.Entry> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = required(root, "achievements").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = e.getValue();
            List<String> blockedBy = new ArrayList<>();
            a.path("blocked_by").forEach(n -> blockedBy.add(n.asText()));
            entries.put(e.getKey(), new RunSummary.Entry(
                    TaskState.valueOf(required(a, "state").asText()),
                    a.path("attempts").asInt(),
                    integer(a, "exit_code"),
                    blockedBy,
                    time(a, "started_at"),
                    time(a, "finished_at")));
        }
        return new RunSummary(result, counts, entries);
    }

    // ---------------------------------------------------------------- events

    /** One journal line's object for an event ({@code "type": "event"}); absent values are left out. */
    public static ObjectNode toJson(RunEvent e) {
        ObjectNode o = mapper().createObjectNode();
        o.put("type", "event");
        o.put("time", e.time().toString());
        o.put("id", e.taskId());
        o.put("from", e.from().name());
        o.put("to", e.to().name());
        if (e.attempt() != 0) {
            o.put("attempt", e.attempt());
        }
        if (e.exitCode() != null) {
            o.put("exit_code", e.exitCode());
        }
        if (e.message() != null) {
            o.put("message", e.message());
        }
        o.put("reason", e.reason().name());
        if (e.cause() != null) {
            o.put("cause", e.cause());
        }
        return o;
    }

    /** Reads an event written by {@link #toJson(RunEvent)}. */
    public static RunEvent readEvent(JsonNode o) {
        return new RunEvent(
                Instant.parse(required(o, "time").asText()),
                required(o, "id").asText(),
                TaskState.valueOf(required(o, "from").asText()),
                TaskState.valueOf(required(o, "to").asText()),
                o.path("attempt").asInt(0),
                integer(o, "exit_code"),
                text(o, "message"),
                EventReason.valueOf(required(o, "reason").asText()),
                text(o, "cause"));
    }

    /**
     * An event as one line of JSON (no line break): the same text as {@code toJson(e).toString()}, written directly,
     * because the journal writes one line per event and a run of quick commands writes thousands per second.
     */
    public static String line(RunEvent e) {
        StringBuilder b = new StringBuilder(160);
        b.append("{\"type\":\"event\",\"time\":\"");
        instant(b, e.time());
        b.append("\",\"id\":");
        string(b, e.taskId());
        b.append(",\"from\":\"").append(e.from().name()).append("\",\"to\":\"").append(e.to().name()).append('"');
        if (e.attempt() != 0) {
            b.append(",\"attempt\":").append(e.attempt());
        }
        if (e.exitCode() != null) {
            b.append(",\"exit_code\":").append(e.exitCode().intValue());
        }
        if (e.message() != null) {
            b.append(",\"message\":");
            string(b, e.message());
        }
        b.append(",\"reason\":\"").append(e.reason().name()).append('"');
        if (e.cause() != null) {
            b.append(",\"cause\":");
            string(b, e.cause());
        }
        return b.append('}').toString();
    }

    /** A JSON string as Jackson writes it, or {@code null}. */
    static void string(StringBuilder b, String text) {
        if (text == null) {
            b.append("null");
            return;
        }
        b.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, b);
        b.append('"');
    }

    /**
     * A JSON string (or {@code null}) as Jackson's UTF-8 generator writes it, so that the text's UTF-8 bytes are the
     * generator's: control characters, quote and backslash escaped as everywhere, and every surrogate — paired or
     * not — as a backslash, {@code u} and four upper-case hex digits.
     */
    static void utf8String(StringBuilder b, String text) {
        if (text == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                switch (c) {
                    case '\b' -> b.append("\\b");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\f' -> b.append("\\f");
                    case '\r' -> b.append("\\r");
                    default -> hexEscape(b, c);
                }
            } else if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (Character.isSurrogate(c)) {
                hexEscape(b, c);
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    private static void hexEscape(StringBuilder b, char c) {
        b.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            b.append("0123456789ABCDEF".charAt((c >> shift) & 0xF));
        }
    }

    /** A JSON number as Jackson writes a double: {@link Double#toString}, quoted when not finite. */
    static void number(StringBuilder b, double value) {
        if (Double.isFinite(value)) {
            b.append(value);
        } else {
            b.append('"').append(value).append('"');
        }
    }

    /** {@link Instant#toString()} without the formatter's machinery, for years 0 to 9999 (others take the slow way). */
    static void instant(StringBuilder b, Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            b.append(t);
            return;
        }
        Second last = lastSecond;
        if (last.epochSecond() != seconds) {
            last = new Second(seconds, dateAndTime(seconds));
            lastSecond = last;
        }
        b.append(last.text());
        int nano = t.getNano();
        if (nano != 0) {
            b.append('.');
            if (nano % 1_000_000 == 0) {
                digits(b, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(b, nano / 1000, 6);
            } else {
                digits(b, nano, 9);
            }
        }
        b.append('Z');
    }

    /**
     * The text of the last second written: a run writes thousands of times per second, and the date and time of day
     * change once a second (one immutable pair, so threads writing at once each see a whole one).
     */
    private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    private record Second(long epochSecond, String text) {}

    /** {@code yyyy-MM-ddTHH:mm:ss} of a second in years 0 to 9999. */
    private static String dateAndTime(long seconds) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(19);
        digits(b, d.getYear(), 4).append('-');
        digits(b, d.getMonthValue(), 2).append('-');
        digits(b, d.getDayOfMonth(), 2).append('T');
        digits(b, d.getHour(), 2).append(':');
        digits(b, d.getMinute(), 2).append(':');
        digits(b, d.getSecond(), 2);
        return b.toString();
    }

    /** {@code value} (not negative) with leading zeros to {@code width} digits. */
    static StringBuilder digits(StringBuilder b, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(text);
    }

    /** Reads an event from one line of JSON. */
    public static RunEvent readEvent(String line) {
        try {
            return readEvent(mapper().readTree(line));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a run event: " + e.getOriginalMessage(), e);
        }
    }

    // ---------------------------------------------------------------- options

    /** Run options as JSON ({@code max_parallel} is {@code null} when unlimited). */
    public static ObjectNode toJson(RunOptions options) {
        ObjectNode o = mapper().createObjectNode();
        if (options.maxParallel() == RunOptions.UNLIMITED) {
            o.putNull("max_parallel");
        } else {
            o.put("max_parallel", options.maxParallel());
        }
        o.put("policy", options.policy().key());
        o.put("drain", options.drain());
        o.put("min_score", options.minScore());
        o.put("retries", options.defaultRetries());
        putNullable(o, "timeout_minutes", options.defaultTimeoutMinutes());
        ObjectNode skip = o.putObject("skip");
        options.skip().forEach(skip::put);
        return o;
    }

    /** {@link #toJson(RunOptions)} as text, the same Jackson writes for that tree, written directly. */
    static void options(StringBuilder b, RunOptions options) {
        b.append("{\"max_parallel\":");
        if (options.maxParallel() == RunOptions.UNLIMITED) {
            b.append("null");
        } else {
            b.append(options.maxParallel());
        }
        b.append(",\"policy\":");
        string(b, options.policy().key());
        b.append(",\"drain\":").append(options.drain()).append(",\"min_score\":");
        number(b, options.minScore());
        b.append(",\"retries\":").append(options.defaultRetries()).append(",\"timeout_minutes\":");
        Integer timeout = options.defaultTimeoutMinutes();
        if (timeout == null) {
            b.append("null");
        } else {
            b.append(timeout.intValue());
        }
        b.append(",\"skip\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : options.skip().entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, e.getKey());
            b.append(':');
            string(b, e.getValue());
        }
        b.append("}}");
    }

    /** Reads options written by {@link #toJson(RunOptions)}. */
    public static RunOptions readOptions(JsonNode o) {
        RunOptions.Builder b = RunOptions.builder()
                .policy(FailurePolicy.fromKey(o.path("policy").asText("keep-going")))
                .drain(o.path("drain").asBoolean(false))
                .minScore(o.path("min_score").asDouble(1.0))
                .defaultRetries(o.path("retries").asInt(0))
                .defaultTimeoutMinutes(integer(o, "timeout_minutes"));
        Integer max = integer(o, "max_parallel");
        if (max != null) {
            b.maxParallel(max);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("skip").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.skip(e.getKey(), e.getValue().asText());
        }
        return b.build();
    }

    // ---------------------------------------------------------------- helpers

    static JsonNode required(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return v;
    }

    static Integer integer(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Instant time(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : Instant.parse(v.asText());
    }

    static void putNullable(ObjectNode o, String field, Integer value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }

    static void putTime(ObjectNode o, String field, Instant value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value.toString());
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
