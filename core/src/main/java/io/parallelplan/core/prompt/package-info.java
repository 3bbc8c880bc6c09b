/**
 * Prompts for executors: for each chosen achievement, one Markdown document a person or a language-model session can
 * follow alone to write its SUBPLAN or carry out its EXECUTION_TASK, with the PLAN's text, the state of its
 * dependencies, what to read first and the methodology's rules; every refusal is decided before anything is written.
 */
package io.parallelplan.core.prompt;
