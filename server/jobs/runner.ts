import PgBoss from "pg-boss";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { moduleLogger } from "../logger";
import { JOB_DEFINITIONS } from "./registry";
import type { JobDefinition } from "./types";

/**
 * Background jobs on pg-boss, which keeps its queues in the app's own Postgres (schema `pgboss`),
 * the embedded PGlite database included. Workers poll: pg-boss 10 does not use LISTEN/NOTIFY,
 * which PGlite would not deliver across connections anyway.
 */

const log = moduleLogger("jobs");

// An idle worker checks its queue this often, so a queued job starts within about this delay.
const DEFAULT_POLLING_INTERVAL_SECONDS = 2;
// Size of pg-boss's own pool, beside the app's pool. Each worker runs one job at a time.
const MAX_BOSS_CONNECTIONS = 4;
// On stop, running jobs get this long to finish before pg-boss marks them failed for a retry.
const STOP_TIMEOUT_MS = 10_000;

interface JobsState {
  boss: Promise<PgBoss>;
  queues: Set<string>;
  workersStarted: boolean;
}

// On globalThis so that Next.js hot reloads in development reuse one pg-boss instance.
const globalForJobs = globalThis as unknown as { driftwatchJobs?: JobsState };

async function createBoss(): Promise<PgBoss> {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new AppError("UNAVAILABLE", "DATABASE_URL is not set; start the app with `npm start`");
  }
  const boss = new PgBoss({
    connectionString: env.DATABASE_URL,
    max: Math.min(env.DATABASE_POOL_SIZE, MAX_BOSS_CONNECTIONS),
    application_name: "driftwatch-jobs",
  });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  return boss;
}

function getState(): JobsState {
  if (!globalForJobs.driftwatchJobs) {
    const boss = createBoss();
    const state: JobsState = { boss, queues: new Set(), workersStarted: false };
    // A failed start must not stick: the next call tries again.
    boss.catch(() => {
      if (globalForJobs.driftwatchJobs === state) globalForJobs.driftwatchJobs = undefined;
    });
    globalForJobs.driftwatchJobs = state;
  }
  return globalForJobs.driftwatchJobs;
}

async function ensureQueue(state: JobsState, name: string): Promise<PgBoss> {
  const boss = await state.boss;
  if (!state.queues.has(name)) {
    // Idempotent in pg-boss: an existing queue is left as it is.
    await boss.createQueue(name);
    state.queues.add(name);
  }
  return boss;
}

function wrapHandler(definition: JobDefinition) {
  return async (jobs: PgBoss.Job<unknown>[]) => {
    for (const job of jobs) {
      const startedAt = performance.now();
      try {
        await definition.handler(job.data);
      } catch (error) {
        log.error({ err: error, job: definition.name, jobId: job.id }, "job failed");
        throw error;
      }
      const durationMs = Math.round(performance.now() - startedAt);
      log.info({ job: definition.name, jobId: job.id, durationMs }, "job completed");
    }
  };
}

async function startDefinition(
  state: JobsState,
  definition: JobDefinition,
  pollingIntervalSeconds: number,
): Promise<void> {
  const boss = await ensureQueue(state, definition.name);
  await boss.work(definition.name, { pollingIntervalSeconds }, wrapHandler(definition));
  if (definition.cron) {
    await boss.schedule(definition.name, definition.cron, {}, { tz: "UTC" });
  } else {
    // A definition that lost its cron must not keep firing from an old schedule row.
    await boss.unschedule(definition.name);
  }
}

export interface StartJobsOptions {
  definitions?: readonly JobDefinition[];
  pollingIntervalSeconds?: number;
}

/**
 * Starts a worker for every job definition and registers their cron schedules, once per
 * process; later calls do nothing. Does nothing when JOBS_ENABLED is false.
 */
export async function startJobs(options: StartJobsOptions = {}): Promise<void> {
  if (!getEnv().JOBS_ENABLED) return;
  const state = getState();
  if (state.workersStarted) return;
  state.workersStarted = true;

  const definitions = options.definitions ?? JOB_DEFINITIONS;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? DEFAULT_POLLING_INTERVAL_SECONDS;
  try {
    for (const definition of definitions) {
      await startDefinition(state, definition, pollingIntervalSeconds);
    }
  } catch (error) {
    state.workersStarted = false;
    throw error;
  }
  log.info({ jobs: definitions.map((d) => d.name) }, "job workers started");
}

/**
 * Queues one job and returns its id; a worker of any process that called `startJobs` runs it.
 * Handlers must be idempotent: pg-boss retries a failed job, and a job may run twice.
 */
export async function enqueueJob(name: string, data: object = {}): Promise<string> {
  const boss = await ensureQueue(getState(), name);
  const id = await boss.send(name, data);
  if (!id) throw new AppError("UNAVAILABLE", `Job queue "${name}" did not accept the job`);
  return id;
}

/** Stops workers and schedules of this process and closes pg-boss's connections. */
export async function stopJobs(): Promise<void> {
  const state = globalForJobs.driftwatchJobs;
  globalForJobs.driftwatchJobs = undefined;
  if (!state) return;
  const boss = await state.boss.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
  log.info("job workers stopped");
}
