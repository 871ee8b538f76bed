import type pg from "pg";
import type { PriceResolver } from "../metrics";
import type { EntityName } from "./columns";
import { DirtyHours } from "./dirty-hours";
import type { MergedRow } from "./merge";
import { writeObservations } from "./observation-writer";
import { writeScores } from "./score-writer";
import {
  mergePlaceholder,
  writeTracePlaceholders,
  writeTraces,
  type TracePlaceholder,
} from "./trace-writer";

/**
 * Placeholders for the traces that observations name, each with the earliest start of its
 * observations. `traceIdOf` picks the trace id of a row, or undefined to skip it.
 */
function collectPlaceholders(
  observations: MergedRow[],
  traceIdOf: (row: MergedRow) => string | undefined,
): Map<string, TracePlaceholder> {
  const placeholders = new Map<string, TracePlaceholder>();
  for (const row of observations) {
    const traceId = traceIdOf(row);
    if (traceId === undefined) continue;
    const start = row.fields.start_time as Date;
    const environment = (row.fields.environment as string | null | undefined) ?? null;
    const current = placeholders.get(traceId);
    if (!current || start < current.timestamp) {
      placeholders.set(traceId, {
        timestamp: start,
        environment: environment ?? current?.environment ?? null,
      });
    }
  }
  return placeholders;
}

/** What a written batch leaves for after its commit. */
export interface BatchOutcome {
  /** Hours to mark dirty for the dashboard rollups. */
  hours: DirtyHours;
  /** Generations inserted or updated, to queue for output analysis. */
  generationIds: Set<string>;
}

/**
 * Writes one merged batch inside the caller's transaction: traces, then observations, then
 * scores. Returns what to do after the commit (BatchOutcome). Every statement
 * takes its row locks in id order. This keeps concurrent batches on the same rows from
 * deadlocking in most cases, and the caller retries the rest.
 */
export async function writeMergedRows(
  client: pg.ClientBase,
  projectId: string,
  merged: Map<EntityName, MergedRow[]>,
  resolvePrice: PriceResolver,
): Promise<BatchOutcome> {
  const hours = new DirtyHours();
  const generationIds = new Set<string>();
  const traces = merged.get("trace") ?? [];
  const observations = merged.get("observation") ?? [];

  const placeholders = collectPlaceholders(observations, (row) => {
    const traceId = row.fields.trace_id;
    return typeof traceId === "string" ? traceId : undefined;
  });
  for (const trace of traces) {
    const placeholder = placeholders.get(trace.id);
    if (!placeholder) continue;
    mergePlaceholder(trace, placeholder);
    placeholders.delete(trace.id);
  }
  await writeTraces(client, projectId, traces, hours);
  await writeTracePlaceholders(client, projectId, placeholders, hours);

  const withoutTrace = await writeObservations(
    client,
    projectId,
    observations,
    resolvePrice,
    hours,
    generationIds,
  );
  if (withoutTrace.length > 0) {
    const ownTraces = collectPlaceholders(withoutTrace, (row) => row.id);
    await writeTracePlaceholders(client, projectId, ownTraces, hours);
  }

  await writeScores(client, projectId, merged.get("score") ?? [], hours);
  return { hours, generationIds };
}
