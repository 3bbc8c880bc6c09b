/**
 * From a PLAN markdown to a {@code parallel.json}: finds achievements, titles, estimates, priorities and the
 * dependencies the text states (never inventing one), writes the file or a prompt for a language model, and
 * reports drift between a PLAN and its {@code parallel.json}.
 */
package io.parallelplan.core.discover;
