/**
 * Filesystem-first status of a plan folder: which SUBPLAN, EXECUTION_TASK, APPROVED, FIX and SKIPPED files exist
 * for each achievement, what that makes its status, progress by level, what can be done now and what a failure
 * holds back.
 */
package io.parallelplan.core.status;
