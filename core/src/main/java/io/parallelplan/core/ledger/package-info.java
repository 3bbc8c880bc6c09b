/**
 * The run ledger: a run folder holding an append-only event journal ({@code journal.jsonl}, one JSON line per
 * {@link io.parallelplan.core.schedule.RunEvent}, written and flushed before the event is acted on), atomic snapshots
 * ({@code snapshot.json}) and the final {@code result.json}; reading it back, restoring a run to continue it, and
 * planning a resumed run. {@link io.parallelplan.core.ledger.RunJson} is the one JSON shape of events and results
 * that the CLI, the Jenkins plugin and reports share.
 */
package io.parallelplan.core.ledger;
