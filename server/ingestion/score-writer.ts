import type pg from "pg";
import { SCORE_COLUMNS } from "./columns";
import type { DirtyHours } from "./dirty-hours";
import type { MergedRow } from "./merge";
import { buildUpsertStatements, toSqlRow } from "./upsert-sql";
import { upsertRows } from "./upsert-rows";

interface ScoreUpdate {
  id: string;
  old_timestamp: Date;
  timestamp: Date;
}

const STATEMENTS = buildUpsertStatements({
  table: "scores",
  columns: SCORE_COLUMNS,
  oldColumns: ["timestamp"],
  returning: ["t.timestamp"],
});

/** Writes scores; one row per score id, merged like every entity (columns.ts). */
export async function writeScores(
  client: pg.ClientBase,
  projectId: string,
  rows: MergedRow[],
  hours: DirtyHours,
): Promise<void> {
  const outcome = await upsertRows<ScoreUpdate>(client, {
    name: "dw_scores",
    statements: STATEMENTS,
    columns: SCORE_COLUMNS,
    projectId,
    rows,
    toInsertRow: (row) => toSqlRow(row, SCORE_COLUMNS),
  });
  for (const row of rows) {
    if (outcome.insertedIds.has(row.id)) hours.add(row.fields.timestamp as Date);
  }
  for (const update of outcome.updated) {
    hours.add(update.old_timestamp);
    hours.add(update.timestamp);
  }
}
