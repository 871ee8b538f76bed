import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { AppError } from "@/server/errors";
import { readJsonBody } from "@/server/http/body";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import { ingestLangfuseBatch } from "@/server/ingestion/langfuse/ingest-batch";
import { ingestionRequestSchema } from "@/server/ingestion/langfuse/schemas";
import { authenticatePublicRequest } from "@/server/ingestion/public-auth";

export const dynamic = "force-dynamic";

/**
 * Langfuse-compatible batch ingestion. Returns 207 with a result per event once the key pair
 * and the envelope `{batch: [...]}` are valid; 401, 400, 413 or 503 otherwise.
 */
export const POST = withErrorHandling(async (request: Request) => {
  const db = getDb();
  const { projectId } = await authenticatePublicRequest(db, request);
  const body = await readJsonBody(request, getEnv().INGESTION_MAX_BODY_BYTES);
  const parsed = ingestionRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError(
      "INVALID_INPUT",
      'Invalid ingestion request: send a JSON object {"batch": [events]}',
      parsed.error.issues[0]?.path.join(".") || "batch",
    );
  }
  const result = await ingestLangfuseBatch(db, projectId, parsed.data.batch);
  return jsonResponse(result, 207);
});
