import type { ColumnSpec } from "./columns";
import { columnTime, type MergedRow } from "./merge";

/**
 * Builds the set-based SQL that writes merged rows. Rows travel as one JSON array parameter
 * read with jsonb_to_recordset, in two statements:
 * - insert: `INSERT ... ON CONFLICT DO NOTHING RETURNING id` for ids that are new;
 * - update: for the ids that already existed, a per-column merge (rules in columns.ts) that
 *   needs to know which fields each row sent, which ON CONFLICT's EXCLUDED row cannot carry.
 * Each row carries `m` (bit i set when the i-th column was sent), `ts` (its newest event time)
 * and `ft` (the event time of columns set by an older event than `ts`).
 */

export interface UpsertTable {
  table: string;
  columns: ColumnSpec[];
  /** Columns only an insert sets (derived values), with their jsonb_to_recordset types. */
  insertOnly?: Array<{ column: string; recordType: string }>;
  /** Columns whose value before the update RETURNING reports as `old_<column>`. */
  oldColumns: string[];
  /** Extra RETURNING expressions of the update, evaluated on the updated row `t`. */
  returning?: string[];
  /** SET expressions that replace the generated one of a column. */
  setOverrides?: Record<string, string>;
  /** Extra SET assignments of the update. */
  extraSets?: string[];
  /** Extra condition of the update, to skip rows it would not change. */
  extraWhere?: string;
}

export interface UpsertStatements {
  insert: string;
  update: string;
}

const quote = (name: string) => `"${name}"`;

function recordColumns(table: UpsertTable, withInsertOnly: boolean): string {
  const columns = ["id text", "m integer", "ts timestamptz", "ft jsonb"];
  for (const spec of table.columns) {
    columns.push(`${quote(spec.column)} ${spec.recordType}`);
    if (spec.estimatedColumn) columns.push(`${quote(spec.estimatedColumn)} boolean`);
  }
  if (withInsertOnly) {
    for (const extra of table.insertOnly ?? []) {
      columns.push(`${quote(extra.column)} ${extra.recordType}`);
    }
  }
  return columns.join(", ");
}

/** Returns the SQL of a column's sent value, defaulted and cast as the table stores it. */
function sourceValue(spec: ColumnSpec): string {
  let value = `s.${quote(spec.column)}`;
  if (spec.fallback) value = `COALESCE(${value}, ${spec.fallback})`;
  return spec.cast ? `(${value})::${spec.cast}` : value;
}

function insertStatement(table: UpsertTable): string {
  const targets = ["project_id", "id", "event_ts"];
  const values = ["$1", "s.id", "s.ts"];
  for (const spec of table.columns) {
    targets.push(spec.column);
    values.push(sourceValue(spec));
    if (spec.estimatedColumn) {
      targets.push(spec.estimatedColumn);
      values.push(`COALESCE(s.${quote(spec.estimatedColumn)}, false)`);
    }
  }
  for (const extra of table.insertOnly ?? []) {
    targets.push(extra.column);
    values.push(`s.${quote(extra.column)}`);
  }
  return `INSERT INTO ${quote(table.table)} (${targets.map(quote).join(", ")})
SELECT ${values.join(", ")}
FROM jsonb_to_recordset($2::jsonb) AS s(${recordColumns(table, true)})
ORDER BY s.id
ON CONFLICT (project_id, id) DO NOTHING
RETURNING id`;
}

function isSent(bit: number): string {
  return `(s.m & ${2 ** bit}) <> 0`;
}

function isNewerThanRow(spec: ColumnSpec): string {
  return `COALESCE((s.ft ->> '${spec.column}')::timestamptz, s.ts) >= t.event_ts`;
}

/** True in the update when the `latest` column `spec` takes the sent value. */
export function takesSentValue(columns: ColumnSpec[], column: string): string {
  const bit = columns.findIndex((spec) => spec.column === column);
  const spec = columns[bit]!;
  const isEmpty = spec.emptyWhen ?? `t.${quote(spec.column)} IS NULL`;
  return `(${isSent(bit)} AND (${isNewerThanRow(spec)} OR ${isEmpty}))`;
}

/** True in the update when the row sent any of `columns`. */
export function sentAnyOf(columns: ColumnSpec[], names: string[]): string {
  const mask = names.reduce((sum, name) => {
    const bit = columns.findIndex((spec) => spec.column === name);
    return sum + 2 ** bit;
  }, 0);
  return `(s.m & ${mask}) <> 0`;
}

interface MergeParts {
  target: string;
  source: string;
  isSent: string;
  isNewer: string;
}

function metadataMerge({ target, source, isSent, isNewer }: MergeParts): string {
  return `CASE WHEN NOT (${isSent}) THEN ${target}
  WHEN ${source} IS NULL THEN CASE WHEN ${isNewer} THEN NULL ELSE ${target} END
  WHEN ${isNewer} THEN COALESCE(${target}, '{}'::jsonb) || ${source}
  ELSE ${source} || COALESCE(${target}, '{}'::jsonb) END`;
}

