import { authenticateBasicAuth } from "@/server/auth/api-keys";
import { getDb } from "@/server/db/client";
import { readJsonBody } from "@/server/http/body";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import { createModelPrice, listModelPrices } from "@/server/metrics/project-prices";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 64 * 1024;

/** Lists the project's model prices followed by the shipped defaults (`page`, `limit`). */
export const GET = withErrorHandling(async (request: Request) => {
  const db = getDb();
  const { projectId } = await authenticateBasicAuth(db, request.headers.get("authorization"));
  const params = new URL(request.url).searchParams;
  const query = { page: params.get("page") ?? undefined, limit: params.get("limit") ?? undefined };
  return jsonResponse(await listModelPrices(db, projectId, query));
});

/** Creates a project model price that overrides the shipped default for matching models. */
export const POST = withErrorHandling(async (request: Request) => {
  const db = getDb();
  const { projectId } = await authenticateBasicAuth(db, request.headers.get("authorization"));
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  return jsonResponse(await createModelPrice(db, projectId, body), 201);
});
