/**
 * What a Pipeline driver (the Jenkins plugin) needs beyond the scheduler, as pure functions: the plain data a
 * Pipeline script receives for a plan, workspace path checks, console lines and the verdicts of validation.
 * Everything the plugin decides lives here so it is tested without Jenkins.
 */
package io.parallelplan.core.pipeline;
