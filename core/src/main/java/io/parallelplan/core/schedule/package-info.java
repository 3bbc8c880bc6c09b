/**
 * Running a plan: the {@link io.parallelplan.core.schedule.Scheduler}, a passive, deterministic state machine that
 * drivers (the CLI's process runner, the Jenkins steps) ask what may start and tell how each attempt ended, plus the
 * values it produces: {@link io.parallelplan.core.schedule.RunEvent}s (one per state change) and the
 * {@link io.parallelplan.core.schedule.RunResult} (SUCCESS / UNSTABLE / FAILURE, the count line, blocked-by chains).
 *
 * <p>The rules are those of {@code docs/semantics.md}.
 */
package io.parallelplan.core.schedule;
