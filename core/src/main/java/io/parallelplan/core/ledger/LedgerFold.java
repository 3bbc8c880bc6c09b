package io.parallelplan.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.parallelplan.core.schedule.EventReason;
import io.parallelplan.core.schedule.RunEvent;
import io.parallelplan.core.schedule.TaskRecord;
import io.parallelplan.core.schedule.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The state of a run folded from its journal, event by event, in O(1) per event: the same bookkeeping the scheduler
 * does for its records, without the plan.
 */
final class LedgerFold {
    final RunHeader header;
    private final Map<String, Integer> index;
    private final TaskState[] state;
    private final int[] attempts;
    private final Integer[] exitCode;
    private final String[] message;
    private final String[] cause;
    private final Instant[] startedAt;
    private final Instant[] finishedAt;
    private EventReason stopKind;
    private String stopReason;
    private long events;
    private Instant lastTime;

    LedgerFold(RunHeader header) {
        this.header = header;
        int n = header.nodes().size();
        index = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            index.put(header.nodes().get(i).id(), i);
        }
        state = new TaskState[n];
        Arrays.fill(state, TaskState.PENDING);
        attempts = new int[n];
        exitCode = new Integer[n];
        message = new String[n];
        cause = new String[n];
        startedAt = new Instant[n];
        finishedAt = new Instant[n];
        lastTime = header.startedAt();
    }

    void apply(RunEvent e) {
        Integer x = index.get(e.taskId());
        if (x == null) {
            throw new IllegalArgumentException("event for \"" + e.taskId() + "\", which the run header does not list");
        }
        state[x] = e.to();
        attempts[x] = Math.max(attempts[x], e.attempt());
        if (e.exitCode() != null) {
            exitCode[x] = e.exitCode();
        }
        if (e.message() != null) {
            message[x] = e.message();
        }
        if (e.cause() != null) {
            cause[x] = e.cause();
        }
        if (e.to() == TaskState.RUNNING && startedAt[x] == null) {
            startedAt[x] = e.time();
        }
        if (e.to().isFinal()) {
            finishedAt[x] = e.time();
        }
        events++;
        lastTime = e.time();
    }

    void stop(EventReason kind, String reason, Instant time) {
        if (stopKind == null) {
            stopKind = kind;
            stopReason = reason;
        }
        lastTime = time;
    }

    EventReason stopKind() {
        return stopKind;
    }

    String stopReason() {
        return stopReason;
    }

    long events() {
        return events;
    }

    Instant lastTime() {
        return lastTime;
    }

    List<TaskRecord> records() {
        List<RunHeader.Node> nodes = header.nodes();
        int[] groupAttempts = new int[nodes.size()];
        for (int x = 0; x < nodes.size(); x++) {
            String p = nodes.get(x).parentId();
            if (p != null) {
                Integer g = index.get(p);
                if (g != null) {
                    groupAttempts[g] += attempts[x];
                }
            }
        }
        List<TaskRecord> out = new ArrayList<>(nodes.size());
        for (int x = 0; x < nodes.size(); x++) {
            RunHeader.Node n = nodes.get(x);
            out.add(new TaskRecord(n.id(), n.parentId(), n.group(), state[x], attempts[x] + groupAttempts[x],
                    exitCode[x], message[x], cause[x], startedAt[x], finishedAt[x], n.optional(), n.required(),
                    n.weight()));
        }
        return out;
    }

    /**
     * Writes the per-task state, the body of a snapshot: {@code "tasks":{…},["stop":{…},]"events":N,"last_time":…}
     * — the text Jackson's UTF-8 generator wrote, written directly (a snapshot is written every so many events).
     */
    void writeTasks(StringBuilder b) {
        b.append("\"tasks\":{");
        List<RunHeader.Node> nodes = header.nodes();
        boolean first = true;
        for (int x = 0; x < nodes.size(); x++) {
            if (state[x] == TaskState.PENDING && attempts[x] == 0) {
                continue;
            }
            if (!first) {
                b.append(',');
            }
            first = false;
            RunJson.utf8String(b, nodes.get(x).id());
            b.append(":{\"state\":\"").append(state[x].name()).append('"');
            if (attempts[x] > 0) {
                b.append(",\"attempts\":").append(attempts[x]);
            }
            if (exitCode[x] != null) {
                b.append(",\"exit_code\":").append(exitCode[x].intValue());
            }
            if (message[x] != null) {
                b.append(",\"message\":");
                RunJson.utf8String(b, message[x]);
            }
            if (cause[x] != null) {
                b.append(",\"cause\":");
                RunJson.utf8String(b, cause[x]);
            }
            if (startedAt[x] != null) {
                b.append(",\"started_at\":\"");
                RunJson.instant(b, startedAt[x]);
                b.append('"');
            }
            if (finishedAt[x] != null) {
                b.append(",\"finished_at\":\"");
                RunJson.instant(b, finishedAt[x]);
                b.append('"');
            }
            b.append('}');
        }
        b.append('}');
        if (stopKind != null) {
            b.append(",\"stop\":{\"kind\":\"").append(stopKind.name()).append("\",\"reason\":");
            RunJson.utf8String(b, stopReason);
            b.append('}');
        }
        b.append(",\"events\":").append(events).append(",\"last_time\":\"");
        RunJson.instant(b, lastTime);
        b.append('"');
    }

    /** Loads what {@link #writeTasks} wrote. */
    void readTasks(JsonNode snapshot) {
        for (Iterator<Map.Entry<String, JsonNode>> it = snapshot.path("tasks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Integer x = index.get(e.getKey());
            if (x == null) {
                throw new IllegalArgumentException("snapshot names \"" + e.getKey() + "\", which the run header "
                        + "does not list");
            }
            JsonNode t = e.getValue();
            state[x] = TaskState.valueOf(RunJson.required(t, "state").asText());
            attempts[x] = t.path("attempts").asInt(0);
            exitCode[x] = RunJson.integer(t, "exit_code");
            message[x] = RunJson.text(t, "message");
            cause[x] = RunJson.text(t, "cause");
            startedAt[x] = RunJson.time(t, "started_at");
            finishedAt[x] = RunJson.time(t, "finished_at");
        }
        JsonNode stop = snapshot.path("stop");
        if (stop.isObject()) {
            stopKind = EventReason.valueOf(RunJson.required(stop, "kind").asText());
            stopReason = RunJson.text(stop, "reason");
        }
        events = snapshot.path("events").asLong(0);
        Instant last = RunJson.time(snapshot, "last_time");
        if (last != null) {
            lastTime = last;
        }
    }
}
