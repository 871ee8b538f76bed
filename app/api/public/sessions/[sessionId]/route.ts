import { authenticateBasicAuth } from "@/server/auth/api-keys";
import { getDb, getPool } from "@/server/db/client";
import { withErrorHandling } from "@/server/http/responses";
import { getPublicSession, rawJsonResponse, readPathParam } from "@/server/traces/public-api";

export const dynamic = "force-dynamic";

/** Returns one session with its traces; another project's session is 404. */
export const GET = withErrorHandling(async (request: Request) => {
  const { projectId } = await authenticateBasicAuth(getDb(), request.headers.get("authorization"));
  const sessionId = readPathParam(request, "/api/public/sessions/", "sessionId");
  return rawJsonResponse(await getPublicSession(getPool(), projectId, sessionId));
});
