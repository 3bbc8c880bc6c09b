package io.parallelplan.core.scaffold;

import java.util.Locale;

/** Which files a scaffold batch creates. */
public enum ScaffoldKind {
    /** {@code subplans/SUBPLAN_<PLAN>_<nn>.md}. */
    SUBPLANS,
    /** {@code execution/EXECUTION_TASK_<PLAN>_<nn>_01.md}, only where the SUBPLAN exists. */
    EXECUTIONS;

    /** The command-line name ({@code subplans}, {@code executions}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
