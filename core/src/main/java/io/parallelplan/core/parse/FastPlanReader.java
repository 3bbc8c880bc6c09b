package io.parallelplan.core.parse;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.PlanClaims;
import io.parallelplan.core.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path of {@link PlanParser} for the plain shape that large, generated plans have: reads the bytes itself
 * instead of through Jackson's token stream, and gives every dependency the very {@code String} of the id it names.
 *
 * <p>It accepts only what it can read exactly as the full reader would — the same achievements, locations and
 * findings — and gives up ({@link #read} returns {@code null}) on anything else, long before an error could differ:
 * a top-level field other than {@code plan_name}, {@code parallelization_level} and {@code achievements}; an
 * achievement field other than {@code achievement_id}, {@code title}, {@code dependencies}, {@code status},
 * {@code estimated_hours}, {@code executor}, {@code command}, {@code validation_script}, {@code description} and
 * {@code notes}, or one of them with a value of another type (a string; for {@code estimated_hours} also a whole
 * number below 100); a repeated field; a string with an escape, a control character or a byte outside ASCII; a
 * carriage return; anything after the closing brace. The full reader then reads the file from the start, so its
 * error messages and findings stay the only ones there are.
 *
 * <p>Lines and columns follow the full reader's: 1-based, the column counted in bytes from the start of the line,
 * pointing at a token's first character.
 */
final class FastPlanReader {
    /** Thrown (without a stack trace) wherever the input leaves the shape this reader handles. */
    private static final class Unusual extends Exception {
        private static final long serialVersionUID = 1L;

        Unusual() {
            super(null, null, false, false);
        }
    }

    private static final Unusual UNUSUAL = new Unusual();
    /** The deepest nesting this reader produces: plan, achievements, achievement, dependencies. */
    static final int DEPTH = 4;
    /** Distinct range estimates kept for sharing; a plan with more parses the rest one by one. */
    private static final int ESTIMATES_KEPT = 1024;

    /** The top-level fields this reader takes: 0 plan_name, 1 parallelization_level, 2 achievements. */
    private static final String[] TOP_FIELDS = {"plan_name", "parallelization_level", "achievements"};
    /** The achievement fields this reader takes, each at the index of its constant below. */
    private static final String[] ACHIEVEMENT_FIELDS = {"achievement_id", "title", "dependencies", "status",
        "estimated_hours", "executor", "command", "validation_script", "notes", "description"};
    private static final int ID = 0;
    private static final int TITLE = 1;
    private static final int DEPENDENCIES = 2;
    private static final int STATUS = 3;
    private static final int ESTIMATED_HOURS = 4;
    private static final int EXECUTOR = 5;
    private static final int COMMAND = 6;
    private static final int VALIDATION_SCRIPT = 7;
    private static final int NOTES = 8;
    private static final int DESCRIPTION = 9;

    private final InputStream in;
    private final int maxStringLength;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    /** Bytes of the input before {@code buf[0]}. */
    private long consumed;
    private int line = 1;
    /** Offset in the input of the current line's first byte. */
    private long lineStart;
    /** The last string read: {@code tokBuf[tokOff, tokOff + tokLen)}. */
    private byte[] tokBuf;
    private int tokOff;
    private int tokLen;
    private byte[] scratch = new byte[256];
    private long tokenAt;

    /** The fields of the achievement being read, one object for all of them. */
    private final PlanParser.Fields fields = new PlanParser.Fields();
    private final Interner ids = new Interner();
    private final Map<String, String> statuses = new HashMap<>();
    private final Map<String, Estimate> ranges = new HashMap<>();

    private FastPlanReader(InputStream in, int maxStringLength) {
        this.in = in;
        this.maxStringLength = maxStringLength;
    }

    /**
     * Reads the plan, or returns {@code null} when the file is not of the plain shape (the stream is then partly
     * read, and the caller reads the file again with the full reader).
     */
    static ParsedPlan read(InputStream in, Path file, ParseLimits limits) throws IOException {
        if (limits.maxNestingDepth() < DEPTH) {
            return null;
        }
        try {
            return new FastPlanReader(in, limits.maxStringLength()).root(file);
        } catch (Unusual e) {
            return null;
        }
    }

    private ParsedPlan root(Path path) throws IOException, Unusual {
        if (next() != '{') {
            throw UNUSUAL;
        }
        List<Finding> findings = new ArrayList<>();
        PlanParser.Top top = new PlanParser.Top();
        int seen = 0;
        for (int b = first('}'); b != -1; b = following('}')) {
            int field = field(b, TOP_FIELDS, seen);
            seen |= 1 << field;
            b = next();
            SourceLocation at = location();
            switch (field) {
                case 0 -> {
                    top.name = string(b);
                    top.nameWritten = true;
                    top.nameAt = at;
                }
                case 1 -> {
                    top.level = string(b);
                    top.levelWritten = true;
                    top.levelAt = at;
                }
                default -> {
                    if (b != '[') {
                        throw UNUSUAL;
                    }
                    top.achievementsAt = at;
                    top.achievements = achievements(findings);
                }
            }
        }
        if (top.achievements == null || next() != -1) {
            throw UNUSUAL;
        }
        return top.finish(path, PlanClaims.NONE, Map.of(), findings);
    }

    private List<Achievement> achievements(List<Finding> findings) throws IOException, Unusual {
        List<Achievement> list = new ArrayList<>();
        for (int b = first(']'); b != -1; b = following(']')) {
            if (b != '{') {
                throw UNUSUAL;
            }
            list.add(achievement(list.size(), findings));
        }
        return list;
    }

    private Achievement achievement(int position, List<Finding> findings) throws IOException, Unusual {
        SourceLocation start = location();
        PlanParser.Fields f = fields;
        f.clear();
        int seen = 0;
        for (int b = first('}'); b != -1; b = following('}')) {
            int field = field(b, ACHIEVEMENT_FIELDS, seen);
            seen |= 1 << field;
            b = next();
            switch (field) {
                case ID -> {
                    if (b != '"') {
                        throw UNUSUAL;
                    }
                    readString();
                    f.id = ids.intern(tokBuf, tokOff, tokLen);
                }
                case TITLE -> f.title = string(b);
                case DEPENDENCIES -> dependencies(b, f);
                case STATUS -> f.status = status(string(b));
                case ESTIMATED_HOURS -> f.estimate = estimate(b);
                case EXECUTOR -> f.executor = string(b);
                case COMMAND -> f.command = string(b);
                case VALIDATION_SCRIPT -> f.validationScript = string(b);
                default -> string(b); // notes, description: known, not used
            }
        }
        return f.build(start, position, null, findings);
    }

    /** The first byte inside an object or array just opened, or -1 when {@code close} ends it at once. */
    private int first(char close) throws IOException, Unusual {
        int b = next();
        return b == close ? -1 : b;
    }

    /** After a member: the first byte of the next one (after a comma), or -1 when {@code close} ends the list. */
    private int following(char close) throws IOException, Unusual {
        int b = next();
        if (b == close) {
            return -1;
        }
        if (b != ',') {
            throw UNUSUAL;
        }
        return next();
    }

    /**
     * Reads a field name whose opening quote is {@code b}, and its colon: the name's index in {@code names}, which
     * must not be in {@code seen} (a bit per index) yet.
     */
    private int field(int b, String[] names, int seen) throws IOException, Unusual {
        if (b != '"') {
            throw UNUSUAL;
        }
        readString();
        int field = known(names);
        if ((seen & (1 << field)) != 0 || next() != ':') {
            throw UNUSUAL;
        }
        return field;
    }

    /** The index of the name just read in {@code names}; any other name is for the full reader. */
    private int known(String[] names) throws Unusual {
        for (int i = 0; i < names.length; i++) {
            if (is(names[i])) {
                return i;
            }
        }
        throw UNUSUAL;
    }

    private void dependencies(int b, PlanParser.Fields f) throws IOException, Unusual {
        if (b != '[') {
            throw UNUSUAL;
        }
        f.dependenciesWritten = true;
        for (b = first(']'); b != -1; b = following(']')) {
            if (b != '"') {
                throw UNUSUAL;
            }
            long at = tokenAt;
            readString();
            if (tokLen == 0 || tokBuf[tokOff] == ' ' || tokBuf[tokOff + tokLen - 1] == ' ') {
                throw UNUSUAL; // the full reader trims ids; not worth doing here
            }
            f.addDependency(ids.intern(tokBuf, tokOff, tokLen), at);
        }
    }

    private String status(String status) {
        String shared = statuses.putIfAbsent(status, status);
        return shared != null ? shared : status;
    }

    private Estimate estimate(int b) throws IOException, Unusual {
        if (b == '"') {
            readString();
            String raw = new String(tokBuf, tokOff, tokLen, StandardCharsets.ISO_8859_1);
            Estimate e = ranges.get(raw);
            if (e == null) {
                e = Estimate.parse(raw);
                if (ranges.size() < ESTIMATES_KEPT) {
                    ranges.put(raw, e);
                }
            }
            return e;
        }
        // A whole number from 0 to 99, as JSON writes it (no sign, no leading zero), then a delimiter.
        if (b < '0' || b > '9') {
            throw UNUSUAL;
        }
        int hours = b - '0';
        int c = peek();
        if (b != '0' && c >= '0' && c <= '9') {
            pos++;
            hours = hours * 10 + (c - '0');
            c = peek();
        }
        if (c != ',' && c != '}' && c != ' ' && c != '\n' && c != '\t') {
            throw UNUSUAL;
        }
        return PlanParser.wholeHours(hours);
    }

    /** A string value (the current byte {@code b} must open it) as a new {@code String}. */
    private String string(int b) throws IOException, Unusual {
        if (b != '"') {
            throw UNUSUAL;
        }
        readString();
        return new String(tokBuf, tokOff, tokLen, StandardCharsets.ISO_8859_1);
    }

    private boolean is(String name) {
        if (tokLen != name.length()) {
            return false;
        }
        for (int i = 0; i < tokLen; i++) {
            if (tokBuf[tokOff + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the rest of a string whose opening quote was just read, into {@code tokBuf}: in place in the buffer when
     * it is all there, else copied into {@code scratch}.
     */
    private void readString() throws IOException, Unusual {
        int start = pos;
        for (int i = pos; i < end; i++) {
            byte c = buf[i];
            if (c == '"') {
                tokBuf = buf;
                tokOff = start;
                tokLen = i - start;
                pos = i + 1;
                checkLength();
                return;
            }
            if (c < 0x20 || c == '\\') { // a control character, a byte of a multi-byte character (negative), an escape
                throw UNUSUAL;
            }
        }
        int len = 0;
        for (;;) {
            if (pos == end && !fill()) {
                throw UNUSUAL;
            }
            byte c = buf[pos++];
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c == '\\') {
                throw UNUSUAL;
            }
            if (len == scratch.length) {
                if (len >= maxStringLength) {
                    throw UNUSUAL;
                }
                scratch = Arrays.copyOf(scratch, len * 2);
            }
            scratch[len++] = c;
        }
        tokBuf = scratch;
        tokOff = 0;
        tokLen = len;
        checkLength();
    }

    private void checkLength() throws Unusual {
        if (tokLen > maxStringLength) {
            throw UNUSUAL;
        }
    }

    /**
     * The next byte that is not white space, consumed, or -1 at the end of the input; {@link #tokenAt} is then its
     * line and column.
     */
    private int next() throws IOException, Unusual {
        for (;;) {
            if (pos == end && !fill()) {
                return -1;
            }
            byte b = buf[pos++];
            if (b == ' ' || b == '\t') {
                continue;
            }
            if (b == '\n') {
                line++;
                lineStart = consumed + pos;
                continue;
            }
            if (b == '\r') {
                throw UNUSUAL;
            }
            tokenAt = ((long) line << 32) | (consumed + pos - lineStart);
            return b;
        }
    }

    /** The next byte, not consumed, or -1 at the end of the input. */
    private int peek() throws IOException {
        if (pos == end && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    /** Where the token last returned by {@link #next()} starts. */
    private SourceLocation location() {
        return new SourceLocation((int) (tokenAt >>> 32), (int) tokenAt);
    }

    /** Refills the empty buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        consumed += end;
        pos = 0;
        end = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        end = n;
        return true;
    }

    /**
     * One {@code String} per distinct id, looked up by its bytes: the plan's ids and its dependencies share them,
     * and a dependency costs no new object. Open addressing over an arena of the ids' bytes.
     */
    private static final class Interner {
        private int[] slots = new int[1 << 12]; // entry + 1, 0 when free
        private int[] hashes = new int[1 << 12];
        private String[] strings = new String[1 << 11];
        private int[] offsets = new int[(1 << 11) + 1];
        private byte[] arena = new byte[1 << 14];
        private int used;
        private int count;

        String intern(byte[] b, int off, int len) {
            int h = 1;
            for (int i = 0; i < len; i++) {
                h = 31 * h + b[off + i];
            }
            int mask = slots.length - 1;
            int slot = (h ^ (h >>> 16)) & mask;
            for (int e; (e = slots[slot]) != 0; slot = (slot + 1) & mask) {
                if (hashes[slot] == h && same(e - 1, b, off, len)) {
                    return strings[e - 1];
                }
            }
            String s = new String(b, off, len, StandardCharsets.ISO_8859_1);
            if (count == strings.length) {
                strings = Arrays.copyOf(strings, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2 + 1);
            }
            if (used + len > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + len));
            }
            System.arraycopy(b, off, arena, used, len);
            strings[count] = s;
            offsets[count] = used;
            used += len;
            offsets[count + 1] = used;
            slots[slot] = ++count;
            hashes[slot] = h;
            if (count * 2 > slots.length) {
                rehash();
            }
            return s;
        }

        private boolean same(int entry, byte[] b, int off, int len) {
            int from = offsets[entry];
            if (offsets[entry + 1] - from != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (arena[from + i] != b[off + i]) {
                    return false;
                }
            }
            return true;
        }

        private void rehash() {
            int[] oldSlots = slots;
            int[] oldHashes = hashes;
            slots = new int[oldSlots.length * 2];
            hashes = new int[oldSlots.length * 2];
            int mask = slots.length - 1;
            for (int i = 0; i < oldSlots.length; i++) {
                if (oldSlots[i] != 0) {
                    int h = oldHashes[i];
                    int slot = (h ^ (h >>> 16)) & mask;
                    while (slots[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slots[slot] = oldSlots[i];
                    hashes[slot] = h;
                }
            }
        }
    }
}
