import { getDb } from "@/server/db/client";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import {
  authenticateOrganizationRequest,
  createKeyForProject,
  listKeysOfProject,
  ORGANIZATION_API_MAX_BODY_BYTES,
  readOptionalJsonBody,
  revokeKeyOfProject,
} from "@/server/teams/public-api";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ projectId: string }> };

/** Lists the project's key pairs (public key, note, created, last used; never a secret). */
export const GET = withErrorHandling(async (request: Request, context: RouteContext) => {
  const db = getDb();
  const auth = await authenticateOrganizationRequest(db, request);
  const { projectId } = await context.params;
  return jsonResponse(await listKeysOfProject(db, auth, projectId));
});

/** Creates a key pair, `{"note": "..."}` optional; the secret key is in this response only. */
export const POST = withErrorHandling(async (request: Request, context: RouteContext) => {
  const db = getDb();
  const auth = await authenticateOrganizationRequest(db, request);
  const { projectId } = await context.params;
  const body = await readOptionalJsonBody(request, ORGANIZATION_API_MAX_BODY_BYTES);
  return jsonResponse(await createKeyForProject(db, auth, projectId, body), 201);
});

/** Revokes the key `?id=<apiKeyId>`; it stops working at once. */
export const DELETE = withErrorHandling(async (request: Request, context: RouteContext) => {
  const db = getDb();
  const auth = await authenticateOrganizationRequest(db, request);
  const { projectId } = await context.params;
  const apiKeyId = new URL(request.url).searchParams.get("id");
  return jsonResponse(await revokeKeyOfProject(db, auth, projectId, apiKeyId));
});
