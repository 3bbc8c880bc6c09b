/**
 * Immutable values describing a plan: {@link io.parallelplan.core.model.Plan}, its
 * {@link io.parallelplan.core.model.Achievement}s, {@link io.parallelplan.core.model.Estimate}s, the hand-written
 * {@link io.parallelplan.core.model.PlanClaims}, the names of a plan's methodology files
 * ({@link io.parallelplan.core.model.PlanFiles}), and the {@link io.parallelplan.core.model.Finding}s reported about
 * them. Values are non-null unless a method says otherwise; collections are unmodifiable.
 */
package io.parallelplan.core.model;
