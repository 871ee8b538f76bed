import type { Db } from "../../db/client";
import type { EventError, IngestionEvent, IngestionResult } from "../events";
import { EventValidationError } from "../prepare-events";
import { ingestEvents, type IngestOptions } from "../service";
import { convertLangfuseEvent } from "./convert";

function readEventId(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : "";
}

/**
 * Ingests the `batch` array of a Langfuse ingestion request: each event is converted and
 * validated on its own, so an invalid event gets a 400 entry and the others are stored.
 */
export async function ingestLangfuseBatch(
  db: Db,
  projectId: string,
  batch: unknown[],
  options: IngestOptions = {},
): Promise<IngestionResult> {
  const receivedAt = new Date();
  const events: IngestionEvent[] = [];
  const skipped: string[] = [];
  const errors: EventError[] = [];
  for (const raw of batch) {
    try {
      const event = convertLangfuseEvent(raw, receivedAt);
      if (event) events.push(event);
      else skipped.push(readEventId(raw));
    } catch (error) {
      if (!(error instanceof EventValidationError)) throw error;
      errors.push({
        id: readEventId(raw),
        status: 400,
        message: `Invalid event: ${error.message}`,
        error: "INVALID_INPUT",
      });
    }
  }

  const result = await ingestEvents(db, projectId, events, options);
  return {
    successes: [...result.successes, ...skipped.map((id) => ({ id, status: 201 }))],
    errors: [...errors, ...result.errors],
  };
}
