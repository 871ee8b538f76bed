import { getDb, getPool } from "../db/client";
import { getEnv } from "../env";
import { moduleLogger } from "../logger";
import { drainAnalysisQueue } from "./worker";

const log = moduleLogger("analysis");

/** How often the server looks for queued generations; measures appear within about this delay. */
export const ANALYSIS_INTERVAL_MS = 5_000;
/** Chunks per tick, so one tick cannot hold the event loop for long on a large backlog. */
const MAX_CHUNKS_PER_TICK = 10;

const globalForAnalysis = globalThis as unknown as { driftwatchAnalysisTimer?: NodeJS.Timeout };

async function runAnalysis(): Promise<void> {
  // The embedded-database launcher sets DATABASE_URL once Postgres is up; until then, wait.
  if (!getEnv().DATABASE_URL) return;
  const startedAt = performance.now();
  const count = await drainAnalysisQueue(
    { db: getDb(), pool: getPool() },
    { maxChunks: MAX_CHUNKS_PER_TICK },
  );
  if (count > 0) {
    log.info({ count, durationMs: Math.round(performance.now() - startedAt) }, "outputs analysed");
  }
}

/**
 * Starts the background analysis of queued generations once per process; later calls do
 * nothing. Ticks never overlap, and a failed tick is logged and retried at the next one.
 * Several processes may run it: each claims its own chunks (queue.ts).
 */
export function startAnalysisScheduler(intervalMs = ANALYSIS_INTERVAL_MS): void {
  if (globalForAnalysis.driftwatchAnalysisTimer) return;
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      await runAnalysis();
    } catch (error) {
      log.warn({ err: error }, "output analysis failed; retrying at the next tick");
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  // The timer alone must not keep a process alive (scripts, tests, shutdown).
  timer.unref();
  globalForAnalysis.driftwatchAnalysisTimer = timer;
  log.info({ intervalMs }, "output analysis scheduler started");
}

export function stopAnalysisScheduler(): void {
  clearInterval(globalForAnalysis.driftwatchAnalysisTimer);
  globalForAnalysis.driftwatchAnalysisTimer = undefined;
}
