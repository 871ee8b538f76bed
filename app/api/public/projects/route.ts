import { getDb } from "@/server/db/client";
import { readJsonBody } from "@/server/http/body";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import {
  authenticateOrganizationRequest,
  createOrganizationProject,
  listOrganizationProjects,
  ORGANIZATION_API_MAX_BODY_BYTES,
} from "@/server/teams/public-api";

export const dynamic = "force-dynamic";

/** Lists the projects of the organization key's organization. */
export const GET = withErrorHandling(async (request: Request) => {
  const db = getDb();
  const auth = await authenticateOrganizationRequest(db, request);
  return jsonResponse(await listOrganizationProjects(db, auth));
});

/** Creates a project: `{"name": "..."}`. */
export const POST = withErrorHandling(async (request: Request) => {
  const db = getDb();
  const auth = await authenticateOrganizationRequest(db, request);
  const body = await readJsonBody(request, ORGANIZATION_API_MAX_BODY_BYTES);
  return jsonResponse(await createOrganizationProject(db, auth, body), 201);
});
