import type pg from "pg";
import { preparedStatementName } from "../db/prepared-statements";

/**
 * The analysis queue: generation ids whose measures are missing or stale. Ingestion adds ids
 * after its commit. A worker claims a chunk for CLAIM_DURATION, analyses it and removes the ids
 * it finished. An id re-queued meanwhile keeps its row and is analysed again, because the worker
 * only removes rows whose enqueued_at is still the one it claimed.
 */

const CLAIM_DURATION_SECONDS = 300;
/** A generation whose analysis failed this many times leaves the queue. */
export const MAX_ANALYSIS_ATTEMPTS = 5;

export interface QueuedGeneration {
  projectId: string;
  observationId: string;
  enqueuedAt: Date;
  attempts: number;
}

/**
 * Queues generations of one project for analysis in one statement: the given ids and every
 * generation of the given traces.
 */
export async function enqueueGenerations(
  db: pg.Pool | pg.ClientBase,
  projectId: string,
  observationIds: Iterable<string>,
  traceIds: Iterable<string> = [],
): Promise<void> {
  const ids = [...new Set(observationIds)];
  const traces = [...new Set(traceIds)];
  if (ids.length === 0 && traces.length === 0) return;
  await db.query({
    name: preparedStatementName("dw_analysis_enqueue"),
    text: `INSERT INTO analysis_queue (project_id, observation_id, enqueued_at)
SELECT $1, id, clock_timestamp() FROM (
  SELECT unnest($2::text[]) AS id
  UNION
  SELECT o.id FROM observations AS o
  WHERE o.project_id = $1 AND o.trace_id = ANY ($3::text[]) AND o.type = 'GENERATION'
) AS queued
ORDER BY id
ON CONFLICT (project_id, observation_id)
DO UPDATE SET enqueued_at = EXCLUDED.enqueued_at, attempts = 0`,
    values: [projectId, ids, traces],
  });
}

/**
 * Claims up to `limit` queued generations, oldest first, that no other worker holds; only those
 * of `projectId` when given.
 */
export async function claimQueuedGenerations(
  pool: pg.Pool,
  limit: number,
  projectId: string | null = null,
): Promise<QueuedGeneration[]> {
  const result = await pool.query<{
    project_id: string;
    observation_id: string;
    enqueued_at: Date;
    attempts: number;
  }>(
    `UPDATE analysis_queue AS q
SET claimed_until = now() + make_interval(secs => $2), attempts = q.attempts + 1
FROM (
  SELECT project_id, observation_id FROM analysis_queue
  WHERE (claimed_until IS NULL OR claimed_until < now()) AND ($3::text IS NULL OR project_id = $3)
  ORDER BY enqueued_at, project_id, observation_id
  LIMIT $1
  FOR UPDATE SKIP LOCKED
) AS c
WHERE q.project_id = c.project_id AND q.observation_id = c.observation_id
RETURNING q.project_id, q.observation_id, q.enqueued_at, q.attempts`,
    [limit, CLAIM_DURATION_SECONDS, projectId],
  );
  return result.rows.map((row) => ({
    projectId: row.project_id,
    observationId: row.observation_id,
    enqueuedAt: row.enqueued_at,
    attempts: row.attempts,
  }));
}

/**
 * Removes finished generations from the queue, unless they were re-queued after the claim, and
 * releases those for the next claim.
 */
export async function finishQueuedGenerations(
  pool: pg.Pool,
  finished: QueuedGeneration[],
): Promise<void> {
  if (finished.length === 0) return;
  const values = [
    finished.map((item) => item.projectId),
    finished.map((item) => item.observationId),
    finished.map((item) => item.enqueuedAt.toISOString()),
  ];
  await pool.query(
    `WITH done AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
    AS d(project_id, observation_id, enqueued_at)
), removed AS (
  DELETE FROM analysis_queue AS q USING done AS d
  WHERE q.project_id = d.project_id AND q.observation_id = d.observation_id
    AND q.enqueued_at = d.enqueued_at
  RETURNING q.project_id, q.observation_id
)
UPDATE analysis_queue AS q SET claimed_until = NULL FROM done AS d
WHERE q.project_id = d.project_id AND q.observation_id = d.observation_id
  AND q.enqueued_at <> d.enqueued_at`,
    values,
  );
}

/** Number of generations waiting for analysis, for status and tests. */
export async function countQueuedGenerations(pool: pg.Pool, projectId?: string): Promise<number> {
  const result = await pool.query<{ count: string }>(
    `SELECT count(*) FROM analysis_queue WHERE $1::text IS NULL OR project_id = $1`,
    [projectId ?? null],
  );
  return Number(result.rows[0]!.count);
}
