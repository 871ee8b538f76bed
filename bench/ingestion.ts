import type { BenchContext, BenchSection } from "./context";
import { buildWorkloadItem, toIngestionEvents } from "./workload";

/**
 * Ingestion throughput: trace-create + generation-create pairs sent through
 * POST /api/public/ingestion of the production build, several requests in flight, while the
 * app's process tree memory is sampled.
 */

// How long to wait for rows to appear after the last response, for an endpoint that queues.
const STORE_TIMEOUT_MS = 300_000;
const MAX_ERROR_SAMPLES = 5;

interface SendTotals {
  requests: number;
  accepted: number;
  rejected: number;
  httpFailures: number;
  errorSamples: string[];
}

function buildBatch(runId: string, runStart: number, first: number, count: number): string {
  const events: unknown[] = [];
  for (let index = first; index < first + count; index++) {
    events.push(...toIngestionEvents(buildWorkloadItem(runId, runStart, index)));
  }
  return JSON.stringify({ batch: events });
}

function recordSample(totals: SendTotals, sample: string): void {
  if (totals.errorSamples.length < MAX_ERROR_SAMPLES) totals.errorSamples.push(sample);
}

async function postBatch(url: string, authorization: string, body: string, totals: SendTotals) {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization, "content-type": "application/json" },
    body,
  });
  const text = await response.text();
  if (response.status !== 207 && response.status !== 200) {
    totals.httpFailures += 1;
    recordSample(totals, `HTTP ${response.status}: ${text.slice(0, 200)}`);
    return;
  }
  const result = JSON.parse(text) as { successes?: unknown[]; errors?: { message?: string }[] };
  totals.accepted += result.successes?.length ?? 0;
  totals.rejected += result.errors?.length ?? 0;
  for (const error of result.errors ?? []) recordSample(totals, error.message ?? "unknown error");
}

/** Sends one request and returns how many requests have completed, this one included. */
async function sendBatch(
  url: string,
  authorization: string,
  body: string,
  totals: SendTotals,
): Promise<number> {
  try {
    await postBatch(url, authorization, body, totals);
  } catch (error) {
    totals.httpFailures += 1;
    recordSample(totals, `request failed: ${(error as Error).message}`);
  }
  totals.requests += 1;
  return totals.requests;
}

/** Builds every request body before the clock starts, so the client costs no CPU while the
 * server is measured. */
function buildRequestBodies(context: BenchContext): string[] {
  const { generations, batchEvents } = context.options;
  const pairsPerBatch = Math.max(1, Math.floor(batchEvents / 2));
  const runId = `ingest-${Date.now()}`;
  const runStart = Date.now();
  const bodies: string[] = [];
  for (let first = 0; first < generations; first += pairsPerBatch) {
    bodies.push(buildBatch(runId, runStart, first, Math.min(pairsPerBatch, generations - first)));
  }
  return bodies;
}

async function sendAll(
  context: BenchContext,
  url: string,
  bodies: string[],
  authorization: string,
) {
  const totals: SendTotals = {
    requests: 0,
    accepted: 0,
    rejected: 0,
    httpFailures: 0,
    errorSamples: [],
  };
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next]!;
      next += 1;
      const completed = await sendBatch(url, authorization, body, totals);
      if (completed % 50 === 0) context.print(`  ${completed}/${bodies.length} requests`);
    }
  };
  await Promise.all(Array.from({ length: context.options.concurrency }, worker));
  return totals;
}

async function waitForRows(context: BenchContext, projectId: string, expected: number) {
  const deadline = Date.now() + STORE_TIMEOUT_MS;
  for (;;) {
    const { rows } = await context.database.pool.query<{ traces: string; observations: string }>(
      `SELECT (SELECT count(*) FROM traces WHERE project_id = $1) AS traces,
              (SELECT count(*) FROM observations WHERE project_id = $1) AS observations`,
      [projectId],
    );
    const stored = { traces: Number(rows[0]!.traces), observations: Number(rows[0]!.observations) };
    if (stored.observations >= expected && stored.traces >= expected) return stored;
    if (Date.now() > deadline) return stored;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export const ingestionSection: BenchSection = {
  name: "ingestion",
  description: "POST /api/public/ingestion of the production build (trace + generation pairs)",
  async run(context) {
    const { generations, batchEvents, concurrency } = context.options;
    const bodies = buildRequestBodies(context);
    const app = await context.getApp();
    const project = await context.createProject("ingestion");
    app.resetMaxRss();

    const started = performance.now();
    const url = `${app.baseUrl}/api/public/ingestion`;
    const totals = await sendAll(context, url, bodies, project.authorization);
    const respondedSeconds = (performance.now() - started) / 1000;
    const stored = await waitForRows(context, project.projectId, generations);
    const storedSeconds = (performance.now() - started) / 1000;

    const events = generations * 2;
    const eventsPerSecond = events / storedSeconds;
    const maxRssMiB = app.maxRssBytes() / (1024 * 1024);
    context.print(
      `ingestion: ${events} events in ${storedSeconds.toFixed(1)} s, ` +
        `${eventsPerSecond.toFixed(0)} events/s (${(generations / storedSeconds).toFixed(0)} generations/s)`,
    );
    context.print(`ingestion: max RSS of the app process tree ${maxRssMiB.toFixed(0)} MiB`);
    const complete = stored.traces >= generations && stored.observations >= generations;
    if (!complete) {
      context.print(
        `ingestion: only ${stored.observations} observations and ${stored.traces} traces of ` +
          `${generations} stored within ${STORE_TIMEOUT_MS / 1000} s of the last response`,
      );
    }
    if (totals.rejected + totals.httpFailures > 0) {
      context.print(
        `ingestion: ${totals.rejected} events rejected, ${totals.httpFailures} requests failed`,
      );
      for (const sample of totals.errorSamples) context.print(`  ${sample}`);
    }
    return {
      generations,
      events,
      batchEvents,
      concurrency,
      requests: totals.requests,
      acceptedEvents: totals.accepted,
      rejectedEvents: totals.rejected,
      failedRequests: totals.httpFailures,
      errorSamples: totals.errorSamples,
      complete,
      storedTraces: stored.traces,
      storedObservations: stored.observations,
      respondedSeconds,
      seconds: storedSeconds,
      eventsPerSecond,
      generationsPerSecond: generations / storedSeconds,
      maxRssMiB,
    };
  },
};
