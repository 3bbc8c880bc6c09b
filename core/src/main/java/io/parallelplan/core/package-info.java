/**
 * Parallel Plan core: everything the product decides, free of Jenkins and picocli.
 *
 * <p>Data flows through the packages in this order: {@code model} (immutable values) → {@code parse} (reading
 * {@code parallel.json}) → {@code validate} (every finding at once) → {@code analyze} (levels, critical path,
 * makespan) → {@code schedule} (the run's state machine) → {@code status} / {@code scaffold} / {@code discover}
 * (the Markdown plan workflow) → {@code report} (renderers). The library never prints: it returns values and
 * findings, and its callers decide where messages go.
 */
package io.parallelplan.core;
