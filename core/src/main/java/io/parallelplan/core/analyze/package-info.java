/**
 * What a planner wants to know about a valid plan: levels (waves), the critical path by estimated hours, width,
 * the sequential sum and the makespan with N executors under critical-path list scheduling.
 */
package io.parallelplan.core.analyze;
