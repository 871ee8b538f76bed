import { getDb, getPool } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { readJsonBody } from "@/server/http/body";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import { rethrowUnavailable } from "@/server/db/database-errors";
import { authenticatePublicRequest } from "@/server/ingestion/public-auth";
import { createScore, listScores } from "@/server/ingestion/scores-api";

export const dynamic = "force-dynamic";

/** Creates or updates one score: `{id}`, or 400 naming the field that is wrong. */
export const POST = withErrorHandling(async (request: Request) => {
  const db = getDb();
  const { projectId } = await authenticatePublicRequest(db, request);
  const body = await readJsonBody(request, getEnv().INGESTION_MAX_BODY_BYTES);
  return jsonResponse(await createScore(db, projectId, body));
});

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
