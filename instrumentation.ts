/**
 * Next.js calls `register` once when a server process starts. Background work that needs Node
 * (the pg pool) starts here, and only in the Node.js runtime, never in the Edge runtime.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startRollupScheduler } = await import("./server/metrics/rollup-scheduler");
  startRollupScheduler();
  const { startAnalysisScheduler } = await import("./server/analysis/scheduler");
  startAnalysisScheduler();
  const { startJobs } = await import("./server/jobs/runner");
  const { moduleLogger } = await import("./server/logger");
  // A database that is down at boot must not stop the web server, so jobs stay off until restart.
  await startJobs().catch((error: unknown) =>
    moduleLogger("jobs").error({ err: error }, "job workers failed to start"),
  );
}
