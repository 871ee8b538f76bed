import { DAY_MS } from "./windows";
import { MEASURES_IN_WINDOWS, windowParameters, type Queryable } from "./sql";
import type { DriftWindows } from "./types";

/**
 * Flags that count as a user failing a safety check. A refusal is the model's choice, and
 * personal data or secrets in a request are a data-handling matter, not misuse.
 */
export const SAFETY_FAILURE_FLAGS = ["jailbreak", "prompt_injection", "toxicity"];
// Users listed per finding, most failures or highest score first.
const MAX_USERS = 20;
const TRACES_PER_USER = 5;

export interface UserFailures {
  userId: string;
  /** Traces with a failed safety check in the current window. */
  failures: number;
  baselineFailures: number;
  /** All traces of the user in the current and the baseline window. */
  traces: number;
  baselineTraces: number;
  traceIds: string[];
}

export interface SafetyFailureCounts {
  users: UserFailures[];
  /** Flagged and all traces of every user in the baseline window: the project's usual share. */
  projectBaselineFailures: number;
  projectBaselineTraces: number;
  activeUsers: number;
}

/**
 * Returns users with at least `minFailures` failed safety checks in the current window, with
 * their traces and failures in both windows. A failure is a trace with a flagged generation,
 * so an agent that passes one flagged request through several calls counts once.
 */
export async function loadRepeatedSafetyFailures(
  db: Queryable,
  projectId: string,
  windows: DriftWindows,
  minFailures: number,
): Promise<SafetyFailureCounts> {
  const result = await db.query<{
    user_id: string;
    failures: number;
    baseline_failures: number;
    traces: number;
    baseline_traces: number;
    trace_ids: string[] | null;
    project_baseline_failures: string;
    project_baseline_traces: string;
    active_users: number;
  }>(
    `SELECT * FROM (
       SELECT per_user.*,
         sum(baseline_failures) OVER () AS project_baseline_failures,
         sum(baseline_traces) OVER () AS project_baseline_traces,
         (count(*) FILTER (WHERE traces > 0) OVER ())::int AS active_users
       FROM (
         SELECT user_id,
           count(DISTINCT trace_id) FILTER (WHERE start_time >= $4 AND flags && $6::text[])::int
             AS failures,
           count(DISTINCT trace_id) FILTER (WHERE start_time < $4 AND flags && $6::text[])::int
             AS baseline_failures,
           count(DISTINCT trace_id) FILTER (WHERE start_time >= $4)::int AS traces,
           count(DISTINCT trace_id) FILTER (WHERE start_time < $4)::int AS baseline_traces,
           (array_agg(trace_id ORDER BY start_time DESC)
             FILTER (WHERE start_time >= $4 AND flags && $6::text[]))[1:${TRACES_PER_USER}]
             AS trace_ids
         FROM observation_measures
         WHERE ${MEASURES_IN_WINDOWS} AND user_id IS NOT NULL
         GROUP BY user_id
       ) AS per_user
     ) AS ranked
     WHERE failures >= $7
     ORDER BY failures DESC, user_id
     LIMIT ${MAX_USERS}`,
    [...windowParameters(projectId, windows), SAFETY_FAILURE_FLAGS, minFailures],
  );
  const first = result.rows[0];
  return {
    users: result.rows.map((row) => ({
      userId: row.user_id,
      failures: row.failures,
      baselineFailures: row.baseline_failures,
      traces: row.traces,
      baselineTraces: row.baseline_traces,
      traceIds: row.trace_ids ?? [],
    })),
    projectBaselineFailures: Number(first?.project_baseline_failures ?? 0),
    projectBaselineTraces: Number(first?.project_baseline_traces ?? 0),
    activeUsers: first?.active_users ?? 0,
  };
}

export interface UserVolume {
  userId: string;
  currentRequests: number;
  /** Requests per baseline day, oldest first, 0 for days without any. */
  dailyHistory: number[];
  traceIds: string[];
}

/**
 * Returns users who sent at least `minCurrentRequests` requests (traces, so an agent's several
 * calls count once) in the current window, with their daily counts over the baseline window.
 * Only those users' history is read.
 */
export async function loadUserVolumes(
  db: Queryable,
  projectId: string,
  windows: DriftWindows,
  minCurrentRequests: number,
): Promise<UserVolume[]> {
  const result = await db.query<{
    user_id: string;
    current_requests: number;
    trace_ids: string[];
    history: Array<{ day: number; requests: number }> | null;
  }>(
    `WITH active AS (
       SELECT user_id, count(DISTINCT trace_id)::int AS current_requests,
         (array_agg(trace_id ORDER BY start_time DESC))[1:${TRACES_PER_USER}] AS trace_ids
       FROM observation_measures
       WHERE project_id = $1 AND start_time >= $4 AND start_time < $5 AND user_id IS NOT NULL
       GROUP BY user_id
       HAVING count(DISTINCT trace_id) >= $6
     ), daily AS (
       SELECT m.user_id,
         floor(extract(epoch FROM m.start_time - $2::timestamptz) / 86400)::int AS day,
         count(DISTINCT m.trace_id)::int AS requests
       FROM observation_measures m
       JOIN active USING (user_id)
       WHERE m.project_id = $1 AND m.start_time >= $2 AND m.start_time < $3
       GROUP BY 1, 2
     ), history AS (
       SELECT user_id, json_agg(json_build_object('day', day, 'requests', requests)) AS history
       FROM daily
       GROUP BY user_id
     )
     SELECT a.user_id, a.current_requests, a.trace_ids, h.history
     FROM active a
     LEFT JOIN history h USING (user_id)`,
    [
      projectId,
      windows.baselineStart,
      windows.baselineEnd,
      windows.currentStart,
      windows.currentEnd,
      minCurrentRequests,
    ],
  );
  const historyDays = Math.floor(
    (windows.baselineEnd.getTime() - windows.baselineStart.getTime()) / DAY_MS,
  );
  return result.rows.map((row) => {
    const dailyHistory = new Array<number>(historyDays).fill(0);
    for (const entry of row.history ?? []) {
      if (entry.day >= 0 && entry.day < historyDays) dailyHistory[entry.day] = entry.requests;
    }
    return {
      userId: row.user_id,
      currentRequests: row.current_requests,
      dailyHistory,
      traceIds: row.trace_ids,
    };
  });
}

export { MAX_USERS };
