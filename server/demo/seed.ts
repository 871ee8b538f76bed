import { drainAnalysisQueue } from "../analysis/worker";
import { getPool, type Db } from "../db/client";
import { ingestEvents } from "../ingestion";
import { moduleLogger } from "../logger";
import { DEFAULT_DEMO_OPTIONS, generateDemoEvents, type DemoOptions } from "./generate";

const log = moduleLogger("demo");

// Events per ingestion call, about the size of a large SDK batch.
const EVENTS_PER_BATCH = 1000;

export interface SeedResult {
  traces: number;
  events: number;
  failedEvents: number;
  /** Generations whose quality measures and safety flags were computed. */
  analyzedGenerations: number;
  durationMs: number;
}

/**
 * Fills an empty project with demo traces through the ingestion service, the same write path
 * the public API uses. Returns null and writes nothing when the project already has traces.
 */
export async function seedDemoProject(
  db: Db,
  projectId: string,
  overrides: Partial<DemoOptions> = {},
): Promise<SeedResult | null> {
  const existing = await db.trace.findFirst({ where: { projectId }, select: { id: true } });
  if (existing) return null;

  const startedAt = performance.now();
  const options: DemoOptions = { ...DEFAULT_DEMO_OPTIONS, now: new Date(), ...overrides };
  const events = generateDemoEvents(options);
  let failedEvents = 0;
  for (let offset = 0; offset < events.length; offset += EVENTS_PER_BATCH) {
    const batch = events.slice(offset, offset + EVENTS_PER_BATCH);
    const result = await ingestEvents(db, projectId, batch);
    failedEvents += result.errors.length;
    if (result.errors.length > 0) {
      log.warn({ projectId, errorCount: result.errors.length }, "demo events rejected");
    }
  }

  // Analysed here rather than by the background worker, so the Quality page has data at once.
  const analyzedGenerations = await drainAnalysisQueue({ db, pool: getPool(), projectId });

  const durationMs = Math.round(performance.now() - startedAt);
  log.info(
    { projectId, eventCount: events.length, failedEvents, analyzedGenerations, durationMs },
    "demo seeded",
  );
  return {
    traces: options.traceCount,
    events: events.length,
    failedEvents,
    analyzedGenerations,
    durationMs,
  };
}
