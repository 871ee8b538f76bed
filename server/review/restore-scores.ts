import type pg from "pg";
import type { Db } from "../db/client";
import type { IngestionEvent } from "../ingestion";
import { ingestEvents } from "../ingestion";
import { moduleLogger } from "../logger";
import { queryRows, sql } from "../traces/sql";
import type { ReviewObjectType } from "./types";
import { buildVerdictScoreEvents } from "./verdicts";

const log = moduleLogger("review");

const MAX_RESTORED_VERDICTS = 1_000;

interface MissingScoreRow {
  project_id: string;
  item_id: string;
  reviewer_id: string;
  verdict: "PASS" | "FAIL";
  labels: string[];
  comment: string | null;
  created_at: Date;
  object_type: ReviewObjectType;
  trace_id: string | null;
  observation_id: string | null;
  session_id: string | null;
}

function toEvents(row: MissingScoreRow): IngestionEvent[] {
  const target = {
    id: row.item_id,
    objectType: row.object_type,
    traceId: row.trace_id,
    observationId: row.observation_id,
    sessionId: row.session_id,
  };
  const input = {
    verdict: row.verdict === "PASS" ? ("pass" as const) : ("fail" as const),
    labels: row.labels as never[],
    comment: row.comment,
  };
  return buildVerdictScoreEvents(target, row.reviewer_id, input, row.created_at);
}

/**
 * Writes the scores of verdicts given since `since` whose "review" score is missing, which
 * happens when writing them failed after the verdict committed. A verdict's scores are written
 * in one batch, so a present "review" score means its label scores are present too. Returns
 * how many verdicts were restored.
 */
export async function restoreMissingVerdictScores(
  db: Db,
  pool: pg.Pool,
  since: Date,
): Promise<number> {
  const rows = await queryRows<MissingScoreRow>(
    pool,
    sql`SELECT v.project_id, v.item_id, v.reviewer_id, v.verdict, v.labels, v.comment,
        v.created_at, ri.object_type, ri.trace_id, ri.observation_id, ri.session_id
      FROM review_verdicts v
      JOIN review_items ri ON ri.id = v.item_id
      WHERE v.created_at >= ${since} AND NOT EXISTS (
        SELECT 1 FROM scores s WHERE s.project_id = v.project_id
          AND s.id = 'review:' || v.item_id || ':' || v.reviewer_id)
      ORDER BY v.created_at
      LIMIT ${MAX_RESTORED_VERDICTS}`,
  );
  const byProject = new Map<string, IngestionEvent[]>();
  for (const row of rows) {
    byProject.set(row.project_id, [...(byProject.get(row.project_id) ?? []), ...toEvents(row)]);
  }
  for (const [projectId, events] of byProject) {
    await ingestEvents(db, projectId, events, { pool });
  }
  if (rows.length > 0) log.warn({ verdictCount: rows.length }, "missing verdict scores restored");
  return rows.length;
}
