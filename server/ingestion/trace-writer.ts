import type pg from "pg";
import { TRACE_COLUMNS, type ColumnSpec } from "./columns";
import type { DirtyHours } from "./dirty-hours";
import type { MergedRow } from "./merge";
import { buildUpsertStatements, toSqlRow } from "./upsert-sql";
import { upsertRows } from "./upsert-rows";
import { preparedStatementName } from "../db/prepared-statements";

/**
 * Writes traces: those the batch sent, and placeholders for traces that only observations name.
 * A placeholder has the earliest start of those observations as an estimated timestamp and the
 * Unix epoch as event time, so every real trace event counts as newer and fills or overrides
 * it, whichever arrives first.
 */

interface TraceUpdate {
  id: string;
  old_timestamp: Date;
  timestamp: Date;
  old_user_id?: string | null;
  user_id?: string | null;
}

export interface TracePlaceholder {
  timestamp: Date;
  environment: string | null;
}

const TRACE_STATEMENTS = buildUpsertStatements({
  table: "traces",
  columns: TRACE_COLUMNS,
  oldColumns: ["timestamp", "user_id"],
  returning: ["t.timestamp", "t.user_id"],
});

const PLACEHOLDER_COLUMNS: ColumnSpec[] = TRACE_COLUMNS.filter(
  (spec) => spec.column === "timestamp" || spec.column === "environment",
).map((spec) => (spec.column === "environment" ? { ...spec, merge: "first" } : spec));

const PLACEHOLDER_STATEMENTS = buildUpsertStatements({
  table: "traces",
  columns: PLACEHOLDER_COLUMNS,
  oldColumns: ["timestamp"],
  returning: ["t.timestamp"],
  // A placeholder only ever moves an estimated timestamp earlier; other rows stay untouched.
  extraWhere: "t.timestamp_estimated AND s.timestamp < t.timestamp",
});

function markHours(
  rows: MergedRow[],
  inserted: Set<string>,
  updates: TraceUpdate[],
  hours: DirtyHours,
) {
  for (const row of rows) {
    if (inserted.has(row.id)) hours.add(row.fields.timestamp as Date);
  }
  for (const update of updates) {
    hours.add(update.old_timestamp);
    hours.add(update.timestamp);
    if (update.old_user_id !== update.user_id) hours.addObservationHoursOf(update.id);
  }
}

export async function writeTraces(
  client: pg.ClientBase,
  projectId: string,
  rows: MergedRow[],
  hours: DirtyHours,
): Promise<void> {
  const outcome = await upsertRows<TraceUpdate>(client, {
    name: "dw_traces",
    statements: TRACE_STATEMENTS,
    columns: TRACE_COLUMNS,
    projectId,
    rows,
    toInsertRow: (row) => toSqlRow(row, TRACE_COLUMNS),
  });
  markHours(rows, outcome.insertedIds, outcome.updated, hours);
}

function toPlaceholderRow(traceId: string, placeholder: TracePlaceholder): MergedRow {
  return {
    entity: "trace",
    id: traceId,
    fields: {
      timestamp: placeholder.timestamp,
      timestamp_estimated: true,
      ...(placeholder.environment ? { environment: placeholder.environment } : {}),
    },
    fieldTimes: {},
    firstEventTime: 0,
    eventTime: 0,
    eventIndexes: [],
  };
}

/** Creates the traces that do not exist yet and moves estimated timestamps earlier. */
export async function writeTracePlaceholders(
  client: pg.ClientBase,
  projectId: string,
  placeholders: Map<string, TracePlaceholder>,
  hours: DirtyHours,
): Promise<void> {
  const rows = [...placeholders].map(([id, placeholder]) => toPlaceholderRow(id, placeholder));
  const outcome = await upsertRows<TraceUpdate>(client, {
    name: preparedStatementName("dw_trace_placeholders"),
    statements: PLACEHOLDER_STATEMENTS,
    columns: PLACEHOLDER_COLUMNS,
    projectId,
    rows,
    toInsertRow: (row) => toSqlRow(row, PLACEHOLDER_COLUMNS),
  });
  markHours(rows, outcome.insertedIds, outcome.updated, hours);
}

/**
 * Folds a placeholder into a trace row of the same batch: an earlier estimated timestamp, and
 * the environment when the trace event sent none (as if from an older event).
 */
export function mergePlaceholder(row: MergedRow, placeholder: TracePlaceholder): void {
  const timestamp = row.fields.timestamp as Date;
  if (row.fields.timestamp_estimated === true && placeholder.timestamp < timestamp) {
    row.fields.timestamp = placeholder.timestamp;
  }
  if (!("environment" in row.fields) && placeholder.environment) {
    row.fields.environment = placeholder.environment;
    row.fieldTimes.environment = 0;
  }
}
