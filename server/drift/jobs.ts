import { z } from "zod";
import { getPool } from "../db/client";
import { enqueueJob } from "../jobs/runner";
import type { JobDefinition } from "../jobs/types";
import { moduleLogger } from "../logger";
import { runDriftReports } from "./run-drift";
import type { Queryable } from "./sql";
import { getPeriodWindows, startOfUtcDay } from "./windows";

const log = moduleLogger("drift-jobs");

export const DRIFT_PROJECT_JOB = "drift.project";

const projectJobSchema = z.object({
  projectId: z.string().min(1),
  period: z.enum(["daily", "weekly"]),
  /** End of the current window, ISO 8601; the windows follow from it and the period. */
  end: z.iso.datetime(),
});

export type DriftProjectJob = z.infer<typeof projectJobSchema>;

/** Returns projects with generations in the windows that end at `end`, using the time index. */
export async function listProjectsWithMeasures(
  db: Queryable,
  period: "daily" | "weekly",
  end: Date,
): Promise<string[]> {
  const windows = getPeriodWindows(period, end);
  const result = await db.query<{ id: string }>(
    `SELECT p.id FROM projects p
     WHERE EXISTS (
       SELECT 1 FROM observation_measures m
       WHERE m.project_id = p.id AND m.start_time >= $1 AND m.start_time < $2
     )
     ORDER BY p.id`,
    [windows.baselineStart, windows.currentEnd],
  );
  return result.rows.map((row) => row.id);
}

/**
 * Queues one drift run per active project for the period's windows ending at midnight UTC
 * today. Each project runs as its own job, so one failure is retried without redoing the rest.
 */
export async function scheduleDriftRuns(period: "daily" | "weekly", now = new Date()) {
  const end = startOfUtcDay(now);
  const projectIds = await listProjectsWithMeasures(getPool(), period, end);
  for (const projectId of projectIds) {
    const job: DriftProjectJob = { projectId, period, end: end.toISOString() };
    await enqueueJob(DRIFT_PROJECT_JOB, job);
  }
  log.info({ period, projectCount: projectIds.length }, "drift runs queued");
}

/** Runs the drift reports of one project; a rerun of the same job updates the same rows. */
export async function runDriftProjectJob(data: unknown): Promise<void> {
  const job = projectJobSchema.parse(data);
  const windows = getPeriodWindows(job.period, new Date(job.end));
  await runDriftReports(getPool(), job.projectId, job.period, windows);
}

/** Drift jobs: daily windows every night, weekly windows every Monday, both in UTC. */
export const DRIFT_JOBS: readonly JobDefinition[] = [
  // Ten minutes past midnight, so late spans of yesterday have arrived and been analysed.
  { name: "drift.daily", cron: "10 0 * * *", handler: () => scheduleDriftRuns("daily") },
  { name: "drift.weekly", cron: "20 0 * * 1", handler: () => scheduleDriftRuns("weekly") },
  { name: DRIFT_PROJECT_JOB, handler: runDriftProjectJob },
];
