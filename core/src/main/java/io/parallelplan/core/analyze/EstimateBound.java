package io.parallelplan.core.analyze;

import io.parallelplan.core.model.Estimate;

/**
 * Which end of a range estimate ({@code "4-6"}) analysis counts. {@link #UPPER} is the default everywhere: a
 * schedule built on upper bounds is one a team can keep. Missing or unreadable estimates count as
 * {@link Estimate#DEFAULT_HOURS} whatever the bound.
 */
public enum EstimateBound {
    /** The upper end of a range (6 for "4-6"). */
    UPPER,
    /** The lower end of a range (4 for "4-6"). */
    LOWER,
    /** The middle of a range (5 for "4-6"). */
    MIDDLE;

    /** The hours this bound counts for an estimate. */
    public double hours(Estimate e) {
        if (!e.valid()) {
            return Estimate.DEFAULT_HOURS;
        }
        return switch (this) {
            case UPPER -> e.highHours();
            case LOWER -> e.lowHours();
            case MIDDLE -> (e.lowHours() + e.highHours()) / 2;
        };
    }
}
