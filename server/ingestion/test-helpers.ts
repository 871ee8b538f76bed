import type { QueryResultRow } from "pg";
import { getDb, getPool } from "../db/client";
import { createTestProject } from "../testing/fixtures";
import type { IngestionResult } from "./events";
import { ingestLangfuseBatch } from "./langfuse/ingest-batch";

/** Helpers for the ingestion tests: a fresh project, Langfuse events, and row reads. */

export interface IngestionTestProject {
  projectId: string;
  ingest(batch: unknown[]): Promise<IngestionResult>;
  trace(id: string): Promise<QueryResultRow | undefined>;
  observation(id: string): Promise<QueryResultRow | undefined>;
  score(id: string): Promise<QueryResultRow | undefined>;
  count(table: "traces" | "observations" | "scores"): Promise<number>;
  dirtyHours(): Promise<string[]>;
}

async function readRow(table: string, projectId: string, id: string) {
  const result = await getPool().query(`SELECT * FROM ${table} WHERE project_id = $1 AND id = $2`, [
    projectId,
    id,
  ]);
  return result.rows[0] as QueryResultRow | undefined;
}

export async function createIngestionTestProject(): Promise<IngestionTestProject> {
  const { projectId } = await createTestProject();
  return {
    projectId,
    ingest: (batch) => ingestLangfuseBatch(getDb(), projectId, batch),
    trace: (id) => readRow("traces", projectId, id),
    observation: (id) => readRow("observations", projectId, id),
    score: (id) => readRow("scores", projectId, id),
    async count(table) {
      const result = await getPool().query(
        `SELECT count(*)::int AS total FROM ${table} WHERE project_id = $1`,
        [projectId],
      );
      return result.rows[0].total as number;
    },
    async dirtyHours() {
      const result = await getPool().query(
        "SELECT hour FROM rollup_dirty_hours WHERE project_id = $1 ORDER BY hour",
        [projectId],
      );
      return result.rows.map((row) => (row.hour as Date).toISOString());
    },
  };
}

let eventCounter = 0;

/** Builds a Langfuse ingestion event with a unique event id. */
export function langfuseEvent(type: string, timestamp: string, body: Record<string, unknown>) {
  eventCounter += 1;
  return { id: `evt-${eventCounter}`, type, timestamp, body };
}
