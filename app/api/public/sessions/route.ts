import { authenticateBasicAuth } from "@/server/auth/api-keys";
import { getDb, getPool } from "@/server/db/client";
import { withErrorHandling } from "@/server/http/responses";
import { listPublicSessions, rawJsonResponse } from "@/server/traces/public-api";

export const dynamic = "force-dynamic";

/** Lists the key's project sessions, newest first. */
export const GET = withErrorHandling(async (request: Request) => {
  const { projectId } = await authenticateBasicAuth(getDb(), request.headers.get("authorization"));
  return rawJsonResponse(await listPublicSessions(getPool(), projectId, new URL(request.url)));
});
