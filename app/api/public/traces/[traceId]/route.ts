import { authenticateBasicAuth } from "@/server/auth/api-keys";
import { getDb, getPool } from "@/server/db/client";
import { withErrorHandling } from "@/server/http/responses";
import { getPublicTrace, rawJsonResponse, readPathParam } from "@/server/traces/public-api";

export const dynamic = "force-dynamic";

/** Returns one trace with observations and scores; another project's trace is 404. */
export const GET = withErrorHandling(async (request: Request) => {
  const { projectId } = await authenticateBasicAuth(getDb(), request.headers.get("authorization"));
  const traceId = readPathParam(request, "/api/public/traces/", "traceId");
  return rawJsonResponse(await getPublicTrace(getPool(), projectId, traceId));
});
