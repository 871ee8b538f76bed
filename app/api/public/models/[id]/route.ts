import { authenticateBasicAuth } from "@/server/auth/api-keys";
import { getDb } from "@/server/db/client";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import { deleteModelPrice, getModelPrice } from "@/server/metrics/project-prices";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ id: string }>;
}

/** Returns one of the project's model prices or a shipped default. */
export const GET = withErrorHandling(async (request: Request, context: RouteContext) => {
  const db = getDb();
  const { projectId } = await authenticateBasicAuth(db, request.headers.get("authorization"));
  const { id } = await context.params;
  return jsonResponse(await getModelPrice(db, projectId, id));
});

/** Deletes one of the project's model prices; its models fall back to the shipped defaults. */
export const DELETE = withErrorHandling(async (request: Request, context: RouteContext) => {
  const db = getDb();
  const { projectId } = await authenticateBasicAuth(db, request.headers.get("authorization"));
  const { id } = await context.params;
  await deleteModelPrice(db, projectId, id);
  return new Response(null, { status: 204 });
});
