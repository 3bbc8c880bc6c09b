package io.parallelplan.core.pipeline;

import io.parallelplan.core.schedule.RunStatus;
import io.parallelplan.core.validate.ValidationReport;

/** The build result of a validation job: FAILURE on errors, UNSTABLE on warnings when strict, else SUCCESS. */
public final class ValidationVerdict {
    private ValidationVerdict() {}

    public static RunStatus of(ValidationReport report, boolean strict) {
        if (!report.isValid()) {
            return RunStatus.FAILURE;
        }
        return strict && !report.warnings().isEmpty() ? RunStatus.UNSTABLE : RunStatus.SUCCESS;
    }
}
