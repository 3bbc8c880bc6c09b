package io.parallelplan.core.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.model.PlanClaims;
import io.parallelplan.core.model.PlanFiles;
import io.parallelplan.core.model.PlanClaims.CriticalPathClaim;
import io.parallelplan.core.model.PlanClaims.CrossDependency;
import io.parallelplan.core.model.PlanClaims.PriorityGroup;
import io.parallelplan.core.model.PlanClaims.Wave;
import io.parallelplan.core.model.SourceLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streams a {@code parallel.json} into a {@link Plan}, reading every variant found in real plans (see
 * {@code docs/format.md}): range estimates, {@code sub_executions}, numeric ids, hand-written claims and unknown
 * fields. Values of the wrong type become findings, not exceptions; only a file that is not a JSON object at all
 * raises {@link PlanReadException}.
 *
 * <p>A file of the plain shape large generated plans have is read by {@link FastPlanReader}, straight from its
 * bytes; anything else, and every file the fast path gives up on, by the full reader on Jackson's token stream.
 * Both give the same plan, locations and findings.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PlanParser {
    private static final Set<String> KNOWN_TOP_LEVEL = Set.of(
            "plan_name", "parallelization_level", "created_date", "achievements", "priority_groups",
            "cross_priority_dependencies", "parallel_execution_waves", "critical_path_analysis", "analysis_notes",
            "notes", "total_achievements", "completed_achievements", "remaining_achievements", "$schema");
    /** The values of {@code parallelization_level} the methodology defines. */
    private static final List<String> LEVELS = List.of("level_1", "level_2", "level_3");
    /**
     * Achievement fields that are read, or known and deliberately ignored (never reported as unknown), each with a bit
     * number for duplicate detection.
     */
    private static final Map<String, Integer> KNOWN_ACHIEVEMENT_FIELDS = bits("started_at", "completed_at", "notes",
            "description", "achievement_id", "execution_id", "id", "title", "dependencies", "status", "priority",
            "executor", "estimated_hours", "actual_hours", "blocks", "parallelizable_with", "validation_script",
            "command", "timeout_minutes", "retries", "optional", "required", "sub_executions");

    private static Map<String, Integer> bits(String... names) {
        Map<String, Integer> bits = new HashMap<>();
        for (String name : names) {
            bits.put(name, bits.size());
        }
        if (bits.size() > Long.SIZE) {
            throw new IllegalStateException("more known fields than bits in a long");
        }
        return Map.copyOf(bits);
    }

    /** The estimates 0 to 99 hours written as whole numbers: one shared value each instead of one per achievement. */
    private static final Estimate[] WHOLE_HOURS = new Estimate[100];

    static {
        for (int h = 0; h < WHOLE_HOURS.length; h++) {
            WHOLE_HOURS[h] = new Estimate(Integer.toString(h), h, h, true);
        }
    }

    /** The shared estimate of {@code hours} (0 to 99) whole hours. */
    static Estimate wholeHours(int hours) {
        return WHOLE_HOURS[hours];
    }

    private final ParseLimits limits;
    private final JsonFactory factory;

    public PlanParser() {
        this(ParseLimits.DEFAULT);
    }

    public PlanParser(ParseLimits limits) {
        this.limits = limits;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxDocumentLength(limits.maxDocumentBytes())
                .build();
        // Duplicate keys are refused by the reading code itself (a bit per known achievement field) rather than by
        // Jackson's STRICT_DUPLICATE_DETECTION, which allocates a hash set per object: 100,000 of them on a big plan.
        this.factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .build();
    }

    /**
     * Reads the claim objects ({@code priority_groups}, waves, ...) as trees. Created on first use: an
     * {@code ObjectMapper} costs tens of milliseconds to start, and most plans have no claims. It reads from the
     * parser it is given, so that parser's limits apply.
     */
    private static final class Trees {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /**
     * Reads a plan from a {@code parallel.json} file or a folder holding one.
     *
     * @throws PlanReadException when the file cannot be read as a JSON object
     */
    public ParsedPlan parse(Path argument) {
        Path file = PlanLocator.resolve(argument);
        if (!Files.isRegularFile(file)) {
            throw new PlanReadException(file, "not a regular file; pass a parallel.json file or its folder");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (size == 0) {
            throw new PlanReadException(file, "the file is empty; a plan is a JSON object such as "
                    + "{\"plan_name\": \"X\", \"achievements\": []}");
        }
        if (size > limits.maxDocumentBytes()) {
            throw new PlanReadException(file, "the file has " + size + " bytes, more than the limit of "
                    + limits.maxDocumentBytes() + "; split the plan or raise the limit");
        }
        try (InputStream in = Files.newInputStream(file)) {
            ParsedPlan plain = FastPlanReader.read(in, file, limits);
            if (plain != null) {
                return plain;
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return parseFully(file);
    }

    /** Reads a plan file with the full reader (Jackson's token stream): every variant, every error message. */
    ParsedPlan parseFully(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            // Bytes, not a Reader: Jackson detects UTF-8/16/32 and a byte-order mark itself, and is faster.
            return read(factory.createParser(in), file, null);
        } catch (PlanReadException e) {
            throw e;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Reads a plan from text; {@code name} is used as the file name in findings and errors. */
    public ParsedPlan parse(String json, Path name) {
        try {
            return read(factory.createParser(json), name, json);
        } catch (IOException e) {
            throw new PlanReadException(name, "could not read: " + e.getMessage());
        }
    }

    private ParsedPlan read(JsonParser parser, Path file, String text) throws IOException {
        try (JsonParser p = parser) {
            return new Reading(p, file).root();
        } catch (StreamConstraintsException e) {
            throw malformed(file, text, e, limitMessage(e));
        } catch (JsonProcessingException e) {
            throw malformed(file, text, e, jsonMessage(e));
        } catch (CharacterCodingException e) {
            throw new PlanReadException(file, "the file is not UTF-8 text; save it as UTF-8");
        }
    }

    /** A value from the file in double quotes, cut after 40 characters (findings are one line). */
    private static String shown(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The known level a mistyped one most likely means ({@code "2"}, {@code "Level 2"} → {@code level_2}), or null. */
    static String levelGuess(String level) {
        String digits = level.replaceAll("[^0-9]", "");
        String rest = level.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (digits.length() == 1 && digits.charAt(0) >= '1' && digits.charAt(0) <= '3'
                && (rest.isEmpty() || rest.equals("level") || rest.equals("l"))) {
            return "level_" + digits;
        }
        return null;
    }

    private static PlanReadException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new PlanReadException(file, "no such file; check the path");
        }
        if (e instanceof AccessDeniedException) {
            return new PlanReadException(file, "permission denied; make the file readable (chmod +r)");
        }
        if (e instanceof CharacterCodingException) {
            return new PlanReadException(file, "the file is not UTF-8 text; save it as UTF-8");
        }
        return new PlanReadException(file, "could not read the file: " + e.getMessage());
    }

    private String limitMessage(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting depth")) {
            return "nesting deeper than " + limits.maxNestingDepth()
                    + " levels; a plan needs only a few levels of objects and arrays";
        }
        if (m.contains("String value length")) {
            return "a string longer than " + limits.maxStringLength() + " characters; shorten it";
        }
        if (m.contains("Document length")) {
            return "the document is longer than " + limits.maxDocumentBytes() + " bytes; split the plan";
        }
        return "over a safety limit: " + m;
    }

    private static String jsonMessage(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "the JSON ends too early (" + m + "); close every { [ and \"";
        }
        if (m.startsWith("Invalid UTF-8")) {
            return "the file is not UTF-8 text (" + m + "); save it as UTF-8";
        }
        if (m.startsWith("Duplicate field")) {
            return m + "; an object may name each field once";
        }
        return "malformed JSON: " + m + "; fix the JSON syntax here";
    }

    private static PlanReadException malformed(Path file, String text, JsonProcessingException e, String problem) {
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) {
            return new PlanReadException(file, problem);
        }
        SourceLocation where = new SourceLocation(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
        return new PlanReadException(file, where, problem, excerpt(file, text, where));
    }

    private static List<String> excerpt(Path file, String text, SourceLocation where) {
        String line = null;
        try (BufferedReader r = text != null
                ? new BufferedReader(new StringReader(text))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= where.line(); i++) {
                line = r.readLine();
                if (line == null) {
                    break;
                }
            }
        } catch (IOException ignored) {
            return List.of();
        }
        if (line == null) {
            return List.of();
        }
        int col = Math.min(where.column(), line.length() + 1);
        int from = 0;
        String shown = line;
        if (line.length() > 120) {
            from = Math.max(0, col - 60);
            shown = (from > 0 ? "…" : "") + line.substring(from, Math.min(line.length(), from + 120));
            col = col - from + (from > 0 ? 1 : 0);
        }
        StringBuilder caret = new StringBuilder();
        for (int i = 1; i < col; i++) {
            caret.append(i - 1 < shown.length() && shown.charAt(i - 1) == '\t' ? '\t' : ' ');
        }
        caret.append('^');
        return List.of(shown, caret.toString());
    }

    /** The plan's own fields while a document is read (by either reader), and what they make. */
    static final class Top {
        String name;
        String level;
        /** Whether {@code plan_name} and {@code parallelization_level} were written with a value other than null. */
        boolean nameWritten;
        boolean levelWritten;
        SourceLocation nameAt;
        SourceLocation levelAt;
        SourceLocation achievementsAt;
        /** {@code null} when the file has no {@code achievements} field. */
        List<Achievement> achievements;

        /** The plan, after the findings about its {@code achievements} list, its unknown fields and its header. */
        ParsedPlan finish(Path file, PlanClaims claims, Map<String, SourceLocation> unknown, List<Finding> findings) {
            List<Achievement> list = achievements;
            if (list == null) {
                findings.add(Finding.error("missing-achievements",
                        "the plan has no \"achievements\" array; add \"achievements\": [ ... ] with one object per "
                                + "achievement", null, new SourceLocation(1, 1)));
                list = List.of();
            } else if (list.isEmpty() && achievementsAt != null) {
                findings.add(Finding.warning("empty-achievements", "the plan's \"achievements\" list is empty, so "
                        + "there is nothing to check or run; add one object per achievement", null, achievementsAt));
            }
            unknown.forEach((f, at) -> findings.add(Finding.info("unknown-field",
                    "unknown top-level field \"" + f + "\" is kept but not used", null, at)));
            Plan plan = new Plan(file, name, level, list, claims, unknown);
            header(plan, findings);
            return new ParsedPlan(plan, findings);
        }

        /**
         * The header fields the methodology's own validator requires: Parallel Plan can do without them, but says so.
         * A field of the wrong type already has its {@code invalid-type} finding.
         */
        private void header(Plan plan, List<Finding> findings) {
            if (!plan.hasDeclaredName()) {
                String fallback = plan.name();
                if (!nameWritten) {
                    findings.add(Finding.warning("missing-plan-name", "the plan has no \"plan_name\", so its name is "
                            + "taken from its folder, \"" + fallback + "\" (files such as SUBPLAN_" + fallback
                            + "_<nn>.md); add \"plan_name\": \"" + fallback + "\"", null, new SourceLocation(1, 1)));
                } else if (name != null) {
                    findings.add(Finding.warning("missing-plan-name", "\"plan_name\" is empty, so the plan's name is "
                            + "taken from its folder, \"" + fallback + "\"; write the plan's name there", null, nameAt));
                }
            }
            String nameProblem = PlanFiles.planNameProblem(plan.name());
            if (nameProblem != null) {
                findings.add(Finding.warning("plan-name-not-file-name", nameProblem + "; 'parallel-plan status' and "
                        + "'scaffold' refuse the plan until then", null,
                        plan.hasDeclaredName() && nameAt != null ? nameAt : new SourceLocation(1, 1)));
            }
            String level = plan.parallelizationLevel();
            if (!levelWritten) {
                findings.add(Finding.warning("missing-parallelization-level", "the plan has no "
                        + "\"parallelization_level\"; Parallel Plan does not need it, but the methodology's scripts "
                        + "do: add \"parallelization_level\": \"level_2\" (level_1: executions inside one achievement, "
                        + "level_2: achievements of one plan, level_3: across priorities)", null,
                        new SourceLocation(1, 1)));
            } else if (level != null && !LEVELS.contains(level)) {
                String guess = levelGuess(level);
                findings.add(Finding.warning("unknown-parallelization-level", "\"parallelization_level\" is "
                        + shown(level) + ", not one of " + String.join(", ", LEVELS) + "; it is ignored"
                        + (guess != null ? ": did you mean \"" + guess + "\"?" : ": write one of them"), null,
                        levelAt));
            }
        }
    }

    /** One pass over one document. */
    private static final class Reading {
        private final JsonParser p;
        private final Path file;
        private final List<Finding> findings = new ArrayList<>();

        Reading(JsonParser p, Path file) {
            this.p = p;
            this.file = file;
        }

        /**
         * The current token's line and column packed as {@code line << 32 | column}, without allocating: this runs once
         * per dependency. Jackson's own parsers report the token column one past what {@link #here()} gives (the
         * column of {@code currentTokenLocation()}); the parser tests hold both to the same numbers.
         */
        long position() {
            if (p instanceof ParserBase base && p.currentToken() != JsonToken.FIELD_NAME) {
                return ((long) Math.max(0, base.getTokenLineNr()) << 32) | Math.max(0, base.getTokenColumnNr() - 1);
            }
            SourceLocation at = here();
            return ((long) at.line() << 32) | at.column();
        }

        /** The error Jackson's strict duplicate detection would give, located at the repeated name. */
        JsonParseException duplicate(String field) {
            return new JsonParseException(p, "Duplicate field '" + field + "'");
        }

        SourceLocation here() {
            JsonLocation l = p.currentTokenLocation();
            return new SourceLocation(Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
        }

        ParsedPlan root() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new PlanReadException(file, "the file has no JSON in it; a plan is a JSON object such as "
                        + "{\"plan_name\": \"X\", \"achievements\": []}");
            }
            if (t != JsonToken.START_OBJECT) {
                String what = t == JsonToken.START_ARRAY ? "an array" : "a single value";
                throw new PlanReadException(file, here(), "the top level is " + what + ", not an object; wrap it as "
                        + "{\"achievements\": [...]}", List.of());
            }
            Top top = new Top();
            List<PriorityGroup> groups = List.of();
            List<CrossDependency> cross = List.of();
            List<Wave> waves = List.of();
            CriticalPathClaim critical = null;
            Integer total = null;
            Map<String, SourceLocation> unknown = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (!seen.add(field)) {
                    throw duplicate(field);
                }
                SourceLocation at = here();
                p.nextToken();
                switch (field) {
                    case "plan_name" -> {
                        top.nameWritten = p.currentToken() != JsonToken.VALUE_NULL;
                        top.nameAt = here();
                        top.name = text(field, null, false);
                    }
                    case "parallelization_level" -> {
                        top.levelWritten = p.currentToken() != JsonToken.VALUE_NULL;
                        top.levelAt = here();
                        top.level = text(field, null, false);
                    }
                    case "achievements" -> {
                        top.achievementsAt = here();
                        top.achievements = achievements(field, "achievement_id", null);
                    }
                    case "priority_groups" -> groups = priorityGroups();
                    case "cross_priority_dependencies" -> cross = crossDependencies();
                    case "parallel_execution_waves" -> waves = waves();
                    case "critical_path_analysis" -> critical = criticalPath(at);
                    case "total_achievements" -> total = integer(field, null);
                    default -> {
                        if (!KNOWN_TOP_LEVEL.contains(field)) {
                            unknown.put(field, at);
                        }
                        p.skipChildren();
                    }
                }
            }
            if (p.nextToken() != null) {
                throw new PlanReadException(file, here(), "unexpected content after the plan's closing brace; "
                        + "a file holds one plan object", List.of());
            }
            return top.finish(file, new PlanClaims(groups, cross, waves, critical, total), unknown, findings);
        }

        /** Reads an array of achievement objects; {@code owner} is the parent id for sub-executions. */
        List<Achievement> achievements(String field, String idField, String owner) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return List.of();
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                typeError(field, "an array of objects", owner);
                p.skipChildren();
                return List.of();
            }
            List<Achievement> list = new ArrayList<>();
            int position = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    findings.add(Finding.error("invalid-type", "entry " + (position + 1) + " of \"" + field
                            + "\" is " + found() + ", not an object; each entry must be {\"" + idField + "\": ..., ...}",
                            owner, here()));
                    p.skipChildren();
                    position++;
                    continue;
                }
                list.add(achievement(idField, position++, owner));
            }
            return list;
        }

        Achievement achievement(String idField, int position, String owner) throws IOException {
            SourceLocation start = here();
            String id = null;
            Fields f = new Fields();
            long seen = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                // Only unknown fields keep their location: known ones need none, and most fields are known.
                Integer known = KNOWN_ACHIEVEMENT_FIELDS.get(field);
                SourceLocation at = null;
                if (known != null) {
                    if ((seen & (1L << known)) != 0) {
                        throw duplicate(field);
                    }
                    seen |= 1L << known;
                } else if (f.unknown != null && f.unknown.containsKey(field)) {
                    throw duplicate(field);
                } else {
                    at = here();
                }
                p.nextToken();
                String who = id != null ? id : owner;
                switch (field) {
                    case "achievement_id", "execution_id", "id" -> {
                        if (field.equals(idField) || f.id == null) {
                            String v = scalarText(field, who);
                            if (v != null) {
                                f.id = v;
                                id = v;
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "title" -> f.title = text(field, who, false);
                    case "dependencies" -> dependencies(f, who);
                    case "status" -> f.status = text(field, who, false);
                    case "priority" -> f.priority = integer(field, who);
                    case "executor" -> f.executor = scalarText(field, who);
                    case "estimated_hours" -> f.estimate = estimate(field, who);
                    case "actual_hours" -> f.actualHours = number(field, who);
                    case "blocks" -> f.blocks = idList(field, who, null);
                    case "parallelizable_with" -> f.parallelizableWith = idList(field, who, null);
                    case "validation_script" -> f.validationScript = text(field, who, true);
                    case "command" -> f.command = text(field, who, true);
                    case "timeout_minutes" -> f.timeoutMinutes = nonNegative(field, who);
                    case "retries" -> f.retries = nonNegative(field, who);
                    case "optional" -> f.optional = bool(field, who);
                    case "required" -> f.required = bool(field, who);
                    case "sub_executions" -> f.subExecutions = achievements(field, "execution_id", who);
                    default -> {
                        if (at != null) {
                            f.unknown().put(field, at);
                        }
                        p.skipChildren();
                    }
                }
            }
            return f.build(start, position, owner, findings);
        }

        private void dependencies(Fields f, String who) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            f.dependenciesWritten = true;
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                // Never read as an id: "dependencies": "none" or "1.1, 1.2" would become a dependency that is not there.
                typeError("dependencies", "an array of ids (write [" + (t == JsonToken.VALUE_STRING
                        ? shown(p.getText()) : "\"" + p.getText() + "\"") + "], or [] for none)", who);
                return;
            }
            idList("dependencies", who, f);
        }

        /** Reads an array of ids; with {@code into}, records each as a dependency with its location instead. */
        private List<String> idList(String field, String who, Fields into) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return List.of();
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                typeError(field, "an array of ids", who);
                p.skipChildren();
                return List.of();
            }
            List<String> ids = into != null ? null : new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    String v = p.getText().trim();
                    if (into != null) {
                        into.addDependency(v, position());
                    } else {
                        ids.add(v);
                    }
                } else {
                    findings.add(Finding.error("invalid-type", "an entry of \"" + field + "\" is " + found()
                            + ", not an id; write ids as strings such as \"1.2\"", who, here()));
                    p.skipChildren();
                }
            }
            return ids == null ? List.of() : ids;
        }

        /**
         * Reads a string field; any other type is {@code invalid-type} and the value is ignored: an error when the
         * field decides what runs ({@code acts}), a warning when it is informational.
         */
        private String text(String field, String who, boolean acts) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            if (acts) {
                typeError(field, "a string", who);
            } else {
                typeWarning(field, "a string", who);
            }
            p.skipChildren();
            return null;
        }

        private String scalarText(String field, String who) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                findings.add(Finding.warning("id-not-string", "\"" + field + "\" is the number " + p.getText()
                        + "; write it as the string \"" + p.getText() + "\" so that 1.10 and 1.1 stay different",
                        who, here()));
                return p.getText();
            }
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            typeError(field, "a string", who);
            p.skipChildren();
            return null;
        }

        private Integer integer(String field, String who) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            if (t == JsonToken.VALUE_STRING && p.getText().trim().matches("-?\\d{1,9}")) {
                return Integer.parseInt(p.getText().trim());
            }
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            typeWarning(field, "a whole number", who);
            p.skipChildren();
            return null;
        }

        private Integer nonNegative(String field, String who) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT && p.getIntValue() >= 0) {
                return p.getIntValue();
            }
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            findings.add(Finding.error("invalid-value", "\"" + field + "\" must be a whole number of 0 or more, not "
                    + (t.isScalarValue() ? p.getText() : "a " + (t == JsonToken.START_ARRAY ? "list" : "object")),
                    who, here()));
            p.skipChildren();
            return null;
        }

        private Double number(String field, String who) throws IOException {
            JsonToken t = p.currentToken();
            if (t.isNumeric()) {
                return p.getDoubleValue();
            }
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t == JsonToken.VALUE_STRING) {
                Estimate e = Estimate.parse(p.getText());
                if (e.valid()) {
                    return e.highHours();
                }
            }
            typeWarning(field, "a number of hours", who);
            p.skipChildren();
            return null;
        }

        private boolean bool(String field, String who) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                return t == JsonToken.VALUE_TRUE;
            }
            if (t != JsonToken.VALUE_NULL) {
                typeError(field, "true or false", who);
                p.skipChildren();
            }
            return false;
        }

        private Estimate estimate(String field, String who) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                int hours = p.getIntValue();
                if (hours >= 0 && hours < WHOLE_HOURS.length) {
                    // JSON has no leading zeros, so the text of a small whole number is its decimal form: share it.
                    return WHOLE_HOURS[hours];
                }
            }
            if (t.isNumeric()) {
                double v = p.getDoubleValue();
                String raw = p.getText();
                return v >= 0 && !Double.isInfinite(v) ? new Estimate(raw, v, v, true) : new Estimate(raw, 0, 0, false);
            }
            if (t == JsonToken.VALUE_STRING) {
                return Estimate.parse(p.getText());
            }
            if (t == JsonToken.VALUE_NULL) {
                return Estimate.ABSENT;
            }
            typeError(field, "a number of hours or a range such as \"4-6\"", who);
            p.skipChildren();
            return Estimate.ABSENT;
        }

        private void typeError(String field, String expected, String who) throws IOException {
            findings.add(Finding.error("invalid-type", "\"" + field + "\" is " + found() + ", but must be " + expected
                    + "; the value is ignored until it is fixed", who, here()));
        }

        private void typeWarning(String field, String expected, String who) throws IOException {
            findings.add(Finding.warning("invalid-type", "\"" + field + "\" is " + found() + ", but should be "
                    + expected + "; the value is ignored", who, here()));
        }

        /** The current value's JSON type as a finding names it, with the value itself when it is a scalar. */
        private String found() throws IOException {
            JsonToken t = p.currentToken();
            return switch (t) {
                case START_ARRAY -> "an array";
                case START_OBJECT -> "an object";
                case VALUE_STRING -> "the string " + shown(p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> "the boolean " + p.getText();
                default -> "null";
            };
        }

        private JsonNode tree() throws IOException {
            return Trees.MAPPER.readTree(p);
        }

        private List<PriorityGroup> priorityGroups() throws IOException {
            List<PriorityGroup> groups = new ArrayList<>();
            for (Located node : objects("priority_groups")) {
                groups.add(new PriorityGroup(node.node.path("priority").asText(""),
                        ids(node.node, "achievements", "a priority group", node.at), node.at));
            }
            return groups;
        }

        private List<CrossDependency> crossDependencies() throws IOException {
            List<CrossDependency> deps = new ArrayList<>();
            for (Located node : objects("cross_priority_dependencies")) {
                deps.add(new CrossDependency(node.node.path("from_achievement").asText(""),
                        node.node.path("to_achievement").asText(""), node.at));
            }
            return deps;
        }

        private List<Wave> waves() throws IOException {
            List<Wave> waves = new ArrayList<>();
            if (p.currentToken() == JsonToken.START_OBJECT) {
                Set<String> seen = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (!seen.add(name)) {
                        throw duplicate(name);
                    }
                    p.nextToken();
                    SourceLocation at = here();
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        if (p.currentToken() != JsonToken.VALUE_NULL) {
                            findings.add(Finding.warning("invalid-type", "wave \"" + name + "\" of "
                                    + "\"parallel_execution_waves\" is " + found() + ", not an object such as "
                                    + "{\"achievements\": [...]}; it is ignored", null, at));
                        }
                        p.skipChildren();
                        continue;
                    }
                    waves.add(wave(name, tree(), at));
                }
            } else if (p.currentToken() == JsonToken.START_ARRAY) {
                int i = 0;
                for (Located node : objects("parallel_execution_waves")) {
                    String name = node.node.hasNonNull("name") ? node.node.get("name").asText()
                            : node.node.hasNonNull("wave") ? node.node.get("wave").asText() : "wave " + (++i);
                    waves.add(wave(name, node.node, node.at));
                }
            } else {
                typeError("parallel_execution_waves", "an object of waves", null);
                p.skipChildren();
            }
            return waves;
        }

        private Wave wave(String name, JsonNode node, SourceLocation at) {
            JsonNode hours = node.path("estimated_hours");
            Estimate e = hours.isNumber() ? Estimate.ofHours(hours.asDouble())
                    : hours.isTextual() ? Estimate.parse(hours.asText()) : Estimate.ABSENT;
            String where = "wave \"" + name + "\"";
            return new Wave(name, ids(node, "achievements", where, at), ids(node, "dependencies", where, at), e, at);
        }

        private CriticalPathClaim criticalPath(SourceLocation at) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                if (p.currentToken() != JsonToken.VALUE_NULL) {
                    typeWarning("critical_path_analysis", "an object such as {\"sequential_time\": 10, "
                            + "\"parallel_time\": 6}", null);
                }
                p.skipChildren();
                return null;
            }
            JsonNode node = tree();
            return new CriticalPathClaim(hours(node.get("sequential_time")), hours(node.get("parallel_time")), at);
        }

        private static Double hours(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isNumber()) {
                return node.asDouble();
            }
            Estimate e = Estimate.parse(node.asText());
            return e.valid() ? e.highHours() : null;
        }

        /** The ids of {@code field} in a claim object; a value that is not an array is a warning and no ids. */
        private List<String> ids(JsonNode owner, String field, String where, SourceLocation at) {
            JsonNode array = owner.path(field);
            List<String> ids = new ArrayList<>();
            if (!array.isArray() && !array.isMissingNode() && !array.isNull()) {
                findings.add(Finding.warning("invalid-type", "\"" + field + "\" of " + where + " is "
                        + nodeType(array) + ", but should be an array of ids; it is ignored", null, at));
            }
            if (array.isArray()) {
                for (JsonNode n : array) {
                    if (n.isValueNode() && !n.isNull()) {
                        ids.add(n.asText().trim());
                    }
                }
            }
            return ids;
        }

        private static String nodeType(JsonNode node) {
            if (node.isObject()) {
                return "an object";
            }
            if (node.isTextual()) {
                return "the string " + shown(node.asText());
            }
            if (node.isNumber() || node.isBoolean()) {
                return "the " + (node.isNumber() ? "number " : "boolean ") + node.asText();
            }
            return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        }

        private record Located(JsonNode node, SourceLocation at) {}

        private List<Located> objects(String field) throws IOException {
            List<Located> out = new ArrayList<>();
            if (p.currentToken() != JsonToken.START_ARRAY) {
                if (p.currentToken() != JsonToken.VALUE_NULL) {
                    typeError(field, "an array", null);
                }
                p.skipChildren();
                return out;
            }
            int entry = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                SourceLocation at = here();
                entry++;
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    out.add(new Located(tree(), at));
                } else {
                    if (p.currentToken() != JsonToken.VALUE_NULL) {
                        findings.add(Finding.warning("invalid-type", "entry " + entry + " of \"" + field + "\" is "
                                + found() + ", not an object; it is ignored", null, at));
                    }
                    p.skipChildren();
                }
            }
            return out;
        }
    }

    /** Field values of one achievement while it is being read. */
    static final class Fields {
        String id;
        String title;
        final List<String> dependencies = new ArrayList<>();
        /** Whether the object had a {@code dependencies} field that is not {@code null}. */
        boolean dependenciesWritten;
        /** Line and column of each dependency, packed as {@code line << 32 | column}. */
        long[] dependencyPositions = new long[4];
        String status;
        Integer priority;
        String executor;
        Estimate estimate = Estimate.ABSENT;
        Double actualHours;
        List<String> blocks = List.of();
        List<String> parallelizableWith = List.of();
        String validationScript;
        String command;
        Integer timeoutMinutes;
        Integer retries;
        boolean optional;
        boolean required;
        List<Achievement> subExecutions = List.of();
        Map<String, SourceLocation> unknown;

        /** Forgets every value, for the next achievement. */
        void clear() {
            id = null;
            title = null;
            dependencies.clear();
            dependenciesWritten = false;
            status = null;
            priority = null;
            executor = null;
            estimate = Estimate.ABSENT;
            actualHours = null;
            blocks = List.of();
            parallelizableWith = List.of();
            validationScript = null;
            command = null;
            timeoutMinutes = null;
            retries = null;
            optional = false;
            required = false;
            subExecutions = List.of();
            unknown = null;
        }

        void addDependency(String id, long position) {
            int k = dependencies.size();
            if (k == dependencyPositions.length) {
                dependencyPositions = java.util.Arrays.copyOf(dependencyPositions, k * 2);
            }
            dependencies.add(id);
            dependencyPositions[k] = position;
        }

        /**
         * The achievement these fields make, read at {@code start}, {@code position} in its list (0-based), inside
         * the achievement {@code owner} (or null); adds the findings about it to {@code findings}.
         */
        Achievement build(SourceLocation start, int position, String owner, List<Finding> findings) {
            Achievement.Builder b = Achievement.builder(id == null ? "" : id)
                    .title(title)
                    .status(status)
                    .priority(priority)
                    .executor(executor)
                    .estimate(estimate)
                    .actualHours(actualHours)
                    .blocks(blocks)
                    .parallelizableWith(parallelizableWith)
                    .validationScript(validationScript)
                    .command(command)
                    .timeoutMinutes(timeoutMinutes)
                    .retries(retries)
                    .optional(optional)
                    .required(required)
                    .subExecutions(subExecutions)
                    .location(start)
                    .position(position);
            b.dependsOn(dependencies, dependencyPositions);
            // As the validator names achievements: the id (else the 1-based position), after "parent/" inside
            // sub_executions.
            String own = id == null || id.isEmpty() ? "#" + (position + 1) : id;
            String label = owner == null ? own : owner + "/" + own;
            if (!dependenciesWritten) {
                findings.add(Finding.info("missing-dependencies", "no \"dependencies\" list, so it is read as none "
                        + "and can start at once; write \"dependencies\": [] (or the ids it waits for) to say so",
                        label, start));
            }
            if (unknown != null) {
                for (Map.Entry<String, SourceLocation> e : unknown.entrySet()) {
                    b.unknownField(e.getKey(), e.getValue());
                    findings.add(Finding.info("unknown-field", "unknown field \"" + e.getKey()
                            + "\" is kept but not used", label, e.getValue()));
                }
            }
            return b.build();
        }

        /** The unknown fields, created on first use (most achievements have none). */
        Map<String, SourceLocation> unknown() {
            if (unknown == null) {
                unknown = new LinkedHashMap<>();
            }
            return unknown;
        }
    }
}
