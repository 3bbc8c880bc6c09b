/**
 * Reading {@code parallel.json} into the model: {@link io.parallelplan.core.parse.PlanParser} streams the file,
 * keeps the line and column of every element and every unknown field, and turns malformed input into a
 * {@link io.parallelplan.core.parse.PlanReadException} that names the file, the place and the fix.
 */
package io.parallelplan.core.parse;
