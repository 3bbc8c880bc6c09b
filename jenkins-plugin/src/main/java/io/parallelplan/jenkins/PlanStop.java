package io.parallelplan.jenkins;

import jenkins.model.CauseOfInterruption;

/** Why {@code parallelPlan} interrupted an achievement's body: the run stopped (fail-fast) or an attempt timed out. */
final class PlanStop extends CauseOfInterruption {
    private static final long serialVersionUID = 1L;

    private final boolean timeout;
    private final String reason;

    private PlanStop(boolean timeout, String reason) {
        this.timeout = timeout;
        this.reason = reason;
    }

    /** The run stopped starting work and interrupts running achievements (fail-fast). */
    static PlanStop runStopped(String reason) {
        return new PlanStop(false, reason);
    }

    /** One attempt ran out of time; it counts as a failed attempt and may be retried. */
    static PlanStop timedOut(String reason) {
        return new PlanStop(true, reason);
    }

    boolean isTimeout() {
        return timeout;
    }

    String reason() {
        return reason;
    }

    @Override
    public String getShortDescription() {
        return reason;
    }
}
