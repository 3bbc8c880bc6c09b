package io.parallelplan.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.parallelplan.core.schedule.AttemptOutcome;
import io.parallelplan.core.schedule.EventReason;
import io.parallelplan.core.schedule.RunEvent;
import io.parallelplan.core.schedule.RunListener;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.SchedulePlan;
import io.parallelplan.core.schedule.Scheduler;
import io.parallelplan.core.schedule.TaskState;
import io.parallelplan.core.validate.LoadedPlan;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ledger of one run, in its own folder:
 *
 * <ul>
 *   <li>{@code journal.jsonl} — append-only: a header line (run id, plan hash, per-achievement definition hashes,
 *       options), then one line per {@link RunEvent} and per stop. Each line is written and flushed to the operating
 *       system inside the scheduler call that produced it, before the call returns, so a driver never acts on an
 *       event that is not on disk and a killed runner (kill -9) loses no finished attempt.
 *   <li>{@code snapshot.json} — every task's state, written atomically (temporary file, then rename) every
 *       {@link #snapshotEvery()} events (at least the number of tasks, so the cost per event stays constant) and on
 *       {@link #close()}; it says how many journal bytes it covers, so reading needs only the journal's tail.
 *   <li>{@code result.json} — on {@link #close()}: the final JSON ({@link RunJson#toJson(io.parallelplan.core.schedule.RunSummary)}).
 * </ul>
 *
 * <p>{@link #create} starts a new run, {@link #restore} continues the same run after a restart (the journal is
 * replayed onto a fresh scheduler; running tasks stay RUNNING), {@link #read} reads a run without the plan, and
 * {@link ResumePlan#of} plans a new run that resumes an old one. Not thread-safe, like the scheduler it serves.
 */
public final class RunLedger implements Closeable {
    /** The journal's file name. */
    public static final String JOURNAL = "journal.jsonl";
    /** The snapshot's file name. */
    public static final String SNAPSHOT = "snapshot.json";
    /** The final result's file name. */
    public static final String RESULT = "result.json";

    /** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds: the years whose run ids are written here. */
    private static final long YEAR_1 = -62_135_596_800L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private final Path directory;
    private final Path journal;
    private final LedgerFold fold;
    private final int snapshotEvery;
    private final RunListener writer = new Writer();
    private OutputStream out;
    private long bytes;
    private int lines;
    private int sinceSnapshot;
    private Scheduler scheduler;
    private boolean closed;
    private String resultJson;

    private RunLedger(Path directory, RunHeader header) {
        this.directory = directory;
        this.journal = directory.resolve(JOURNAL);
        this.fold = new LedgerFold(header);
        this.snapshotEvery = Math.max(1024, header.nodes().size());
    }

    /**
     * A run id for a run starting at {@code time}, e.g. {@code 20260101-100000-000}: sorts by time. The UTC time as
     * {@code yyyyMMdd-HHmmss-SSS} formats it, written without a formatter (years 1 to 9999; others take the
     * formatter).
     */
    public static String newRunId(Instant time) {
        long seconds = time.getEpochSecond();
        if (seconds < YEAR_1 || seconds >= YEAR_10000) {
            return RunIdFormat.FORMAT.format(time);
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(19);
        RunJson.digits(b, d.getYear(), 4);
        RunJson.digits(b, d.getMonthValue(), 2);
        RunJson.digits(b, d.getDayOfMonth(), 2).append('-');
        RunJson.digits(b, d.getHour(), 2);
        RunJson.digits(b, d.getMinute(), 2);
        RunJson.digits(b, d.getSecond(), 2).append('-');
        return RunJson.digits(b, time.getNano() / 1_000_000, 3).toString();
    }

    /** The run id's formatter, made only for times outside the years {@link #newRunId} writes itself. */
    private static final class RunIdFormat {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    }

    /**
     * Starts the ledger of a new run in {@code directory} (created if needed; it must not hold a journal yet) and the
     * scheduler it records. The ledger sees each event before {@code observer} does.
     */
    public static RunLedger create(
            Path directory, String runId, LoadedPlan plan, RunOptions options, Instant startedAt,
            RunListener observer) {
        return create(directory, runId, SchedulePlan.of(plan), options, startedAt, observer);
    }

    /** As {@link #create(Path, String, LoadedPlan, RunOptions, Instant, RunListener)}, for a plan prepared once. */
    public static RunLedger create(
            Path directory, String runId, SchedulePlan prepared, RunOptions options, Instant startedAt,
            RunListener observer) {
        return create(directory, runId, prepared, Definitions.of(prepared.plan()), options, startedAt, observer);
    }

    /**
     * As {@link #create(Path, String, SchedulePlan, RunOptions, Instant, RunListener)}, with the definition hashes of
     * the prepared plan taken already ({@link Definitions#of}; the command line takes them while it validates the
     * plan).
     */
    public static RunLedger create(
            Path directory, String runId, SchedulePlan prepared, Definitions definitions, RunOptions options,
            Instant startedAt, RunListener observer) {
        Objects.requireNonNull(directory, "run directory cannot be null");
        Objects.requireNonNull(observer, "observer cannot be null (use RunListener.NONE)");
        RunHeader header = RunHeader.of(runId, prepared, definitions, options, startedAt);
        RunLedger ledger = new RunLedger(directory, header);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new LedgerException(directory, "cannot create the run folder: " + e.getMessage(), e);
        }
        if (Files.exists(ledger.journal)) {
            throw new LedgerException(ledger.journal, "a run was already recorded here; use a new run id");
        }
        ledger.openJournal(false);
        try {
            ledger.append(header.line());
            ledger.scheduler = new Scheduler(prepared, options, startedAt, ledger.writer.andThen(observer));
        } catch (RuntimeException e) {
            ledger.discard();
            throw e;
        }
        ledger.snapshot();
        return ledger;
    }

    /**
     * Continues a run after a restart (the Jenkins controller's): replays the journal onto a fresh scheduler of the
     * same plan — running tasks stay RUNNING, for the driver to reattach or report — and appends from there. A torn
     * last line is cut off first.
     *
     * @throws LedgerException if the journal is damaged, or the plan's definitions differ from the run's
     */
    public static RunLedger restore(Path directory, LoadedPlan plan, RunListener observer) {
        Objects.requireNonNull(observer, "observer cannot be null (use RunListener.NONE)");
        Path file = directory.resolve(JOURNAL);
        requireJournal(directory, file);
        List<Entry> entries = new ArrayList<>();
        RunHeader header;
        long validEnd;
        int lineCount;
        try (JournalReader reader = new JournalReader(file, 0, 0)) {
            header = header(file, reader);
            JsonNode line;
            while ((line = reader.next()) != null) {
                entries.add(entry(file, reader.lineNumber(), line));
            }
            validEnd = reader.position();
            lineCount = reader.lineNumber();
        }
        Definitions definitions = Definitions.of(plan.plan());
        if (!definitions.planHash().equals(header.planHash())) {
            throw new LedgerException(file, "run " + header.runId() + " was made from a different plan (the work of"
                    + " some achievements changed); start a new run that resumes it instead of continuing it");
        }
        RunLedger ledger = new RunLedger(directory, header);
        Replay replay = new Replay(file, entries);
        RunListener live = ledger.writer.andThen(observer);
        RunListener switching = new RunListener() {
            @Override
            public void onEvent(RunEvent event) {
                (ledger.out == null ? replay : live).onEvent(event);
            }

            @Override
            public void onStop(EventReason kind, String reason, Instant time) {
                (ledger.out == null ? replay : live).onStop(kind, reason, time);
            }
        };
        Scheduler scheduler = new Scheduler(plan, header.options(), header.startedAt(), switching);
        replay.drive(scheduler);
        for (Entry e : entries) {
            e.applyTo(ledger.fold);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(validEnd);
        } catch (IOException e) {
            throw new LedgerException(file, "cannot cut off the torn last line: " + e.getMessage(), e);
        }
        ledger.bytes = validEnd;
        ledger.lines = lineCount;
        ledger.openJournal(true);
        ledger.scheduler = scheduler;
        for (Entry e : replay.beyondJournal) {
            e.writeTo(ledger.writer);
        }
        return ledger;
    }

    /** Reads a run folder without the plan: the snapshot, then the journal after it. */
    public static LedgerState read(Path directory) {
        Path file = directory.resolve(JOURNAL);
        requireJournal(directory, file);
        RunHeader header;
        LedgerFold fold;
        long offset = 0;
        int linesBefore = 0;
        try (JournalReader reader = new JournalReader(file, 0, 0)) {
            header = header(file, reader);
            offset = reader.position();
            linesBefore = reader.lineNumber();
        }
        fold = new LedgerFold(header);
        Path snapshot = directory.resolve(SNAPSHOT);
        if (Files.isRegularFile(snapshot)) {
            try {
                JsonNode s = RunJson.mapper().readTree(snapshot.toFile());
                long covered = s.path("journal_bytes").asLong(-1);
                if (header.runId().equals(s.path("run_id").asText()) && covered >= offset
                        && covered <= Files.size(file)) {
                    fold.readTasks(s);
                    offset = covered;
                    linesBefore = s.path("journal_lines").asInt();
                }
            } catch (IOException | IllegalArgumentException e) {
                fold = new LedgerFold(header); // the journal alone is the truth
            }
        }
        try (JournalReader reader = new JournalReader(file, offset, linesBefore)) {
            JsonNode line;
            while ((line = reader.next()) != null) {
                entry(file, reader.lineNumber(), line).applyTo(fold);
            }
            return LedgerState.of(directory, fold, reader.torn());
        }
    }

    /** The scheduler whose events this ledger records. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The run folder. */
    public Path directory() {
        return directory;
    }

    public String runId() {
        return fold.header.runId();
    }

    public RunHeader header() {
        return fold.header;
    }

    /** Events between two snapshots. */
    public int snapshotEvery() {
        return snapshotEvery;
    }

    /** The run as recorded so far (O(n)). */
    public LedgerState state() {
        return LedgerState.of(directory, fold, false);
    }

    /** Writes {@code snapshot.json} atomically. */
    public void snapshot() {
        Path target = directory.resolve(SNAPSHOT);
        Path tmp = directory.resolve(SNAPSHOT + ".tmp");
        StringBuilder b = new StringBuilder(256 + 160 * fold.header.nodes().size());
        b.append("{\"format\":").append(RunHeader.FORMAT).append(",\"run_id\":");
        RunJson.utf8String(b, runId());
        b.append(",\"journal_bytes\":").append(bytes).append(",\"journal_lines\":").append(lines).append(',');
        fold.writeTasks(b);
        ByteBuffer data = ByteBuffer.wrap(b.append('}').toString().getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (data.hasRemaining()) {
                channel.write(data);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new LedgerException(tmp, "cannot write the snapshot: " + e.getMessage(), e);
        }
        move(tmp, target);
        sinceSnapshot = 0;
    }

    /**
     * The text of {@code result.json} (without its final line break) once {@link #close()} has written it, else
     * {@code null}: what {@code run --format json} prints, so the two never differ.
     */
    public String resultJson() {
        return resultJson;
    }

    /** Writes the last snapshot and {@code result.json}, and closes the journal. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        snapshot();
        Path tmp = directory.resolve(RESULT + ".tmp");
        resultJson = RunJson.write(state().summary());
        try {
            Files.writeString(tmp, resultJson + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LedgerException(tmp, "cannot write the result: " + e.getMessage(), e);
        }
        move(tmp, directory.resolve(RESULT));
        try {
            out.close();
        } catch (IOException e) {
            throw new LedgerException(journal, "cannot close the journal: " + e.getMessage(), e);
        }
        closed = true;
    }

    // ---------------------------------------------------------------- internals

    /** Journals each event and stop, then folds it into the ledger's state. */
    private final class Writer implements RunListener {
        @Override
        public void onEvent(RunEvent event) {
            append(RunJson.line(event));
            fold.apply(event);
            if (++sinceSnapshot >= snapshotEvery) {
                snapshot();
            }
        }

        @Override
        public void onStop(EventReason kind, String reason, Instant time) {
            append(stopLine(kind, reason, time));
            fold.stop(kind, reason, time);
        }
    }

    /** Removes a journal that never got past its start (the scheduler refused the options). */
    private void discard() {
        try {
            out.close();
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            throw new LedgerException(journal, "cannot remove the journal of a run that did not start: "
                    + e.getMessage(), e);
        }
        closed = true;
    }

    private void openJournal(boolean append) {
        try {
            out = Files.newOutputStream(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new LedgerException(journal, "cannot open the journal: " + e.getMessage(), e);
        }
    }

    private void append(String line) {
        if (closed) {
            throw new IllegalStateException("the ledger of run " + runId() + " is closed");
        }
        byte[] data = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            throw new LedgerException(journal, "cannot append to the journal: " + e.getMessage(), e);
        }
        bytes += data.length;
        lines++;
    }

    /** A stop's journal line: the text Jackson writes for it as a tree, written directly. */
    static String stopLine(EventReason kind, String reason, Instant time) {
        StringBuilder b = new StringBuilder(96);
        b.append("{\"type\":\"stop\",\"time\":\"");
        RunJson.instant(b, time);
        b.append("\",\"kind\":\"").append(kind.name()).append("\",\"reason\":");
        RunJson.string(b, reason);
        return b.append('}').toString();
    }

    private static void move(Path tmp, Path target) {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LedgerException(target, "cannot replace the file atomically: " + e.getMessage(), e);
        }
    }

    private static void requireJournal(Path directory, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LedgerException(directory, "no " + JOURNAL + " here: not a run folder");
        }
    }

    private static RunHeader header(Path file, JournalReader reader) {
        JsonNode first = reader.next();
        if (first == null) {
            throw new LedgerException(file, "the journal has no complete first line: the run never began; delete"
                    + " its folder");
        }
        try {
            return RunHeader.read(first);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new LedgerException(file, "line 1 is not a run header: " + e.getMessage(), e);
        }
    }

    private static Entry entry(Path file, int line, JsonNode o) {
        try {
            return switch (o.path("type").asText()) {
                case "event" -> new Entry(line, RunJson.readEvent(o), null, null, null);
                case "stop" -> new Entry(line, null, EventReason.valueOf(RunJson.required(o, "kind").asText()),
                        RunJson.text(o, "reason"), Instant.parse(RunJson.required(o, "time").asText()));
                default -> throw new IllegalArgumentException("unknown line type \"" + o.path("type").asText() + "\"");
            };
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new LedgerException(file, "line " + line + " is not a journal entry: " + e.getMessage(), e);
        }
    }

    /** One journal line after the header: an event, or a stop. */
    private record Entry(int line, RunEvent event, EventReason stopKind, String stopReason, Instant stopTime) {
        void applyTo(LedgerFold fold) {
            if (event != null) {
                fold.apply(event);
            } else {
                fold.stop(stopKind, stopReason, stopTime);
            }
        }

        void writeTo(RunListener listener) {
            if (event != null) {
                listener.onEvent(event);
            } else {
                listener.onStop(stopKind, stopReason, stopTime);
            }
        }

        boolean sameAs(Entry other) {
            return Objects.equals(event, other.event) && stopKind == other.stopKind
                    && Objects.equals(stopReason, other.stopReason) && Objects.equals(stopTime, other.stopTime);
        }

        @Override
        public String toString() {
            return event != null ? event.toString() : "stop " + stopKind + ": " + stopReason;
        }
    }

    /**
     * Drives a fresh scheduler with the driver's inputs found in the journal (starts, attempt outcomes, stops) and
     * checks that it produces exactly the journal's events; events it produces past a torn end are kept to be
     * appended.
     */
    private static final class Replay implements RunListener {
        private final Path file;
        private final List<Entry> entries;
        private final List<Entry> beyondJournal = new ArrayList<>();
        private int cursor;

        Replay(Path file, List<Entry> entries) {
            this.file = file;
            this.entries = entries;
        }

        @Override
        public void onEvent(RunEvent event) {
            produced(new Entry(0, event, null, null, null));
        }

        @Override
        public void onStop(EventReason kind, String reason, Instant time) {
            produced(new Entry(0, null, kind, reason, time));
        }

        private void produced(Entry e) {
            if (cursor < entries.size()) {
                Entry expected = entries.get(cursor);
                if (!expected.sameAs(e)) {
                    throw new LedgerException(file, "line " + expected.line() + " (" + expected
                            + ") differs from the replayed run (" + e + "); the journal was edited or belongs to"
                            + " another version of the plan");
                }
                cursor++;
            } else {
                beyondJournal.add(e);
            }
        }

        void drive(Scheduler scheduler) {
            while (cursor < entries.size()) {
                Entry e = entries.get(cursor);
                int before = cursor;
                RunEvent ev = e.event();
                if (ev == null) {
                    if (e.stopKind() != EventReason.STOPPED) {
                        throw unexpected(e);
                    }
                    scheduler.stop(e.stopReason(), e.stopTime());
                } else if (ev.reason() == EventReason.STARTED) {
                    scheduler.start(ev.taskId(), ev.time());
                } else if (ev.from() == TaskState.RUNNING && outcome(ev) != null
                        && !scheduler.isGroup(ev.taskId())) {
                    scheduler.finish(ev.taskId(), outcome(ev), ev.time());
                } else {
                    throw unexpected(e);
                }
                if (cursor == before) {
                    throw unexpected(e);
                }
            }
        }

        private LedgerException unexpected(Entry e) {
            return new LedgerException(file, "line " + e.line() + " (" + e + ") does not follow from the lines"
                    + " before it; the journal was edited or belongs to another version of the plan");
        }

        private static AttemptOutcome outcome(RunEvent e) {
            return switch (e.reason()) {
                case SUCCESS -> new AttemptOutcome(AttemptOutcome.Kind.SUCCESS, e.exitCode(), e.message());
                case FAILURE -> new AttemptOutcome(AttemptOutcome.Kind.FAILURE, e.exitCode(), e.message());
                case TIMEOUT -> new AttemptOutcome(AttemptOutcome.Kind.TIMEOUT, e.exitCode(), e.message());
                case INTERRUPTED -> new AttemptOutcome(AttemptOutcome.Kind.INTERRUPTED, e.exitCode(), e.message());
                default -> null;
            };
        }
    }
}
