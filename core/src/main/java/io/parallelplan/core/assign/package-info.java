/**
 * Who does what: {@link io.parallelplan.core.assign.Assignment} puts each achievement of a plan on one executor
 * (the schedule of {@link io.parallelplan.core.analyze.PlanAnalyzer#schedule}), with the sync points where one
 * executor waits for another; {@link io.parallelplan.core.assign.AssignmentJson} writes and reads its JSON form;
 * {@link io.parallelplan.core.assign.ExecutorStatus} combines it with a plan folder's status to tell one executor
 * what to do next.
 */
package io.parallelplan.core.assign;
