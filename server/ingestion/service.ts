import type pg from "pg";
import { getPool, type Db } from "../db/client";
import { moduleLogger } from "../logger";
import { createPriceResolver, type PriceResolver } from "../metrics";
import type { EventError, IngestionEvent, IngestionResult } from "./events";
import {
  describeError,
  isDataError,
  isRetryableTransactionError,
  rethrowUnavailable,
} from "../db/database-errors";
import { mergeEvents } from "./merge";
import { EventValidationError, prepareEvent, type PreparedEvent } from "./prepare-events";
import { writeMergedRows } from "./write-batch";
import { redactPreparedEvents } from "./redact-events";
import { enqueueGenerations } from "../analysis/queue";

const log = moduleLogger("ingestion");

/** Attempts of one batch transaction that hits a deadlock or serialization failure. */
const MAX_TRANSACTION_ATTEMPTS = 3;

export interface IngestOptions {
  /** The pool to write with; the app's pool by default. */
  pool?: pg.Pool;
}

function validateEvents(events: IngestionEvent[], errors: EventError[]): PreparedEvent[] {
  const prepared: PreparedEvent[] = [];
  events.forEach((event, index) => {
    try {
      prepared.push(prepareEvent(event, index));
    } catch (error) {
      if (!(error instanceof EventValidationError)) throw error;
      errors.push({
        id: String(event?.eventId ?? ""),
        status: 400,
        message: `Invalid ${event?.entity ?? "event"} event: ${error.message}`,
        error: "INVALID_INPUT",
      });
    }
  });
  return prepared;
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) {
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
      if (attempt < MAX_TRANSACTION_ATTEMPTS && isRetryableTransactionError(error)) {
        log.warn({ attempt, code: (error as { code?: string }).code }, "retrying ingestion batch");
        continue;
      }
      throw error;
    } finally {
      // A connection whose ROLLBACK failed is broken and must not go back to the pool.
      client.release(broken);
    }
  }
}

async function writeEvents(
  pool: pg.Pool,
  projectId: string,
  events: PreparedEvent[],
  resolvePrice: PriceResolver,
): Promise<void> {
  const merged = mergeEvents(events);
  const { hours, generationIds } = await inTransaction(pool, (client) =>
    writeMergedRows(client, projectId, merged, resolvePrice),
  );
  await hours.write(pool, projectId);
  // Analysis runs in the background after the commit, so it never slows the batch down.
  await enqueueGenerations(pool, projectId, generationIds, hours.traceIdsWithNewUser);
}

/**
 * Stores the events of each entity id in a transaction of its own, after the batch failed on a
 * value Postgres rejected, so that one bad event cannot keep the others out.
 */
async function writeEventsOneEntityAtATime(
  pool: pg.Pool,
  projectId: string,
  events: PreparedEvent[],
  resolvePrice: PriceResolver,
  errors: EventError[],
): Promise<Set<number>> {
  const failed = new Set<number>();
  const groups = new Map<string, PreparedEvent[]>();
  for (const event of events) {
    const key = `${event.entity}\u0000${event.id}`;
    groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  for (const group of groups.values()) {
    try {
      await writeEvents(pool, projectId, group, resolvePrice);
    } catch (error) {
      if (!isDataError(error)) throw error;
      for (const event of group) {
        failed.add(event.index);
        errors.push({
          id: event.eventId,
          status: 400,
          message: `The ${event.entity} ${event.id} could not be stored: ${(error as Error).message}`,
          error: "INVALID_INPUT",
        });
      }
    }
  }
  return failed;
}

async function loadPriceResolver(db: Db, projectId: string, events: PreparedEvent[]) {
  const hasObservations = events.some((event) => event.entity === "observation");
  const noPrices: PriceResolver = () => null;
  return hasObservations ? createPriceResolver(db, projectId) : noPrices;
}

/**
 * Validates, merges and stores a batch of ingestion events of one project. Every event gets a
 * success (201) or an error entry: 400 for an invalid event, which never keeps the other events
 * out. Storing is idempotent by entity id, and events merge into the same row whatever order they
 * arrive in (merge rules in columns.ts). Throws AppError UNAVAILABLE when the database is
 * unreachable; then nothing of the batch was stored and the client should retry.
 */
export async function ingestEvents(
  db: Db,
  projectId: string,
  events: IngestionEvent[],
  options: IngestOptions = {},
): Promise<IngestionResult> {
  const startedAt = performance.now();
  const errors: EventError[] = [];
  const prepared = validateEvents(events, errors);
  let failed = new Set<number>();

  if (prepared.length > 0) {
    const pool = options.pool ?? getPool();
    try {
      await redactPreparedEvents(pool, projectId, prepared);
      const resolvePrice = await loadPriceResolver(db, projectId, prepared);
      try {
        await writeEvents(pool, projectId, prepared, resolvePrice);
      } catch (error) {
        if (!isDataError(error)) throw error;
        log.warn({ projectId, code: (error as { code?: string }).code }, "batch rejected a value");
        failed = await writeEventsOneEntityAtATime(pool, projectId, prepared, resolvePrice, errors);
      }
    } catch (error) {
      log.error(
        { err: describeError(error), projectId, eventCount: events.length },
        "ingestion batch failed",
      );
      rethrowUnavailable(error);
    }
  }

  const successes = prepared
    .filter((event) => !failed.has(event.index))
    .map((event) => ({ id: event.eventId, status: 201 }));
  const durationMs = Math.round(performance.now() - startedAt);
  log.debug(
    { projectId, eventCount: events.length, errorCount: errors.length, durationMs },
    "ingestion batch stored",
  );
  return { successes, errors };
}
