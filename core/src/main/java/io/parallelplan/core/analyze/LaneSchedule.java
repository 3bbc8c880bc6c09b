package io.parallelplan.core.analyze;

import java.util.Objects;

/**
 * The estimated schedule {@link PlanAnalyzer#schedule(io.parallelplan.core.graph.PlanGraph, Lanes)} computes: for
 * each node of the graph, the lane it runs on and its expected start and end in hours from the plan's start. It is
 * the same simulation that gives {@code analyze} its makespan, so the two always agree.
 */
public final class LaneSchedule {
    private final Lanes lanes;
    private final double makespanHours;
    private final int[] lane;
    private final double[] start;
    private final double[] hours;
    private final int[] startOrder;

    LaneSchedule(Lanes lanes, double makespanHours, int[] lane, double[] start, double[] hours, int[] startOrder) {
        this.lanes = Objects.requireNonNull(lanes, "lanes cannot be null");
        this.makespanHours = makespanHours;
        this.lane = lane;
        this.start = start;
        this.hours = hours;
        this.startOrder = startOrder;
    }

    /** The lanes scheduled on. */
    public Lanes lanes() {
        return lanes;
    }

    /** When the last achievement ends. */
    public double makespanHours() {
        return makespanHours;
    }

    /** How many nodes were scheduled. */
    public int size() {
        return lane.length;
    }

    /** The lane (index into {@link Lanes#names()}) node {@code v} runs on. */
    public int lane(int v) {
        return lane[v];
    }

    /** When node {@code v} is expected to start. */
    public double start(int v) {
        return start[v];
    }

    /** When node {@code v} is expected to end: its start plus its estimated hours. */
    public double end(int v) {
        return start[v] + hours[v];
    }

    /** The {@code i}-th node the simulation started: ordered by start, then by the simulation's choice. */
    public int started(int i) {
        return startOrder[i];
    }
}
