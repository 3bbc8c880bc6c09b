package io.parallelplan.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parallelplan.core.schedule.EventReason;
import io.parallelplan.core.schedule.FailurePolicy;
import io.parallelplan.core.schedule.RunEvent;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.schedule.RunSummary;
import io.parallelplan.core.schedule.TaskState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The journal's header, event and stop lines, the definition hashes' input and the run summary are written by hand
 * for speed; they must stay the exact text Jackson writes (old ledgers are resumed by comparing hashes, readers parse
 * them with Jackson, and users' scripts read {@code result.json}).
 */
class HandWrittenJsonTest {
    @Property
    void eventLinesAreWhatJacksonWrites(
            @ForAll("instants") Instant time,
            @ForAll("texts") String id,
            @ForAll TaskState from,
            @ForAll TaskState to,
            @ForAll @IntRange(min = 0, max = 12) int attempt,
            @ForAll("exitCodes") Integer exitCode,
            @ForAll("maybeTexts") String message,
            @ForAll EventReason reason,
            @ForAll("maybeTexts") String cause)
            throws JsonProcessingException {
        RunEvent event = new RunEvent(time, id, from, to, attempt, exitCode, message, reason, cause);

        String line = RunJson.line(event);

        assertThat(line).isEqualTo(RunJson.toJson(event).toString());
        assertThat(RunJson.readEvent(RunJson.mapper().readTree(line))).isEqualTo(event);
    }

    @Property
    void instantsAreWrittenAsInstantToStringDoes(@ForAll("instants") Instant time) {
        StringBuilder b = new StringBuilder();
        RunJson.instant(b, time);
        assertThat(b).hasToString(time.toString());
    }

    @Property
    void runIdsAreWhatTheirFormatterWrites(@ForAll("instants") Instant time) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
        assertThat(RunLedger.newRunId(time)).isEqualTo(format.format(time));
    }

    @Property
    void instantsOfTheSameSecondAreWrittenAsInstantToStringDoes(
            @ForAll("instants") Instant time, @ForAll @IntRange(min = 0, max = 999_999_999) int nano) {
        Instant other = Instant.ofEpochSecond(time.getEpochSecond(), nano);
        for (Instant t : List.of(time, other, time)) {
            StringBuilder b = new StringBuilder();
            RunJson.instant(b, t);
            assertThat(b).hasToString(t.toString());
        }
    }

    @Property
    void definitionFieldsAreEncodedAsJacksonEncodesThem(@ForAll("fields") List<Object> fields)
            throws JsonProcessingException {
        StringBuilder json = new StringBuilder();
        Definitions.encode(fields, json);
        assertThat(json).hasToString(RunJson.mapper().writeValueAsString(fields));
    }

    @Property(tries = 200)
    void runSummariesAreWhatJacksonIndents(@ForAll("summaries") RunSummary summary) throws JsonProcessingException {
        String jackson = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(RunJson.toJson(summary));

        assertThat(RunJson.write(summary)).isEqualTo(jackson);
        assertThat(RunJson.readSummary(RunJson.mapper().readTree(RunJson.write(summary)))).isEqualTo(summary);
    }

    @Property
    void headerLinesAreWhatJacksonWrites(@ForAll("headers") RunHeader header) throws JsonProcessingException {
        String line = header.line();

        assertThat(line).isEqualTo(jacksonTree(header).toString());
        assertThat(RunHeader.read(RunJson.mapper().readTree(line))).isEqualTo(header);
    }

    @Property
    void stopLinesAreWhatJacksonWrites(
            @ForAll EventReason kind, @ForAll("maybeTexts") String reason, @ForAll("instants") Instant time) {
        ObjectNode o = RunJson.mapper().createObjectNode();
        o.put("type", "stop");
        o.put("time", time.toString());
        o.put("kind", kind.name());
        o.put("reason", reason);

        assertThat(RunLedger.stopLine(kind, reason, time)).isEqualTo(o.toString());
    }

    @Property
    void stringsAreWhatJacksonsUtf8GeneratorWrites(@ForAll("anyTexts") String text) throws IOException {
        ByteArrayOutputStream jackson = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(jackson)) {
            g.writeString(text);
        }
        StringBuilder b = new StringBuilder();
        RunJson.utf8String(b, text);

        assertThat(b.toString().getBytes(StandardCharsets.UTF_8)).isEqualTo(jackson.toByteArray());
    }

    /**
     * A snapshot's body is what Jackson's UTF-8 generator writes for it: the same bytes as Jackson writing again what
     * it read from them, and read back into a fold it is written the same. (Jackson cannot read back a lone surrogate,
     * so the texts here have none; the test above covers them.)
     */
    @Property(tries = 300)
    void snapshotBodiesAreWhatJacksonsUtf8GeneratorWrites(
            @ForAll("headers") RunHeader anyHeader, @ForAll("eventSeeds") List<RunEvent> seeds,
            @ForAll EventReason stopKind, @ForAll("maybeTexts") String stopReason, @ForAll boolean stopped)
            throws IOException {
        List<RunHeader.Node> nodes = new ArrayList<>();
        for (RunHeader.Node n : anyHeader.nodes()) {
            nodes.add(new RunHeader.Node(paired(n.id()), n.parentId(), n.group(), n.definition(), n.optional(),
                    n.required(), n.weight()));
        }
        RunHeader header = new RunHeader(paired(anyHeader.runId()), anyHeader.planName(), anyHeader.planSource(),
                anyHeader.planHash(), anyHeader.startedAt(), anyHeader.options(), nodes);
        LedgerFold fold = new LedgerFold(header);
        if (!header.nodes().isEmpty()) {
            for (int i = 0; i < seeds.size(); i++) {
                RunEvent e = seeds.get(i);
                String id = header.nodes().get(i % header.nodes().size()).id();
                fold.apply(new RunEvent(e.time(), id, e.from(), e.to(), e.attempt(), e.exitCode(),
                        paired(e.message()), e.reason(), paired(e.cause())));
            }
        }
        if (stopped) {
            fold.stop(stopKind, paired(stopReason), header.startedAt());
        }
        byte[] written = snapshotBody(fold);

        ObjectMapper mapper = RunJson.mapper();
        assertThat(written).isEqualTo(mapper.writeValueAsBytes(mapper.readTree(written)));
        LedgerFold again = new LedgerFold(header);
        again.readTasks(mapper.readTree(written));
        assertThat(snapshotBody(again)).isEqualTo(written);
    }

    /** {@code text} with each lone surrogate replaced by '?'. */
    private static String paired(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '?' : c);
            }
        }
        return b.toString();
    }

    private static byte[] snapshotBody(LedgerFold fold) {
        StringBuilder b = new StringBuilder("{");
        fold.writeTasks(b);
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<List<RunEvent>> eventSeeds() {
        return Combinators.combine(instants(), Arbitraries.of(TaskState.class), Arbitraries.of(TaskState.class),
                Arbitraries.integers().between(0, 5), exitCodes(), anyTexts().injectNull(0.5),
                Arbitraries.of(EventReason.class), anyTexts().injectNull(0.7))
                .as((time, from, to, attempt, exit, message, reason, cause) ->
                        new RunEvent(time, "x", from, to, attempt, exit, message, reason, cause))
                .list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> anyTexts() {
        return Arbitraries.strings().all().ofMaxLength(10)
                .edgeCases(c -> c.add("\uD83D\uDE00").add("\uD83D").add("x\uDE00y").add("\u0001\u001f\u007f\"\\/")
                        .add("\b\t\n\f\r").add("\u2028 é ✓"));
    }

    /** The header as the ledger wrote it before it was written by hand: a Jackson tree. */
    private static ObjectNode jacksonTree(RunHeader h) {
        ObjectNode o = RunJson.mapper().createObjectNode();
        o.put("type", "run");
        o.put("format", RunHeader.FORMAT);
        o.put("run_id", h.runId());
        o.put("plan_name", h.planName());
        o.put("plan", h.planSource());
        o.put("plan_hash", h.planHash());
        o.put("started_at", h.startedAt().toString());
        o.set("options", RunJson.toJson(h.options()));
        ArrayNode list = o.putArray("achievements");
        for (RunHeader.Node n : h.nodes()) {
            ObjectNode a = list.addObject();
            a.put("id", n.id());
            if (n.parentId() != null) {
                a.put("parent", n.parentId());
            }
            if (n.group()) {
                a.put("group", true);
            }
            a.put("definition", n.definition());
            if (n.optional()) {
                a.put("optional", true);
            }
            if (n.required()) {
                a.put("required", true);
            }
            a.put("weight", n.weight());
        }
        return o;
    }

    @Provide
    Arbitrary<RunHeader> headers() {
        Arbitrary<RunHeader.Node> node = Combinators.combine(
                texts(), maybeTexts(), Arbitraries.of(true, false), texts(), Arbitraries.of(true, false),
                Arbitraries.of(true, false), weights())
                .as(RunHeader.Node::new);
        Arbitrary<RunOptions> options = Combinators.combine(
                Arbitraries.integers().between(1, 64).injectNull(0.3),
                Arbitraries.of(FailurePolicy.class),
                Arbitraries.of(true, false),
                Arbitraries.doubles().between(0, 1).edgeCases(c -> c.add(0.0).add(1.0)),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(1, 600).injectNull(0.5),
                Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(8), Arbitraries.strings().all().ofMaxLength(8))
                        .ofMaxSize(3))
                .as((max, policy, drain, score, retries, timeout, skip) -> {
                    RunOptions.Builder b = RunOptions.builder().policy(policy).drain(drain).minScore(score)
                            .defaultRetries(retries).defaultTimeoutMinutes(timeout);
                    if (max != null) {
                        b.maxParallel(max);
                    }
                    skip.forEach(b::skip);
                    return b.build();
                });
        return Combinators.combine(texts(), maybeTexts(), maybeTexts(), texts(), instants(), options,
                node.list().ofMaxSize(5))
                .as(RunHeader::new);
    }

    @Provide
    Arbitrary<Double> weights() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1e6),
                Arbitraries.of(1.0, 0.5, 1e-7, 1e7, 123456789.0, Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, -0.0));
    }

    @Provide
    Arbitrary<RunSummary> summaries() {
        Arbitrary<RunSummary.Entry> entry = Combinators.combine(
                Arbitraries.of(TaskState.class),
                Arbitraries.integers().between(0, 4),
                exitCodes(),
                Arbitraries.strings().all().ofMaxLength(6).list().ofMaxSize(3),
                instants().injectNull(0.3),
                instants().injectNull(0.3))
                .as(RunSummary.Entry::new);
        Arbitrary<Map<String, Integer>> counts = Arbitraries.maps(Arbitraries.of(TaskState.class)
                .map(t -> t.name().toLowerCase(java.util.Locale.ROOT)), Arbitraries.integers().between(0, 9))
                .ofMaxSize(9);
        return Combinators.combine(Arbitraries.of(RunStatus.class), counts,
                Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(8), entry).ofMaxSize(6))
                .as(RunSummary::new);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_167_219_200L - 1000, 253_402_300_800L + 1000);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
                .map(n -> n * 1_000_000), Arbitraries.integers().between(0, 999_999).map(n -> n * 1000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond)
                .edgeCases(c -> c.add(Instant.EPOCH));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMaxLength(12)
                .edgeCases(c -> c.add("\u0000").add("quote\"back\\slash").add("tab\there").add("ünïcødé ✓"));
    }

    @Provide
    Arbitrary<String> maybeTexts() {
        return texts().injectNull(0.3);
    }

    @Provide
    Arbitrary<Integer> exitCodes() {
        return Arbitraries.integers().between(-1, 255).injectNull(0.5);
    }

    @Provide
    Arbitrary<List<Object>> fields() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(texts().map(t -> (Object) t),
                Arbitraries.integers().map(i -> (Object) i));
        Arbitrary<Object> list = texts().list().ofMaxSize(4).map(l -> (Object) new ArrayList<Object>(l));
        return Arbitraries.oneOf(leaf, list).list().ofMaxSize(9);
    }
}
