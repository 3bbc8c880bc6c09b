/**
 * Validation: {@link io.parallelplan.core.validate.PlanValidator} returns one
 * {@link io.parallelplan.core.validate.ValidationReport} with every finding about a plan (never stopping at the
 * first); {@link io.parallelplan.core.validate.PlanLoader} reads, validates and builds the graph in one call.
 */
package io.parallelplan.core.validate;
