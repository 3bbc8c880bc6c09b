/**
 * Batch creation of the missing SUBPLAN and EXECUTION_TASK files of a plan folder, from templates: a preview of
 * what will be created and what is skipped and why, then an all-or-nothing (or keep-partial) application that
 * never overwrites a file.
 */
package io.parallelplan.core.scaffold;
