import { getPool } from "../db/client";
import { getEnv } from "../env";
import { moduleLogger } from "../logger";
import { refreshDirtyRollups } from "./rollups";

const log = moduleLogger("rollup-scheduler");

/**
 * How often the server rebuilds dirty rollup hours in the background. Overview queries also
 * refresh their own project first, so this only bounds how stale other readers can be.
 */
export const ROLLUP_REFRESH_INTERVAL_MS = 15_000;

const globalForScheduler = globalThis as unknown as { driftwatchRollupTimer?: NodeJS.Timeout };

async function runRefresh(): Promise<void> {
  // The embedded-database launcher sets DATABASE_URL once Postgres is up; until then, wait.
  if (!getEnv().DATABASE_URL) return;
  const startedAt = performance.now();
  const result = await refreshDirtyRollups(getPool());
  if (result.hourCount > 0) {
    const durationMs = Math.round(performance.now() - startedAt);
    log.info({ ...result, durationMs }, "rollups refreshed");
  }
}

/**
 * Starts the background refresh once per process; later calls do nothing. Runs never overlap,
 * and a failed run is logged and retried at the next tick.
 */
export function startRollupScheduler(intervalMs = ROLLUP_REFRESH_INTERVAL_MS): void {
  if (globalForScheduler.driftwatchRollupTimer) return;

  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      await runRefresh();
    } catch (error) {
      log.warn({ err: error }, "rollup refresh failed; retrying at the next tick");
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  // The timer alone must not keep a process alive (scripts, tests, shutdown).
  timer.unref();
  globalForScheduler.driftwatchRollupTimer = timer;
  log.info({ intervalMs }, "rollup scheduler started");
}

export function stopRollupScheduler(): void {
  clearInterval(globalForScheduler.driftwatchRollupTimer);
  globalForScheduler.driftwatchRollupTimer = undefined;
}
