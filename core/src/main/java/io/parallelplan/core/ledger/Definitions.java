package io.parallelplan.core.ledger;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Definition hashes: a short SHA-256 over the fields that define an achievement's work — id, dependencies,
 * {@code command}, {@code validation_script}, {@code sub_executions}, {@code executor}, {@code retries},
 * {@code timeout_minutes} — so that a resumed run re-runs exactly what changed. Titles, estimates, statuses and other
 * prose do not count.
 *
 * <p>A sub-execution ({@code parent/child}) is hashed over its effective definition: its own fields plus what it takes
 * from its achievement (the achievement's dependencies, command, validation script, and executor, retries and
 * timeout when it does not name its own).
 */
public final class Definitions {
    private final Map<String, String> hashes;
    private final String planHash;

    private Definitions(Map<String, String> hashes, MessageDigest sha) {
        this.hashes = Collections.unmodifiableMap(hashes);
        StringBuilder all = new StringBuilder();
        hashes.forEach((id, h) -> all.append(id).append('=').append(h).append('\n'));
        this.planHash = sha(all.toString(), sha);
    }

    /** The hashes of every achievement and sub-execution of a plan, in plan order. */
    public static Definitions of(Plan plan) {
        Map<String, String> hashes = new LinkedHashMap<>();
        MessageDigest sha = sha256();
        for (Achievement a : plan.achievements()) {
            hashes.putIfAbsent(a.id(), hash(achievementFields(a), sha));
            for (Achievement s : a.subExecutions()) {
                hashes.putIfAbsent(a.id() + "/" + s.id(), hash(subExecutionFields(a, s), sha));
            }
        }
        return new Definitions(hashes, sha);
    }

    /** Id → definition hash, plan order. */
    public Map<String, String> hashes() {
        return hashes;
    }

    /** The hash of one achievement or sub-execution, or {@code null} if the plan has no such id. */
    public String hash(String id) {
        return hashes.get(id);
    }

    /** A hash over every definition hash in plan order: equal plans define equal work. */
    public String planHash() {
        return planHash;
    }

    private static List<Object> achievementFields(Achievement a) {
        List<Object> subs = new ArrayList<>();
        for (Achievement s : a.subExecutions()) {
            subs.add(List.of(s.id(), s.dependencies(), nullable(s.command()), nullable(s.validationScript()),
                    nullable(s.executor()), nullable(s.retries()), nullable(s.timeoutMinutes())));
        }
        return List.of(a.id(), a.dependencies(), nullable(a.command()), nullable(a.validationScript()), subs,
                nullable(a.executor()), nullable(a.retries()), nullable(a.timeoutMinutes()));
    }

    private static List<Object> subExecutionFields(Achievement a, Achievement s) {
        List<String> dependencies = new ArrayList<>(a.dependencies());
        dependencies.add("|");
        dependencies.addAll(s.dependencies());
        return List.of(a.id() + "/" + s.id(), dependencies, nullable(s.command()), nullable(s.validationScript()),
                nullable(a.command()), nullable(a.validationScript()),
                nullable(s.executor() != null ? s.executor() : a.executor()),
                nullable(s.retries() != null ? s.retries() : a.retries()),
                nullable(s.timeoutMinutes() != null ? s.timeoutMinutes() : a.timeoutMinutes()));
    }

    private static Object nullable(Object o) {
        return o == null ? "\u0000" : o;
    }

    private static String hash(List<Object> fields, MessageDigest sha) {
        StringBuilder json = new StringBuilder(128);
        encode(fields, json);
        return sha(json.toString(), sha);
    }

    /**
     * The JSON text Jackson writes for these fields (lists, strings, integers) — what the hashes have always been
     * taken over — without building a serializer per plan: hashing is on the way to a run's first start.
     */
    static void encode(Object value, StringBuilder json) {
        if (value instanceof String text) {
            json.append('"');
            JsonStringEncoder.getInstance().quoteAsString(text, json);
            json.append('"');
        } else if (value instanceof Integer number) {
            json.append(number.intValue());
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                encode(list.get(i), json);
            }
            json.append(']');
        } else {
            throw new IllegalArgumentException("a definition field cannot be " + value);
        }
    }

    private static String sha(String text, MessageDigest sha) {
        byte[] digest = sha.digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /** One digest per plan: looking the algorithm up costs more than hashing a definition. */
    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
