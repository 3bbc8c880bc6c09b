package io.parallelplan.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.parallelplan.core.ledger.LedgerException;
import io.parallelplan.core.ledger.LedgerState;
import io.parallelplan.core.ledger.RunJson;
import io.parallelplan.core.ledger.RunLedger;
import io.parallelplan.core.schedule.BlockedChain;
import io.parallelplan.core.schedule.EventReason;
import io.parallelplan.core.schedule.RunEvent;
import io.parallelplan.core.schedule.RunResult;
import io.parallelplan.core.schedule.TaskRecord;
import io.parallelplan.core.schedule.TaskState;
import io.parallelplan.core.status.PlanStatus;
import io.parallelplan.core.validate.LoadedPlan;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The thin adapters from what other packages know to a {@link ReportSnapshot}: a run (its ledger folder, or the
 * scheduler's {@link RunResult} and {@link RunEvent}s) and a plan folder's {@link PlanStatus}.
 */
public final class RunReports {
    private static final com.fasterxml.jackson.databind.ObjectMapper JOURNAL =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private RunReports() {}

    /**
     * The snapshot of a run.
     *
     * @param loaded the plan that ran (valid)
     * @param runId the run's id
     * @param result the run's result (its records give each achievement's state)
     * @param events the run's events in journal order; each attempt's start and end come from them (an achievement
     *     without events but with times in its record gets one attempt spanning them)
     * @param logTails the end of the log of each achievement's last failed attempt, by id (may miss ids)
     */
    public static ReportSnapshot ofRun(
            LoadedPlan loaded,
            String runId,
            RunResult result,
            List<RunEvent> events,
            Map<String, String> logTails) {
        Objects.requireNonNull(result, "result cannot be null");
        ReportSnapshot plan = ReportSnapshots.ofPlan(loaded.plan(), loaded.graph());
        Map<String, List<ReportSnapshot.Attempt>> attempts = attempts(events);
        Map<String, TaskRecord> byId = new HashMap<>(Math.max(16, result.records().size() * 2));
        for (TaskRecord r : result.records()) {
            byId.put(r.id(), r);
        }
        // The result has already followed each blocked achievement's chain: take it rather than follow it again.
        Map<String, BlockedChain> chainOf = new HashMap<>(Math.max(16, result.blockedChains().size() * 2));
        for (BlockedChain c : result.blockedChains()) {
            chainOf.put(c.blocked(), c);
        }
        Map<String, ReportSnapshots.RunData> runs = new LinkedHashMap<>();
        for (TaskRecord r : result.records()) {
            if (!r.isAchievement()) {
                continue;
            }
            List<ReportSnapshot.Attempt> tries = attempts.getOrDefault(r.id(), List.of());
            if (tries.isEmpty() && r.startedAt() != null) {
                Instant end = r.finishedAt() == null || r.finishedAt().isBefore(r.startedAt())
                        ? (r.state().isFinal() ? r.startedAt() : null)
                        : r.finishedAt();
                tries = List.of(new ReportSnapshot.Attempt(Math.max(1, r.attempts()), r.startedAt(), end,
                        r.exitCode(), r.state().isFinal() ? r.state().name() : null));
            }
            BlockedChain chain = r.state() != TaskState.BLOCKED ? null : chainOf.get(r.id());
            List<String> blockedBy = r.state() != TaskState.BLOCKED ? List.of()
                    : (chain != null ? chain : RunResult.chain(r, byId)).blockedBy();
            runs.put(r.id(), new ReportSnapshots.RunData(r.state().name(), reason(r), blockedBy, tries,
                    r.state() == TaskState.FAILED ? logTails.get(r.id()) : null));
        }
        List<String> chains = result.blockedChains().stream().map(c -> c.text()).toList();
        String status = result.finished() ? result.status().name() : result.status().name() + " (unfinished)";
        return ReportSnapshots.withRun(plan, runId, status, result.countLine(), chains, runs);
    }

    /**
     * The snapshot of a run read from its ledger folder ({@code journal.jsonl} and {@code snapshot.json}), laid over
     * the plan as it is now. Attempt times come from the journal's events.
     *
     * @param loaded the plan (valid); achievements the run did not know have no state
     * @param runDirectory the run's folder
     * @param logTail the end of the log of an achievement's attempt ({@code id}, attempt number), or {@code null};
     *     asked only for FAILED achievements' last attempts
     * @throws io.parallelplan.core.ledger.LedgerException when the ledger cannot be read
     */
    public static ReportSnapshot ofLedger(
            LoadedPlan loaded, Path runDirectory, BiFunction<String, Integer, String> logTail) {
        return ofLedger(loaded, RunLedger.read(runDirectory), logTail);
    }

    /** The snapshot of a run whose ledger was already read ({@link RunLedger#read}); see the other overload. */
    public static ReportSnapshot ofLedger(
            LoadedPlan loaded, LedgerState state, BiFunction<String, Integer, String> logTail) {
        return ofLedger(loaded, new RecordedRun(state, journalEvents(state.directory().resolve(RunLedger.JOURNAL))),
                logTail);
    }

    /**
     * What a report needs of a run's folder: its ledger folded ({@link RunLedger#read}) and its journal's events
     * (the attempts' times). Reading it needs no plan, so a caller may read it while the plan is read.
     */
    public record RecordedRun(LedgerState state, List<RunEvent> events) {
        public RecordedRun {
            Objects.requireNonNull(state, "state cannot be null");
            events = List.copyOf(events);
        }

        /**
         * Reads a run's folder.
         *
         * @throws io.parallelplan.core.ledger.LedgerException when the ledger cannot be read
         */
        public static RecordedRun read(Path runDirectory) {
            LedgerState state = RunLedger.read(runDirectory);
            return new RecordedRun(state, journalEvents(state.directory().resolve(RunLedger.JOURNAL)));
        }
    }

    /** The snapshot of a run read with {@link RecordedRun#read}; see {@link #ofLedger(LoadedPlan, Path, BiFunction)}. */
    public static ReportSnapshot ofLedger(
            LoadedPlan loaded, RecordedRun run, BiFunction<String, Integer, String> logTail) {
        LedgerState state = run.state();
        RunResult result = state.result();
        Map<String, String> tails = new HashMap<>();
        for (TaskRecord r : result.records()) {
            if (r.isAchievement() && r.state() == TaskState.FAILED && r.attempts() > 0) {
                String tail = logTail.apply(r.id(), r.attempts());
                if (tail != null) {
                    tails.put(r.id(), tail);
                }
            }
        }
        return ofRun(loaded, state.runId(), result, run.events(), tails);
    }

    /** The events of a journal, in order; a torn last line (a killed writer) is left out. */
    static List<RunEvent> journalEvents(Path journal) {
        List<RunEvent> events = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode node;
                try {
                    node = JOURNAL.readTree(line);
                } catch (IOException torn) {
                    break;
                }
                if (node != null && "event".equals(node.path("type").asText())) {
                    events.add(RunJson.readEvent(node));
                }
            }
        } catch (IOException e) {
            throw new LedgerException(journal, "cannot read the journal: " + e.getMessage(), e);
        }
        return events;
    }

    /** Why a record is in its state: {@code exit 2 after 2 attempts} for a failure, else the record's message. */
    static String reason(TaskRecord r) {
        if (r.state() == TaskState.FAILED && !r.group()) {
            String what = r.exitCode() != null ? "exit " + r.exitCode() : r.message() != null ? r.message() : "failed";
            return what + " after " + r.attempts() + (r.attempts() == 1 ? " attempt" : " attempts");
        }
        if (r.state() == TaskState.FLAKY) {
            return "passed on attempt " + r.attempts();
        }
        return r.state() == TaskState.BLOCKED ? null : r.message();
    }

    /**
     * Each achievement's attempts from the events: an attempt opens when a task goes to RUNNING because the driver
     * started it and closes when it leaves RUNNING. A sub-execution's ({@code parent/child}) attempts count as its
     * achievement's, numbered in start order.
     */
    static Map<String, List<ReportSnapshot.Attempt>> attempts(List<RunEvent> events) {
        Map<String, RunEvent> open = new HashMap<>();
        Map<String, List<ReportSnapshot.Attempt>> attempts = new HashMap<>();
        for (RunEvent e : events) {
            if (e.to() == TaskState.RUNNING && e.reason() == EventReason.STARTED) {
                open.put(e.taskId(), e);
            } else if (e.from() == TaskState.RUNNING && e.to() != TaskState.RUNNING) {
                RunEvent start = open.remove(e.taskId());
                if (start != null) {
                    String owner = owner(e.taskId());
                    List<ReportSnapshot.Attempt> list = attempts.computeIfAbsent(owner, k -> new ArrayList<>());
                    int number = owner.equals(e.taskId()) ? Math.max(1, start.attempt()) : list.size() + 1;
                    list.add(new ReportSnapshot.Attempt(number, start.time(),
                            e.time().isBefore(start.time()) ? start.time() : e.time(), e.exitCode(), outcome(e)));
                }
            }
        }
        // Attempts still running when the journal ends.
        open.values().stream()
                .sorted((a, b) -> a.time().compareTo(b.time()))
                .forEach(start -> {
                    String owner = owner(start.taskId());
                    List<ReportSnapshot.Attempt> list = attempts.computeIfAbsent(owner, k -> new ArrayList<>());
                    int number = owner.equals(start.taskId()) ? Math.max(1, start.attempt()) : list.size() + 1;
                    list.add(new ReportSnapshot.Attempt(number, start.time(), null, null, null));
                });
        return attempts;
    }

    private static String owner(String taskId) {
        int slash = taskId.indexOf('/');
        return slash < 0 ? taskId : taskId.substring(0, slash);
    }

    private static String outcome(RunEvent end) {
        return switch (end.reason()) {
            case SUCCESS -> "SUCCEEDED";
            case FAILURE -> "FAILED";
            case TIMEOUT -> "TIMED_OUT";
            case INTERRUPTED -> "INTERRUPTED";
            default -> end.to().isFinal() ? end.to().name() : "FAILED";
        };
    }

    /**
     * The snapshot of a plan folder: each achievement's status from its files ({@code COMPLETE},
     * {@code EXECUTION_CREATED}, ...), and for those held back by a failure, the chain to it.
     */
    public static ReportSnapshot ofStatus(LoadedPlan loaded, PlanStatus status) {
        Map<String, String> statuses = new HashMap<>(Math.max(16, status.achievements().size() * 2));
        for (PlanStatus.Entry e : status.achievements()) {
            statuses.put(e.id(), e.status().name());
        }
        ReportSnapshot snapshot = ReportSnapshots.ofPlan(loaded.plan(), loaded.graph(), statuses);
        if (status.blocked().isEmpty()) {
            return snapshot;
        }
        List<ReportSnapshot.Entry> entries = new ArrayList<>(snapshot.entries().size());
        List<String> chains = new ArrayList<>();
        for (ReportSnapshot.Entry e : snapshot.entries()) {
            List<String> chain = status.blocked().get(e.id());
            if (chain == null || chain.isEmpty()) {
                entries.add(e);
                continue;
            }
            entries.add(e.withRun(e.state(), "held back by a failed dependency", chain, e.attempts(), e.logTail()));
            StringBuilder text = new StringBuilder(e.id()).append(' ').append(e.state());
            for (String link : chain) {
                text.append(" ← ").append(link).append(' ').append(statuses.getOrDefault(link, "?"));
            }
            chains.add(text.toString());
        }
        return new ReportSnapshot(snapshot.planName(), snapshot.source(), null, null, null, chains,
                snapshot.analysis(), entries);
    }
}
