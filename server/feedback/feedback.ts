import type { Db } from "../db/client";
import { AppError } from "../errors";
import { toScorePatch } from "../ingestion/langfuse/convert";
import { EventValidationError } from "../ingestion/prepare-events";
import { ingestEvents } from "../ingestion/service";

/**
 * Feedback that end users send from the browser with the project's public key alone:
 * "Was this helpful?" as a BOOLEAN score or a NUMERIC rating on a trace. Because the key is
 * public, such a request may only create a new API score. It cannot choose the score source or
 * author, and cannot change an existing score, so a visitor cannot overwrite evaluations or
 * review verdicts.
 * NOTE: there is no rate limit per public key yet; a visitor can send many feedback scores.
 */

/** A feedback body is a score with a short comment; anything larger is refused unread. */
export const FEEDBACK_MAX_BODY_BYTES = 16_384;

/** Headers that let any web page send feedback; the request carries no cookies. */
export const FEEDBACK_CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-max-age": "86400",
};

function readFeedbackPatch(body: unknown) {
  try {
    return toScorePatch(body);
  } catch (error) {
    if (error instanceof EventValidationError) {
      throw new AppError("INVALID_INPUT", `Invalid feedback: ${error.message}`, error.field);
    }
    throw error;
  }
}

export async function createFeedbackScore(
  db: Db,
  projectId: string,
  body: unknown,
): Promise<{ id: string }> {
  const patch = readFeedbackPatch(body);
  if (!patch.traceId) {
    throw new AppError("INVALID_INPUT", "Feedback needs the traceId it is about", "traceId");
  }
  const existing = await db.score.findUnique({
    where: { projectId_id: { projectId, id: patch.id } },
    select: { id: true },
  });
  if (existing) {
    throw new AppError(
      "CONFLICT",
      "A score with this id exists; feedback sent with the public key can only create scores",
      "id",
    );
  }
  patch.source = "API";
  patch.authorUserId = null;
  patch.metadata = { ...patch.metadata, "driftwatch.channel": "public-key" };
  const event = { eventId: patch.id, timestamp: new Date(), entity: "score" as const, body: patch };
  const result = await ingestEvents(db, projectId, [event]);
  const failure = result.errors[0];
  if (failure) throw new AppError("INVALID_INPUT", failure.message);
  return { id: patch.id };
}
