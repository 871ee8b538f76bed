import type pg from "pg";
import type { PriceResolver } from "../metrics";
import { OBSERVATION_COLUMNS } from "./columns";
import { deriveValues, type DerivationInput, type DerivedValues } from "./derived-values";
import type { DirtyHours } from "./dirty-hours";
import type { CostDetails, UsageDetails } from "./events";
import type { MergedRow } from "./merge";
import { buildUpsertStatements, sentAnyOf, takesSentValue, toSqlRow } from "./upsert-sql";
import { upsertRows } from "./upsert-rows";
import { preparedStatementName } from "../db/prepared-statements";

/**
 * Writes observations with their derived token and cost columns (derived-values.ts). New rows
 * get them in the insert. For rows that existed, the update returns the merged row, the values
 * are derived from it and written back where they changed, because usage may arrive in an
 * update while the model came with the create.
 */

const DERIVED_COLUMNS = [
  { column: "usage_estimated", recordType: "boolean" },
  { column: "input_tokens", recordType: "integer" },
  { column: "output_tokens", recordType: "integer" },
  { column: "total_tokens", recordType: "integer" },
  { column: "cost_source", recordType: "text" },
  { column: "price_id", recordType: "text" },
  { column: "input_cost", recordType: "numeric" },
  { column: "output_cost", recordType: "numeric" },
  { column: "total_cost", recordType: "numeric" },
];

// A usage estimate is redone when one of these changed and no usage was sent.
const ESTIMATE_SOURCES = ["input", "output", "model", "usage_details", "type"];
const NEEDS_COUNT = `(t.type = 'GENERATION' AND (t.usage_details IS NULL OR t.usage_estimated)
  AND ${sentAnyOf(OBSERVATION_COLUMNS, ESTIMATE_SOURCES)})`;

const STATEMENTS = buildUpsertStatements({
  table: "observations",
  columns: OBSERVATION_COLUMNS,
  insertOnly: DERIVED_COLUMNS,
  oldColumns: ["start_time"],
  returning: [
    "t.start_time",
    "t.type",
    "t.model",
    "t.usage_details",
    "t.usage_estimated",
    "t.cost_details",
    "t.cost_source",
    "t.price_id",
    "t.input_tokens",
    "t.output_tokens",
    "t.total_tokens",
    "t.input_cost::float8 AS input_cost",
    "t.output_cost::float8 AS output_cost",
    "t.total_cost::float8 AS total_cost",
    `${NEEDS_COUNT} AS needs_count`,
    `CASE WHEN ${NEEDS_COUNT} THEN t.input END AS count_input`,
    `CASE WHEN ${NEEDS_COUNT} THEN t.output END AS count_output`,
  ],
  setOverrides: {
    // An observation sent without a trace id lives in a trace named after itself until an
    // event names its real trace.
    // NOTE: that self-named trace then stays behind, empty, in the trace list.
    trace_id:
      "CASE WHEN s.trace_id IS NOT NULL AND t.trace_id = t.id THEN s.trace_id ELSE t.trace_id END",
  },
  extraSets: [
    `usage_estimated = CASE WHEN ${takesSentValue(OBSERVATION_COLUMNS, "usage_details")}
  THEN false ELSE t.usage_estimated END`,
    `cost_source = CASE WHEN ${takesSentValue(OBSERVATION_COLUMNS, "cost_details")}
  THEN CASE WHEN s.cost_details IS NULL THEN NULL ELSE 'provided' END ELSE t.cost_source END`,
  ],
});

const WRITE_DERIVED_SQL = `UPDATE observations AS t SET
  ${["usage_details", ...DERIVED_COLUMNS.map((c) => c.column), "cost_details"]
    .map((column) => `${column} = d.${column}`)
    .join(",\n  ")}
FROM jsonb_to_recordset($2::jsonb) AS d(id text, usage_details jsonb, cost_details jsonb,
  ${DERIVED_COLUMNS.map((c) => `${c.column} ${c.recordType}`).join(", ")})
WHERE t.project_id = $1 AND t.id = d.id`;

type ObservationUpdate = Omit<DerivedValues, "cost_source"> & {
  id: string;
  old_start_time: Date;
  start_time: Date;
  type: string;
  model: string | null;
  cost_source: string | null;
  needs_count: boolean;
  count_input: unknown;
  count_output: unknown;
};

