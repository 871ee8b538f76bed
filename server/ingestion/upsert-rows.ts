import type pg from "pg";
import type { ColumnSpec } from "./columns";
import type { MergedRow } from "./merge";
import { toSqlRow, type UpsertStatements } from "./upsert-sql";
import { preparedStatementName } from "../db/prepared-statements";

export interface UpsertOutcome<Updated> {
  insertedIds: Set<string>;
  /** RETURNING rows of the update, one per id that existed before. */
  updated: Updated[];
}

export interface UpsertRequest {
  /** Names the prepared statements, which each pooled connection plans once. */
  name: string;
  statements: UpsertStatements;
  columns: ColumnSpec[];
  projectId: string;
  rows: MergedRow[];
  /** Builds the insert record of a row that turns out to be new. */
  toInsertRow: (row: MergedRow) => Record<string, unknown>;
}

/** Inserts the rows that are new, then merges the others into the stored rows. */
export async function upsertRows<Updated extends pg.QueryResultRow>(
  client: pg.ClientBase,
  request: UpsertRequest,
): Promise<UpsertOutcome<Updated>> {
  const { rows, projectId } = request;
  if (rows.length === 0) return { insertedIds: new Set(), updated: [] };

  const inserted = await client.query<{ id: string }>({
    name: preparedStatementName(`${request.name}_insert`),
    text: request.statements.insert,
    values: [projectId, JSON.stringify(rows.map(request.toInsertRow))],
  });
  const insertedIds = new Set(inserted.rows.map((row) => row.id));
  const existing = rows.filter((row) => !insertedIds.has(row.id));
  if (existing.length === 0) return { insertedIds, updated: [] };

  const updated = await client.query<Updated>({
    name: preparedStatementName(`${request.name}_update`),
    text: request.statements.update,
    values: [projectId, JSON.stringify(existing.map((row) => toSqlRow(row, request.columns)))],
  });
  return { insertedIds, updated: updated.rows };
}
