package io.parallelplan.cli.run;

import io.parallelplan.core.graph.PlanGraph;
import java.time.Duration;
import java.util.Optional;

/**
 * Estimates the time left in a run from the plan's estimates, scaled by how long finished achievements really took
 * per estimated hour: the larger of the remaining work spread over the slots and the longest remaining chain.
 */
public final class Eta {
    private final PlanGraph graph;
    private final double[] hours;
    private final double[] remainingPath;
    private final boolean[] done;
    private final int slots;
    private double remainingWork;
    private double ranSeconds;
    private double ranHours;

    /**
     * @param hours each node's estimated hours
     * @param remainingPath each node's longest path of hours to the end of the plan, itself included
     * @param slots how many achievements run at once
     */
    public Eta(PlanGraph graph, double[] hours, double[] remainingPath, int slots) {
        this.graph = graph;
        this.hours = hours.clone();
        this.remainingPath = remainingPath.clone();
        this.done = new boolean[graph.size()];
        this.slots = Math.max(1, Math.min(slots, Math.max(1, graph.size())));
        for (double h : hours) {
            remainingWork += h;
        }
    }

    /** An achievement reached a final state; {@code ran} is how long its last attempt took, if it ran and passed. */
    public void finished(String id, Duration ran) {
        int node = graph.indexOf(id);
        if (node < 0 || done[node]) {
            return;
        }
        done[node] = true;
        remainingWork -= hours[node];
        if (ran != null && hours[node] > 0) {
            ranSeconds += ran.toMillis() / 1000.0;
            ranHours += hours[node];
        }
    }

    /** The estimated time left, once something has finished to learn the pace from. */
    public Optional<Duration> remaining() {
        if (ranHours <= 0) {
            return Optional.empty();
        }
        double longest = 0;
        for (int v = 0; v < done.length; v++) {
            if (!done[v]) {
                longest = Math.max(longest, remainingPath[v]);
            }
        }
        double hoursLeft = Math.max(longest, Math.max(0, remainingWork) / slots);
        return Optional.of(Duration.ofMillis(Math.round(hoursLeft * ranSeconds / ranHours * 1000)));
    }
}
