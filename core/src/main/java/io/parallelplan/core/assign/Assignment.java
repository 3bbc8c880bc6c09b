package io.parallelplan.core.assign;

import io.parallelplan.core.analyze.EstimateBound;
import io.parallelplan.core.analyze.LaneSchedule;
import io.parallelplan.core.analyze.Lanes;
import io.parallelplan.core.analyze.PlanAnalyzer;
import io.parallelplan.core.graph.PlanGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan's achievements put on executors: per executor its achievements in order with expected start and end hours,
 * the makespan, and the sync points — every dependency whose two ends are on different executors. Built from
 * {@link PlanAnalyzer#schedule(PlanGraph, Lanes)}, so the makespan is the one {@code analyze --executors} reports for
 * the same executors.
 *
 * @param planName the plan's name
 * @param bound which end of range estimates counted
 * @param makespanHours when the last achievement ends
 * @param executors the executors in lane order, each with its achievements in the order it does them
 * @param syncPoints the cross-executor dependencies, by the dependent's start, then the dependent's and the
 *     dependency's plan order
 */
public record Assignment(
        String planName, EstimateBound bound, double makespanHours, List<Executor> executors,
        List<SyncPoint> syncPoints) {

    public Assignment {
        Objects.requireNonNull(planName, "planName cannot be null");
        Objects.requireNonNull(bound, "bound cannot be null");
        executors = List.copyOf(executors);
        syncPoints = List.copyOf(syncPoints);
    }

    /**
     * One executor's work.
     *
     * @param name its name ({@code e1}, {@code e2}, ... for numbered executors)
     * @param achievements what it does, in order
     */
    public record Executor(String name, List<Slot> achievements) {
        public Executor {
            Objects.requireNonNull(name, "name cannot be null");
            achievements = List.copyOf(achievements);
        }

        /** The hours it works: the sum of its achievements' hours. */
        public double busyHours() {
            double busy = 0;
            for (Slot s : achievements) {
                busy += s.endHours() - s.startHours();
            }
            return busy;
        }
    }

    /**
     * One achievement on an executor.
     *
     * @param id the achievement's id
     * @param startHours its expected start, in hours from the plan's start
     * @param endHours its expected end
     */
    public record Slot(String id, double startHours, double endHours) {
        public Slot {
            Objects.requireNonNull(id, "id cannot be null");
        }
    }

    /**
     * An achievement on one executor waiting for one on another: {@code executor} starts {@code id} after
     * {@code on}'s {@code waitsFor} is APPROVED.
     *
     * @param id the dependent achievement
     * @param executor the executor of {@code id}
     * @param waitsFor the dependency
     * @param on the executor of {@code waitsFor}
     */
    public record SyncPoint(String id, String executor, String waitsFor, String on) {
        public SyncPoint {
            Objects.requireNonNull(id, "id cannot be null");
            Objects.requireNonNull(executor, "executor cannot be null");
            Objects.requireNonNull(waitsFor, "waitsFor cannot be null");
            Objects.requireNonNull(on, "on cannot be null");
        }
    }

    /**
     * The assignment of a valid plan's graph to these executors.
     *
     * @throws IllegalArgumentException if the graph has a cycle
     */
    public static Assignment of(String planName, PlanGraph graph, Lanes lanes, EstimateBound bound) {
        LaneSchedule schedule = new PlanAnalyzer(bound).schedule(graph, lanes);
        List<String> names = lanes.names();
        List<List<Slot>> slots = new ArrayList<>(names.size());
        for (int l = 0; l < names.size(); l++) {
            slots.add(new ArrayList<>());
        }
        for (int i = 0; i < schedule.size(); i++) {
            int v = schedule.started(i);
            slots.get(schedule.lane(v)).add(new Slot(graph.id(v), schedule.start(v), schedule.end(v)));
        }
        List<Executor> executors = new ArrayList<>(names.size());
        for (int l = 0; l < names.size(); l++) {
            executors.add(new Executor(names.get(l), slots.get(l)));
        }
        List<int[]> edges = new ArrayList<>();
        for (int v = 0; v < graph.size(); v++) {
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                int d = graph.dependency(v, k);
                if (schedule.lane(d) != schedule.lane(v)) {
                    edges.add(new int[] {v, d});
                }
            }
        }
        edges.sort(Comparator.<int[]>comparingDouble(e -> schedule.start(e[0]))
                .thenComparingInt(e -> e[0]).thenComparingInt(e -> e[1]));
        List<SyncPoint> sync = new ArrayList<>(edges.size());
        for (int[] e : edges) {
            sync.add(new SyncPoint(graph.id(e[0]), names.get(schedule.lane(e[0])), graph.id(e[1]),
                    names.get(schedule.lane(e[1]))));
        }
        return new Assignment(planName, bound, schedule.makespanHours(), executors, sync);
    }

    /** The executor of this name. */
    public Optional<Executor> executor(String name) {
        return executors.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The names of the executors, in lane order. */
    public List<String> executorNames() {
        return executors.stream().map(Executor::name).toList();
    }

    /** For each achievement id, the name of its executor. */
    public Map<String, String> executorById() {
        Map<String, String> byId = new HashMap<>();
        for (Executor e : executors) {
            for (Slot s : e.achievements()) {
                byId.put(s.id(), e.name());
            }
        }
        return byId;
    }

    /** An executor's idle hours: the makespan less the hours it works. */
    public double idleHours(Executor executor) {
        return makespanHours - executor.busyHours();
    }

    /** The sync points where {@code name} waits for another executor. */
    public List<SyncPoint> waitsOf(String name) {
        return syncPoints.stream().filter(s -> s.executor().equals(name)).toList();
    }

    /** The sync points where another executor waits for {@code name}. */
    public List<SyncPoint> waitedOnBy(String name) {
        return syncPoints.stream().filter(s -> s.on().equals(name)).toList();
    }

    /**
     * The one-executor way of working ("pseudo-parallel"): the SUBPLANs to create in batches, one batch per level of
     * the plan (level 1 first), each in the order {@code executor} carries them out.
     */
    public List<List<String>> subplanBatches(PlanGraph graph, Executor executor) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < executor.achievements().size(); i++) {
            position.put(executor.achievements().get(i).id(), i);
        }
        int[] order = graph.topologicalOrder();
        int[] level = new int[graph.size()];
        int levels = 0;
        for (int v : order) {
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                level[v] = Math.max(level[v], level[graph.dependency(v, k)] + 1);
            }
            levels = Math.max(levels, level[v] + 1);
        }
        List<List<String>> batches = new ArrayList<>(levels);
        for (int l = 0; l < levels; l++) {
            batches.add(new ArrayList<>());
        }
        for (int v = 0; v < graph.size(); v++) {
            if (position.containsKey(graph.id(v))) {
                batches.get(level[v]).add(graph.id(v));
            }
        }
        for (List<String> batch : batches) {
            batch.sort(Comparator.comparingInt(position::get));
        }
        batches.removeIf(List::isEmpty);
        return batches;
    }
}
