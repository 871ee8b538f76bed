import { getDb, getPool } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { readJsonBody } from "@/server/http/body";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import { rethrowUnavailable } from "@/server/db/database-errors";
import { authenticatePublicRequest } from "@/server/ingestion/public-auth";
import { createScore, listScores } from "@/server/ingestion/scores-api";
import {
  createFeedbackScore,
  FEEDBACK_CORS_HEADERS,
  FEEDBACK_MAX_BODY_BYTES,
} from "@/server/feedback/feedback";
import { authenticatePublicKey, hasBearerAuthorization } from "@/server/feedback/public-key-auth";

export const dynamic = "force-dynamic";

/**
 * Creates or updates one score: `{id}`, or 400 naming the field that is wrong. With
 * `Authorization: Bearer <public key>` (browser feedback) it only creates scores, and answers
 * with CORS headers so any web page can call it.
 */
export const POST = async (request: Request): Promise<Response> => {
  if (hasBearerAuthorization(request)) return withFeedbackCors(await postFeedback(request));
  return postScore(request);
};

const postScore = withErrorHandling(async (request: Request) => {
  const db = getDb();
  const { projectId } = await authenticatePublicRequest(db, request);
  const body = await readJsonBody(request, getEnv().INGESTION_MAX_BODY_BYTES);
  return jsonResponse(await createScore(db, projectId, body));
});

const postFeedback = withErrorHandling(async (request: Request) => {
  const db = getDb();
  const { projectId } = await authenticatePublicKey(db, request);
  const body = await readJsonBody(request, FEEDBACK_MAX_BODY_BYTES);
  return jsonResponse(await createFeedbackScore(db, projectId, body));
});

/** The CORS preflight of browser feedback. */
export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: FEEDBACK_CORS_HEADERS });
}

function withFeedbackCors(response: Response): Response {
  for (const [name, value] of Object.entries(FEEDBACK_CORS_HEADERS)) {
    response.headers.set(name, value);
  }
  return response;
}

/** Lists scores: filters traceId, observationId, sessionId, name, userId, dataType, source,
 * fromTimestamp (inclusive), toTimestamp (exclusive); pages with page and limit. */
export const GET = withErrorHandling(async (request: Request) => {
  const { projectId } = await authenticatePublicRequest(getDb(), request);
  try {
    return jsonResponse(await listScores(getPool(), projectId, new URL(request.url)));
  } catch (error) {
    rethrowUnavailable(error);
  }
});