function tagsMerge({ target, source, isSent, isNewer }: MergeParts): string {
  const stored = `COALESCE(${target}, ARRAY[]::text[])`;
  return `CASE WHEN NOT (${isSent}) THEN ${target}
  WHEN ${source} IS NULL THEN CASE WHEN ${isNewer} THEN ARRAY[]::text[] ELSE ${target} END
  ELSE ${stored} || ARRAY(SELECT tag FROM unnest(${source}) AS tag WHERE tag <> ALL (${stored})) END`;
}

function latestMerge(spec: ColumnSpec, { target, isSent, isNewer }: MergeParts): string {
  const isEmpty = spec.emptyWhen ?? `${target} IS NULL`;
  return `CASE WHEN NOT (${isSent}) THEN ${target}
  WHEN ${isNewer} OR ${isEmpty} THEN ${sourceValue(spec)} ELSE ${target} END`;
}

/** Returns the SET assignments that merge a sent column into the stored row (columns.ts). */
function mergeExpressions(spec: ColumnSpec, bit: number): string[] {
  if (spec.merge === "start") return startExpressions(spec);

  const parts: MergeParts = {
    target: `t.${quote(spec.column)}`,
    source: `s.${quote(spec.column)}`,
    isSent: isSent(bit),
    isNewer: isNewerThanRow(spec),
  };
  const expressions: Record<Exclude<ColumnSpec["merge"], "start">, () => string> = {
    first: () => `COALESCE(${parts.target}, ${sourceValue(spec)})`,
    earliest: () => `LEAST(${parts.target}, ${parts.source})`,
    metadata: () => metadataMerge(parts),
    tags: () => tagsMerge(parts),
    latest: () => latestMerge(spec, parts),
  };
  return [`${quote(spec.column)} = ${expressions[spec.merge]()}`];
}

/** Explicit beats estimated; between two of the same kind the earlier time wins. */
function startExpressions(spec: ColumnSpec): string[] {
  const time = quote(spec.column);
  const flag = quote(spec.estimatedColumn!);
  return [
    `${time} = CASE WHEN s.${time} IS NULL THEN t.${time}
  WHEN t.${flag} AND NOT s.${flag} THEN s.${time}
  WHEN s.${flag} AND NOT t.${flag} THEN t.${time}
  ELSE LEAST(t.${time}, s.${time}) END`,
    `${flag} = CASE WHEN s.${time} IS NULL THEN t.${flag} ELSE t.${flag} AND s.${flag} END`,
  ];
}

function updateStatement(table: UpsertTable): string {
  const sets: string[] = [];
  table.columns.forEach((spec, bit) => {
    const override = table.setOverrides?.[spec.column];
    sets.push(
      ...(override ? [`${quote(spec.column)} = ${override}`] : mergeExpressions(spec, bit)),
    );
  });
  sets.push(...(table.extraSets ?? []));
  sets.push("event_ts = GREATEST(t.event_ts, s.ts)", "updated_at = now()");
  const oldSelect = table.oldColumns.map((c) => `t.${quote(c)}`).join(", ");
  const returning = [
    "t.id",
    ...table.oldColumns.map((c) => `old.${quote(c)} AS ${quote(`old_${c}`)}`),
    ...(table.returning ?? []),
  ];
  return `WITH s AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS s(${recordColumns(table, false)})
), old AS (
  SELECT t.id${oldSelect ? `, ${oldSelect}` : ""} FROM ${quote(table.table)} AS t
  JOIN s ON s.id = t.id WHERE t.project_id = $1 ORDER BY t.id FOR UPDATE OF t
)
UPDATE ${quote(table.table)} AS t SET
  ${sets.join(",\n  ")}
FROM s JOIN old ON old.id = s.id
WHERE t.project_id = $1 AND t.id = s.id${table.extraWhere ? ` AND (${table.extraWhere})` : ""}
RETURNING ${returning.join(", ")}`;
}

export function buildUpsertStatements(table: UpsertTable): UpsertStatements {
  return { insert: insertStatement(table), update: updateStatement(table) };
}

/** Serializes a merged row for jsonb_to_recordset (see the header for `m`, `ts` and `ft`). */
export function toSqlRow(row: MergedRow, columns: ColumnSpec[]): Record<string, unknown> {
  const fields = row.fields;
  const record: Record<string, unknown> = { id: row.id };
  let mask = 0;
  let olderTimes: Record<string, string> | null = null;
  for (let bit = 0; bit < columns.length; bit += 1) {
    const spec = columns[bit]!;
    const value = fields[spec.column];
    if (value === undefined) continue;
    // ISO strings, because JSON.stringify leaves its fast path on objects with toJSON (Date).
    record[spec.column] = value instanceof Date ? value.toISOString() : value;
    mask += 2 ** bit;
    if (spec.estimatedColumn) record[spec.estimatedColumn] = fields[spec.estimatedColumn];
    const time = columnTime(row, spec.column);
    if (time < row.eventTime) {
      olderTimes ??= {};
      olderTimes[spec.column] = new Date(time).toISOString();
    }
  }
  record.m = mask;
  record.ts = new Date(row.eventTime).toISOString();
  record.ft = olderTimes;
  return record;
}
