import { authenticateBasicAuth } from "@/server/auth/api-keys";
import { getDb, getPool } from "@/server/db/client";
import { withErrorHandling } from "@/server/http/responses";
import { getPublicObservation, rawJsonResponse, readPathParam } from "@/server/traces/public-api";

export const dynamic = "force-dynamic";

/** Returns one observation with input and output; another project's observation is 404. */
export const GET = withErrorHandling(async (request: Request) => {
  const { projectId } = await authenticateBasicAuth(getDb(), request.headers.get("authorization"));
  const observationId = readPathParam(request, "/api/public/observations/", "observationId");
  return rawJsonResponse(await getPublicObservation(getPool(), projectId, observationId));
});
