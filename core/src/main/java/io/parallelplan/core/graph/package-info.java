/**
 * The dependency graph of a plan as compact integer adjacency arrays ({@link io.parallelplan.core.graph.PlanGraph}),
 * built once per plan and shared by validation, analysis and scheduling. Node {@code i} is the achievement at
 * position {@code i} of the plan; an edge {@code d → i} means {@code i} depends on {@code d}.
 */
package io.parallelplan.core.graph;
