import type { APIRequestContext } from "@playwright/test";
import pg from "pg";
import type { ApiKeyPair } from "../../server/auth/api-keys";
import type { DriftEpisode } from "../../server/demo/drift-episode";
import { generateDemoEvents } from "../../server/demo/generate";
import type { IngestionEvent } from "../../server/ingestion/events";

// Events per request to the public ingestion endpoint, about a large SDK batch.
const EVENTS_PER_REQUEST = 500;
const ANALYSIS_TIMEOUT_MS = 240_000;

const OBSERVATION_EVENT_TYPES = {
  GENERATION: "generation-create",
  SPAN: "span-create",
  EVENT: "event-create",
} as const;

/** Writes an internal demo event as the Langfuse batch event an SDK would send. */
function toLangfuseEvent(event: IngestionEvent) {
  const type =
    event.entity === "observation"
      ? OBSERVATION_EVENT_TYPES[event.body.type ?? "SPAN"]
      : `${event.entity}-create`;
  return { id: event.eventId, type, timestamp: event.timestamp.toISOString(), body: event.body };
}

/**
 * Sends demo traffic for the last `days` (with an optional drift episode at its end) through
 * POST /api/public/ingestion, the path SDKs use.
 */
export async function sendDemoTraffic(
  request: APIRequestContext,
  keys: ApiKeyPair,
  options: { traceCount: number; days: number; seed: number; driftEpisode?: DriftEpisode },
): Promise<void> {
  const events = generateDemoEvents({ ...options, now: new Date() });
  const credentials = Buffer.from(`${keys.publicKey}:${keys.secretKey}`).toString("base64");
  const authorization = `Basic ${credentials}`;
  for (let offset = 0; offset < events.length; offset += EVENTS_PER_REQUEST) {
    const batch = events.slice(offset, offset + EVENTS_PER_REQUEST).map(toLangfuseEvent);
    const response = await request.post("/api/public/ingestion", {
      headers: { authorization },
      data: { batch },
    });
    const result = (await response.json()) as { errors: unknown[] };
    if (response.status() !== 207 || result.errors.length > 0) {
      throw new Error(`Ingestion failed: ${response.status()} ${JSON.stringify(result.errors[0])}`);
    }
  }
}

/** Waits until the server's analysis worker has measured every queued generation of a project. */
export async function waitForAnalysis(projectId: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const deadline = Date.now() + ANALYSIS_TIMEOUT_MS;
    for (;;) {
      const result = await client.query<{ queued: number; measured: number }>(
        `SELECT (SELECT count(*)::int FROM analysis_queue WHERE project_id = $1) AS queued,
           (SELECT count(*)::int FROM observation_measures WHERE project_id = $1) AS measured`,
        [projectId],
      );
      const { queued, measured } = result.rows[0]!;
      if (queued === 0 && measured > 0) return measured;
      if (Date.now() > deadline) {
        throw new Error(`Analysis timed out with ${queued} generations queued`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await client.end();
  }
}
