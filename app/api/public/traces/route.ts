import { authenticateBasicAuth } from "@/server/auth/api-keys";
import { getDb, getPool } from "@/server/db/client";
import { withErrorHandling } from "@/server/http/responses";
import { listPublicTraces, rawJsonResponse } from "@/server/traces/public-api";

export const dynamic = "force-dynamic";

/** Lists the key's project traces, Langfuse-compatible (see listPublicTraces). */
export const GET = withErrorHandling(async (request: Request) => {
  const { projectId } = await authenticateBasicAuth(getDb(), request.headers.get("authorization"));
  return rawJsonResponse(await listPublicTraces(getPool(), projectId, new URL(request.url)));
});
