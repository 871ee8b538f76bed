/**
 * Next.js calls `register` once when a server process starts. Background work that needs Node
 * (the pg pool) starts here, and only in the Node.js runtime, never in the Edge runtime.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startRollupScheduler } = await import("./server/metrics/rollup-scheduler");
  startRollupScheduler();
}
