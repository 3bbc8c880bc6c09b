package io.parallelplan.core.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The verdict on a run, computed over all achievements (never only the leaves): SUCCESS / UNSTABLE / FAILURE,
 * counts per state, the threshold score, the count line and the blocked-by chains, as {@code docs/semantics.md}
 * defines them.
 *
 * <p>A run that did not finish (the ledger of a killed run) counts its unfinished achievements like CANCELLED ones.
 *
 * @param status SUCCESS, UNSTABLE or FAILURE
 * @param finished whether every achievement reached a final state
 * @param policy the failure policy judged by
 * @param counts achievements (not sub-executions) per state, every state present, in {@link TaskState} order
 * @param score for the threshold policy, Σ weight(SUCCEEDED, FLAKY) ÷ Σ weight(all but SKIPPED); else empty
 * @param minScore the threshold's {@code min_score}
 * @param countLine e.g. {@code 24 achievements: 19 succeeded, 1 flaky, 1 failed, 3 blocked, 0 cancelled,
 *     0 skipped — UNSTABLE (score 0.91 ≥ 0.85)}
 * @param blockedChains one per BLOCKED achievement (and per BLOCKED sub-execution whose achievement is not
 *     itself BLOCKED), in plan order
 * @param stopReason why the run stopped starting work (interrupt, fail-fast, unreachable threshold), if it did
 * @param records every achievement and sub-execution in plan order
 */
