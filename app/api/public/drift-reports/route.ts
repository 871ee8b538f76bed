import { getDb, getPool } from "@/server/db/client";
import { rethrowUnavailable } from "@/server/db/database-errors";
import { listPublicDriftReports } from "@/server/drift/api";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import { authenticatePublicRequest } from "@/server/ingestion/public-auth";

export const dynamic = "force-dynamic";

/** Lists the project's drift reports (see listPublicDriftReports). */
export const GET = withErrorHandling(async (request: Request) => {
  const { projectId } = await authenticatePublicRequest(getDb(), request);
  try {
    return jsonResponse(await listPublicDriftReports(getPool(), projectId, new URL(request.url)));
  } catch (error) {
    rethrowUnavailable(error);
  }
});
