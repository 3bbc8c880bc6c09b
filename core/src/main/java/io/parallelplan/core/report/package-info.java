/**
 * Reports of a plan or a run. Renderers are pure functions of values and return text, without printing: the
 * plan-only graph renderers ({@link io.parallelplan.core.report.MermaidRenderer},
 * {@link io.parallelplan.core.report.DotRenderer}) take the plan's graph and analysis; the report renderers take one
 * immutable {@link io.parallelplan.core.report.ReportSnapshot} (built from a plan, a plan folder's statuses or a
 * run's ledger) and write self-contained HTML (SVG graph, timeline, sortable table), JUnit XML, Markdown, JSON,
 * Mermaid or DOT. The same snapshot always gives the same bytes, and everything from a plan is escaped for the
 * format.
 */
package io.parallelplan.core.report;