public record RunResult(
        RunStatus status,
        boolean finished,
        FailurePolicy policy,
        Map<TaskState, Integer> counts,
        OptionalDouble score,
        double minScore,
        String countLine,
        List<BlockedChain> blockedChains,
        Optional<String> stopReason,
        List<TaskRecord> records) {
    private static final double EPSILON = 1e-9;

    public RunResult {
        Objects.requireNonNull(status, "status cannot be null");
        Objects.requireNonNull(policy, "policy cannot be null");
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        blockedChains = List.copyOf(blockedChains);
        records = List.copyOf(records);
    }

    /**
     * Judges a run from its records.
     *
     * @param records every achievement and sub-execution, plan order, each sub-execution after its achievement
     * @param stopReason why the run stopped starting work, or {@code null}
     */
    public static RunResult of(List<TaskRecord> records, FailurePolicy policy, double minScore, String stopReason) {
        Objects.requireNonNull(records, "records cannot be null");
        Objects.requireNonNull(policy, "policy cannot be null");
        Map<String, TaskRecord> byId = new HashMap<>(Math.max(16, records.size() * 2));
        for (TaskRecord r : records) {
            byId.put(r.id(), r);
        }
        EnumMap<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        for (TaskState s : TaskState.values()) {
            counts.put(s, 0);
        }
        boolean finished = true;
        boolean badRequired = false;
        boolean badMandatory = false;
        boolean badOptional = false;
        boolean flaky = false;
        double passedWeight = 0;
        double countedWeight = 0;
        int achievements = 0;
        for (TaskRecord r : records) {
            if (!r.isAchievement()) {
                continue;
            }
            achievements++;
            TaskState s = r.state();
            counts.merge(s, 1, Integer::sum);
            finished &= s.isFinal();
            boolean bad = !s.isFinal() || s.blocksDependents();
            if (bad) {
                badRequired |= r.required();
                if (r.optional()) {
                    badOptional = true;
                } else {
                    badMandatory = true;
                }
            }
            flaky |= s == TaskState.FLAKY;
            if (s != TaskState.SKIPPED) {
                countedWeight += r.weight();
                if (s.satisfiesDependents()) {
                    passedWeight += r.weight();
                }
            }
        }
        RunStatus status;
        OptionalDouble score = OptionalDouble.empty();
        if (policy == FailurePolicy.THRESHOLD) {
            double value = countedWeight == 0 ? 1.0 : passedWeight / countedWeight;
            score = OptionalDouble.of(value);
            if (badRequired) {
                status = RunStatus.FAILURE;
            } else if (value >= 1 - EPSILON && !flaky) {
                status = RunStatus.SUCCESS;
            } else if (value >= minScore - EPSILON) {
                status = RunStatus.UNSTABLE;
            } else {
                status = RunStatus.FAILURE;
            }
        } else if (badMandatory) {
            status = RunStatus.FAILURE;
        } else if (badOptional || flaky) {
            status = RunStatus.UNSTABLE;
        } else {
            status = RunStatus.SUCCESS;
        }
        String line = countLine(achievements, counts, status, score, minScore, badRequired);
        List<BlockedChain> chains = new ArrayList<>();
        Links links = new Links(byId);
        for (TaskRecord r : records) {
            if (r.state() != TaskState.BLOCKED) {
                continue;
            }
            TaskRecord parent = r.parentId() == null ? null : byId.get(r.parentId());
            if (parent == null || parent.state() != TaskState.BLOCKED) {
                chains.add(links.chain(r));
            }
        }
        return new RunResult(status, finished, policy, counts, score, minScore, line, chains,
                Optional.ofNullable(stopReason), records);
    }

    /** The blocked-by chain of a BLOCKED record, following {@link TaskRecord#cause()} to the root. */
    public static BlockedChain chain(TaskRecord blocked, Map<String, TaskRecord> byId) {
        if (blocked.state() != TaskState.BLOCKED) {
            throw new IllegalArgumentException(blocked.id() + " is " + blocked.state() + ", not BLOCKED");
        }
        List<String> ids = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        TaskRecord at = blocked;
        int guard = byId.size() + 1;
        while (true) {
            ids.add(at.id());
            if (text.length() > 0) {
                text.append(" ← ");
            }
            text.append(at.id()).append(' ').append(at.state());
            TaskRecord next = at.cause() == null || guard-- <= 0 ? null : byId.get(at.cause());
            boolean follows = at.state() == TaskState.BLOCKED || (at.group() && at.state().blocksDependents());
            if (next == null || !follows) {
                String detail = detail(at);
                if (!detail.isEmpty()) {
                    text.append(" (").append(detail).append(')');
                }
                break;
            }
            at = next;
        }
        if (ids.size() < 2) {
            ids.add(blocked.cause() == null ? "?" : blocked.cause());
        }
        return new BlockedChain(ids, text.toString());
    }

    /**
     * The chains of many blocked records at once: each record's part of a chain (its link and the text from it to the
     * root cause) is worked out once and shared by every chain that passes through it, where following each chain on
     * its own walks the shared links again (thousands of chains dozens of links long after an early failure). The
     * chains are {@link #chain}'s; cause links that loop (never written by a scheduler) are left to it.
     */
    private static final class Links {
        /** A record's link: its id, the next link, and the chain's text from it on. */
        private record Link(String id, Link next, String text) {}

        private final Map<String, TaskRecord> byId;
        private final Map<String, Link> links = new HashMap<>();

        Links(Map<String, TaskRecord> byId) {
            this.byId = byId;
        }

        BlockedChain chain(TaskRecord blocked) {
            // Walk to the first record already linked, or to the root cause.
            List<TaskRecord> walked = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            Link known = null;
            for (TaskRecord at = blocked; at != null; at = next(at)) {
                known = links.get(at.id());
                if (known != null) {
                    break;
                }
                if (!seen.add(at.id())) {
                    return RunResult.chain(blocked, byId);
                }
                walked.add(at);
            }
            for (int i = walked.size() - 1; i >= 0; i--) {
                TaskRecord at = walked.get(i);
                String head = at.id() + ' ' + at.state();
                if (known == null) {
                    String detail = detail(at);
                    known = new Link(at.id(), null, detail.isEmpty() ? head : head + " (" + detail + ')');
                } else {
                    known = new Link(at.id(), known, head + " ← " + known.text());
                }
                links.put(at.id(), known);
            }
            List<String> ids = new ArrayList<>();
            for (Link l = known; l != null; l = l.next()) {
                ids.add(l.id());
            }
            if (ids.size() < 2) {
                ids.add(blocked.cause() == null ? "?" : blocked.cause());
            }
            return new BlockedChain(ids, known.text());
        }

        /** The record a chain goes on to from {@code at}, or {@code null} where it ends (as {@link #chain} says). */
        private TaskRecord next(TaskRecord at) {
            boolean follows = at.state() == TaskState.BLOCKED || (at.group() && at.state().blocksDependents());
            return follows && at.cause() != null ? byId.get(at.cause()) : null;
        }
    }

    /** The detail shown after a chain's root cause: {@code exit 2 after 2 attempts}, a cancel reason, .... */
    static String detail(TaskRecord r) {
        if (r.state() == TaskState.FAILED && !r.group()) {
            String what = r.exitCode() != null ? "exit " + r.exitCode() : r.message() != null ? r.message() : "failed";
            return what + " after " + r.attempts() + (r.attempts() == 1 ? " attempt" : " attempts");
        }
        return r.message() == null ? "" : r.message();
    }

    private static String countLine(
            int achievements,
            Map<TaskState, Integer> counts,
            RunStatus status,
            OptionalDouble score,
            double minScore,
            boolean badRequired) {
        StringBuilder sb = new StringBuilder()
                .append(achievements)
                .append(achievements == 1 ? " achievement: " : " achievements: ");
        TaskState[] order = {
            TaskState.SUCCEEDED, TaskState.FLAKY, TaskState.FAILED, TaskState.BLOCKED, TaskState.CANCELLED,
            TaskState.SKIPPED
        };
        for (int i = 0; i < order.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(counts.get(order[i])).append(' ').append(order[i].key());
        }
        int unfinished = counts.get(TaskState.PENDING) + counts.get(TaskState.READY) + counts.get(TaskState.RUNNING);
        if (unfinished > 0) {
            sb.append(", ").append(unfinished).append(" unfinished");
        }
        sb.append(" — ").append(status);
        if (score.isPresent()) {
            double value = score.getAsDouble();
            boolean reached = value >= minScore - EPSILON;
            sb.append(" (score ")
                    .append(twoDecimals(value))
                    .append(reached ? " ≥ " : " < ")
                    .append(twoDecimals(minScore));
            if (badRequired) {
                sb.append(", a required achievement did not pass");
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** Rounds down, so that a score just under the threshold never prints as equal to it. */
    private static String twoDecimals(double value) {
        double floored = Math.floor(value * 100 + EPSILON) / 100;
        return String.format(Locale.ROOT, "%.2f", floored);
    }

    /** The number of achievements (sub-executions not counted). */
    public int achievementCount() {
        int n = 0;
        for (int c : counts.values()) {
            n += c;
        }
        return n;
    }

    /** The record of this achievement or sub-execution. */
    public Optional<TaskRecord> record(String id) {
        for (TaskRecord r : records) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The final JSON value of this run. */
    public RunSummary summary() {
        Map<String, TaskRecord> byId = new HashMap<>(Math.max(16, records.size() * 2));
        for (TaskRecord r : records) {
            byId.put(r.id(), r);
        }
        Map<String, Integer> countMap = new LinkedHashMap<>();
        counts.forEach((s, n) -> countMap.put(s.key(), n));
        Map<String, RunSummary.Entry> entries = new LinkedHashMap<>();
        for (TaskRecord r : records) {
            List<String> blockedBy = r.state() == TaskState.BLOCKED ? chain(r, byId).blockedBy() : List.of();
            entries.put(r.id(), new RunSummary.Entry(
                    r.state(), r.attempts(), r.exitCode(), blockedBy, r.startedAt(), r.finishedAt()));
        }
        return new RunSummary(status, countMap, entries);
    }
}
