import { getDb } from "@/server/db/client";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import { authenticateOrganizationRequest, revokeKeyOfProject } from "@/server/teams/public-api";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ projectId: string; apiKeyId: string }> };

/** Revokes one key pair of the project; it stops working at once. */
export const DELETE = withErrorHandling(async (request: Request, context: RouteContext) => {
  const db = getDb();
  const auth = await authenticateOrganizationRequest(db, request);
  const { projectId, apiKeyId } = await context.params;
  return jsonResponse(await revokeKeyOfProject(db, auth, projectId, apiKeyId));
});
