import { getDb, getPool } from "@/server/db/client";
import { rethrowUnavailable } from "@/server/db/database-errors";
import { getEnv } from "@/server/env";
import { readJsonBody } from "@/server/http/body";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import { authenticatePublicRequest } from "@/server/ingestion/public-auth";
import { addPublicReviewItems, listPublicReviewItems } from "@/server/review/public-api";

export const dynamic = "force-dynamic";

/** Lists the project's review queue with counts by status (see listPublicReviewItems). */
export const GET = withErrorHandling(async (request: Request) => {
  const { projectId } = await authenticatePublicRequest(getDb(), request);
  try {
    return jsonResponse(await listPublicReviewItems(getPool(), projectId, new URL(request.url)));
  } catch (error) {
    rethrowUnavailable(error);
  }
});

/** Adds traces, observations or sessions to the queue: 207 with a result per reference. */
export const POST = withErrorHandling(async (request: Request) => {
  const db = getDb();
  const { projectId } = await authenticatePublicRequest(db, request);
  const body = await readJsonBody(request, getEnv().INGESTION_MAX_BODY_BYTES);
  try {
    return jsonResponse(await addPublicReviewItems(db, getPool(), projectId, body), 207);
  } catch (error) {
    rethrowUnavailable(error);
  }
});
