import type pg from "pg";
import { moduleLogger } from "../logger";
import {
  CLAIM_DIRTY_HOURS_SQL,
  DELETE_MODEL_HOURS_SQL,
  DELETE_PROJECT_HOURS_SQL,
  DELETE_USER_DAYS_SQL,
  DELETE_USER_HOURS_SQL,
  INSERT_MODEL_HOURS_SQL,
  INSERT_PROJECT_HOURS_SQL,
  INSERT_USER_DAYS_SQL,
  INSERT_USER_HOURS_SQL,
  SELECT_TRACE_HOURS_OF_OBSERVATIONS_SQL,
} from "./rollup-sql";

/**
 * Maintains the dashboard rollups (rollup_model_hours, rollup_user_hours, rollup_user_days,
 * rollup_project_hours) from rollup_dirty_hours, where ingestion records every
 * (project, hour) it writes. A refresh claims dirty hours, deletes their rollup rows and
 * rebuilds them from the raw tables in one transaction, so it is idempotent: running it twice,
 * or after a crash that rolled it back, gives the same rows.
 */

const log = moduleLogger("rollups");

/** Hours rebuilt per transaction; keeps one transaction short when a backfill dirtied months. */
export const MAX_HOURS_PER_TRANSACTION = 168;

/** Projects refreshed per call without a project id; the next call takes the rest. */
const MAX_PROJECTS_PER_REFRESH = 100;

// Two-key advisory lock (namespace, project) that serializes refreshes of one project across
// processes. Transaction-scoped, so it also holds on the embedded PGlite database.
const ROLLUP_LOCK_NAMESPACE = "driftwatch.rollups";

export interface RefreshResult {
  projectCount: number;
  hourCount: number;
}

export interface RefreshOptions {
  /** Only this project's dirty hours; all projects (up to a limit) when absent. */
  projectId?: string;
}

/** Rebuilds the rollups of every dirty hour of one project (or of all projects). */
export async function refreshDirtyRollups(
  pool: pg.Pool,
  options: RefreshOptions = {},
): Promise<RefreshResult> {
  const projectIds = options.projectId
    ? [options.projectId]
    : await listProjectsWithDirtyHours(pool);

  let hourCount = 0;
  for (const projectId of projectIds) {
    hourCount += await refreshProjectRollups(pool, projectId);
  }
  return { projectCount: projectIds.length, hourCount };
}

async function listProjectsWithDirtyHours(pool: pg.Pool): Promise<string[]> {
  const result = await pool.query<{ project_id: string }>(
    "SELECT DISTINCT project_id FROM rollup_dirty_hours LIMIT $1",
    [MAX_PROJECTS_PER_REFRESH],
  );
  return result.rows.map((row) => row.project_id);
}

async function refreshProjectRollups(pool: pg.Pool, projectId: string): Promise<number> {
  let total = 0;
  for (;;) {
    const startedAt = performance.now();
    const rebuilt = await refreshProjectBatch(pool, projectId);
    if (rebuilt === 0) return total;
    total += rebuilt;
    const durationMs = Math.round(performance.now() - startedAt);
    log.debug({ projectId, hourCount: rebuilt, durationMs }, "rollup hours rebuilt");
  }
}

// Returns the number of claimed hours; 0 when the project has none left.
async function refreshProjectBatch(pool: pg.Pool, projectId: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL TIME ZONE 'UTC'");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [
      ROLLUP_LOCK_NAMESPACE,
      projectId,
    ]);
    const claimed = await claimDirtyHours(client, projectId);
    if (claimed.length > 0) await rebuildHours(client, projectId, claimed);
    await client.query("COMMIT");
    return claimed.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function claimDirtyHours(client: pg.PoolClient, projectId: string): Promise<Date[]> {
  const result = await client.query<{ hour: Date }>(CLAIM_DIRTY_HOURS_SQL, [
    projectId,
    MAX_HOURS_PER_TRANSACTION,
  ]);
  return result.rows.map((row) => row.hour);
}

/**
 * Rebuilds the given hours inside the caller's transaction (session zone UTC). Model rows are
 * keyed by observation hour. User and project rows are keyed by trace hour, so they are also
 * rebuilt for the hours of traces whose observations fall in `hours`. Project rows merge the
 * model rows' latency, and user days sum user hours, so both are rebuilt after their sources.
 */
async function rebuildHours(
  client: pg.PoolClient,
  projectId: string,
  hours: Date[],
): Promise<void> {
  const traceHours = await client.query<{ hour: Date }>(SELECT_TRACE_HOURS_OF_OBSERVATIONS_SQL, [
    projectId,
    hours,
  ]);
  const hoursWithTraces = uniqueHours([...hours, ...traceHours.rows.map((row) => row.hour)]);

  await client.query(DELETE_MODEL_HOURS_SQL, [projectId, hours]);
  await client.query(INSERT_MODEL_HOURS_SQL, [projectId, hours]);
  await client.query(DELETE_USER_HOURS_SQL, [projectId, hoursWithTraces]);
  await client.query(INSERT_USER_HOURS_SQL, [projectId, hoursWithTraces]);
  await client.query(DELETE_PROJECT_HOURS_SQL, [projectId, hoursWithTraces]);
  await client.query(INSERT_PROJECT_HOURS_SQL, [projectId, hoursWithTraces]);

  const days = uniqueHours(hoursWithTraces.map(floorToUtcDay));
  await client.query(DELETE_USER_DAYS_SQL, [projectId, days]);
  await client.query(INSERT_USER_DAYS_SQL, [projectId, days]);
}

function uniqueHours(hours: Date[]): Date[] {
  const byTime = new Map(hours.map((hour) => [hour.getTime(), hour]));
  return [...byTime.values()];
}

const DAY_MS = 86_400_000;

function floorToUtcDay(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / DAY_MS) * DAY_MS);
}

/**
 * Marks every hour of [from, to) of a project dirty, e.g. after a bulk load that bypassed
 * ingestion. The next refresh rebuilds them.
 */
export async function markHoursDirty(
  pool: pg.Pool,
  projectId: string,
  from: Date,
  to: Date,
): Promise<void> {
  await pool.query(
    `INSERT INTO rollup_dirty_hours (project_id, hour)
     SELECT $1, generate_series(date_trunc('hour', $2::timestamptz AT TIME ZONE 'UTC'),
                                $3::timestamptz AT TIME ZONE 'UTC' - interval '1 microsecond',
                                interval '1 hour') AT TIME ZONE 'UTC'
     ON CONFLICT DO NOTHING`,
    [projectId, from, to],
  );
}

const refreshesInFlight = new Map<string, Promise<RefreshResult>>();

/**
 * `refreshDirtyRollups` for one project, shared by concurrent callers: the overview's queries
 * arrive together in one batch and should not queue behind each other's refresh.
 */
export function refreshProjectRollupsShared(
  pool: pg.Pool,
  projectId: string,
): Promise<RefreshResult> {
  const running = refreshesInFlight.get(projectId);
  if (running) return running;
  const refresh = refreshDirtyRollups(pool, { projectId }).finally(() => {
    refreshesInFlight.delete(projectId);
  });
  refreshesInFlight.set(projectId, refresh);
  return refresh;
}