function toInsertRow(row: MergedRow, resolvePrice: PriceResolver): Record<string, unknown> {
  const fields = row.fields;
  const record = toSqlRow(row, OBSERVATION_COLUMNS);
  record.trace_id ??= row.id;
  const derived = deriveValues(
    {
      type: fields.type as string,
      model: (fields.model as string | null | undefined) ?? null,
      startTime: fields.start_time as Date,
      providedUsage: (fields.usage_details as UsageDetails | null | undefined) ?? null,
      providedCost: (fields.cost_details as CostDetails | null | undefined) ?? null,
      estimate: { kind: "count", input: fields.input, output: fields.output },
    },
    resolvePrice,
  );
  return Object.assign(record, derived);
}

function toDerivationInput(update: ObservationUpdate): DerivationInput {
  const hasSentUsage = !update.usage_estimated && update.usage_details !== null;
  return {
    type: update.type,
    model: update.model,
    startTime: update.start_time,
    providedUsage: hasSentUsage ? update.usage_details : null,
    providedCost: update.cost_source === "provided" ? update.cost_details : null,
    estimate: update.needs_count
      ? { kind: "count", input: update.count_input, output: update.count_output }
      : { kind: "reuse", usage: update.usage_estimated ? update.usage_details : null },
  };
}

function isSameRecord(a: Record<string, number> | null, b: Record<string, number> | null) {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => isSameNumber(a[key], b[key]));
}

// Costs come back from numeric(20,10) through float8, so equal means equal to 10 decimals.
function isSameNumber(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  return Math.abs(a - b) < 1e-10;
}

function hasChanged(derived: DerivedValues, stored: ObservationUpdate): boolean {
  return (
    !isSameRecord(derived.usage_details, stored.usage_details) ||
    !isSameRecord(derived.cost_details, stored.cost_details) ||
    derived.usage_estimated !== stored.usage_estimated ||
    derived.cost_source !== stored.cost_source ||
    derived.price_id !== stored.price_id ||
    (
      [
        "input_tokens",
        "output_tokens",
        "total_tokens",
        "input_cost",
        "output_cost",
        "total_cost",
      ] as const
    ).some((column) => !isSameNumber(derived[column], stored[column]))
  );
}

async function writeDerivedValues(
  client: pg.ClientBase,
  projectId: string,
  updates: ObservationUpdate[],
  resolvePrice: PriceResolver,
): Promise<void> {
  const changed: Record<string, unknown>[] = [];
  for (const update of updates) {
    const derived = deriveValues(toDerivationInput(update), resolvePrice);
    if (hasChanged(derived, update)) changed.push({ id: update.id, ...derived });
  }
  if (changed.length === 0) return;
  await client.query({
    name: preparedStatementName("dw_observations_derived"),
    text: WRITE_DERIVED_SQL,
    values: [projectId, JSON.stringify(changed)],
  });
}

/**
 * Writes observations; returns the ids it inserted without a trace id of their own. Adds the
 * ids of the generations it inserted or updated to `generationIds`, for output analysis.
 */
export async function writeObservations(
  client: pg.ClientBase,
  projectId: string,
  rows: MergedRow[],
  resolvePrice: PriceResolver,
  hours: DirtyHours,
  generationIds: Set<string>,
): Promise<MergedRow[]> {
  const outcome = await upsertRows<ObservationUpdate>(client, {
    name: "dw_observations",
    statements: STATEMENTS,
    columns: OBSERVATION_COLUMNS,
    projectId,
    rows,
    toInsertRow: (row) => toInsertRow(row, resolvePrice),
  });
  await writeDerivedValues(client, projectId, outcome.updated, resolvePrice);

  for (const row of rows) {
    if (!outcome.insertedIds.has(row.id)) continue;
    hours.add(row.fields.start_time as Date);
    if (row.fields.type === "GENERATION") generationIds.add(row.id);
  }
  for (const update of outcome.updated) {
    hours.add(update.old_start_time);
    hours.add(update.start_time);
    if (update.type === "GENERATION") generationIds.add(update.id);
  }
  return rows.filter((row) => outcome.insertedIds.has(row.id) && row.fields.trace_id == null);
}
