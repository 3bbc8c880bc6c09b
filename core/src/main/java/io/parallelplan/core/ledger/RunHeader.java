package io.parallelplan.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.parallelplan.core.schedule.RunOptions;
import io.parallelplan.core.schedule.SchedulePlan;
import io.parallelplan.core.validate.LoadedPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The first line of a journal: which run, which plan (its hash and each achievement's definition hash), with which
 * options, and the flags the result depends on — so that a ledger can be read, judged and resumed without the plan.
 *
 * @param runId the run's id (its folder name)
 * @param planName the plan's name
 * @param planSource the plan file, if the plan came from one
 * @param planHash {@link Definitions#planHash()}
 * @param startedAt when the run began
 * @param options the run's options
 * @param nodes every achievement and sub-execution in plan order
 */
public record RunHeader(
        String runId,
        String planName,
        String planSource,
        String planHash,
        Instant startedAt,
        RunOptions options,
        List<Node> nodes) {
    /** The journal format this code writes. */
    public static final int FORMAT = 1;

    public RunHeader {
        Objects.requireNonNull(runId, "run id cannot be null");
        Objects.requireNonNull(planHash, "plan hash cannot be null");
        Objects.requireNonNull(startedAt, "start time cannot be null");
        Objects.requireNonNull(options, "options cannot be null");
        nodes = List.copyOf(nodes);
    }

    /**
     * One achievement or sub-execution as the run saw it.
     *
     * @param id its id ({@code parent/child} for a sub-execution)
     * @param parentId its achievement, for a sub-execution; else {@code null}
     * @param group whether it has sub_executions
     * @param definition its definition hash
     * @param optional whether its failure only makes the run UNSTABLE
     * @param required whether it is a hard gate under threshold
     * @param weight its estimated hours
     */
    public record Node(
            String id, String parentId, boolean group, String definition, boolean optional, boolean required,
            double weight) {}

    /** The header of a run of this plan. */
    public static RunHeader of(String runId, LoadedPlan plan, RunOptions options, Instant startedAt) {
        return of(runId, SchedulePlan.of(plan), options, startedAt);
    }

    /** The header of a run of this prepared plan. */
    public static RunHeader of(String runId, SchedulePlan plan, RunOptions options, Instant startedAt) {
        return of(runId, plan, Definitions.of(plan.plan()), options, startedAt);
    }

    /** The header of a run of this prepared plan whose definition hashes were taken already. */
    public static RunHeader of(
            String runId, SchedulePlan plan, Definitions definitions, RunOptions options, Instant startedAt) {
        List<Node> nodes = new ArrayList<>(plan.ids().size());
        for (String id : plan.ids()) {
            nodes.add(new Node(id, plan.parentOf(id).orElse(null), plan.isGroup(id), definitions.hash(id),
                    plan.isOptional(id), plan.isRequired(id), plan.weight(id)));
        }
        return new RunHeader(runId, plan.plan().name(),
                plan.plan().source().map(p -> p.toAbsolutePath().toString()).orElse(null),
                definitions.planHash(), startedAt, options, nodes);
    }

    /**
     * The header as one line of JSON (no line break): the text Jackson writes for this header as a tree, written
     * directly — a run's first start waits for it, and building the tree meant starting Jackson's object mapper.
     */
    String line() {
        StringBuilder b = new StringBuilder(256 + 80 * nodes.size());
        b.append("{\"type\":\"run\",\"format\":").append(FORMAT).append(",\"run_id\":");
        RunJson.string(b, runId);
        b.append(",\"plan_name\":");
        RunJson.string(b, planName);
        b.append(",\"plan\":");
        RunJson.string(b, planSource);
        b.append(",\"plan_hash\":");
        RunJson.string(b, planHash);
        b.append(",\"started_at\":\"");
        RunJson.instant(b, startedAt);
        b.append("\",\"options\":");
        RunJson.options(b, options);
        b.append(",\"achievements\":[");
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            b.append(i == 0 ? "{\"id\":" : ",{\"id\":");
            RunJson.string(b, n.id());
            if (n.parentId() != null) {
                b.append(",\"parent\":");
                RunJson.string(b, n.parentId());
            }
            if (n.group()) {
                b.append(",\"group\":true");
            }
            b.append(",\"definition\":");
            RunJson.string(b, n.definition());
            if (n.optional()) {
                b.append(",\"optional\":true");
            }
            if (n.required()) {
                b.append(",\"required\":true");
            }
            b.append(",\"weight\":");
            RunJson.number(b, n.weight());
            b.append('}');
        }
        return b.append("]}").toString();
    }

    static RunHeader read(JsonNode o) {
        if (!"run".equals(o.path("type").asText())) {
            throw new IllegalArgumentException("the first line is not a run header");
        }
        int format = o.path("format").asInt(0);
        if (format != FORMAT) {
            throw new IllegalArgumentException("journal format " + format + " is not supported (this version reads "
                    + FORMAT + ")");
        }
        List<Node> nodes = new ArrayList<>();
        for (JsonNode a : o.path("achievements")) {
            nodes.add(new Node(RunJson.required(a, "id").asText(), RunJson.text(a, "parent"),
                    a.path("group").asBoolean(false), RunJson.text(a, "definition"), a.path("optional").asBoolean(),
                    a.path("required").asBoolean(), a.path("weight").asDouble(1.0)));
        }
        return new RunHeader(RunJson.required(o, "run_id").asText(), RunJson.text(o, "plan_name"),
                RunJson.text(o, "plan"), RunJson.required(o, "plan_hash").asText(),
                Instant.parse(RunJson.required(o, "started_at").asText()), RunJson.readOptions(o.path("options")),
                nodes);
    }
}
