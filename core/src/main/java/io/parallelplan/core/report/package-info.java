/**
 * Reports of a plan or a run: one immutable {@link io.parallelplan.core.report.ReportSnapshot} (built from a plan,
 * a plan folder's statuses or a run's ledger) rendered as self-contained HTML (SVG graph, timeline, sortable
 * table), JUnit XML, Markdown, JSON, Mermaid or DOT. Renderers are pure functions of the snapshot: the same
 * snapshot always gives the same bytes, and everything that came from a plan is escaped for the format.
 */
package io.parallelplan.core.report;
