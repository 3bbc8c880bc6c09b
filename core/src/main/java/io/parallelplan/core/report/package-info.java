/**
 * Renderers over one plan snapshot: each takes values (the plan's graph, its analysis) and returns text — Mermaid,
 * DOT, JSON — without printing or touching files. The CLI and the Jenkins plugin decide where the text goes.
 */
package io.parallelplan.core.report;
