import { getDb, getPool } from "@/server/db/client";
import { rethrowUnavailable } from "@/server/db/database-errors";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import { authenticatePublicRequest } from "@/server/ingestion/public-auth";
import { readPublicAudit } from "@/server/review/public-api";
import { readPathParam } from "@/server/traces/public-api";

export const dynamic = "force-dynamic";

/** Returns the audit report of an ISO week ("2026-W49"); 400 for a malformed week. */
export const GET = withErrorHandling(async (request: Request) => {
  const db = getDb();
  const { projectId } = await authenticatePublicRequest(db, request);
  const week = readPathParam(request, "/api/public/audits/", "week");
  try {
    const result = await readPublicAudit(db, getPool(), projectId, week, new URL(request.url));
    if (result.format === "json") return jsonResponse(result.audit);
    return new Response(result.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="review-${result.week}.csv"`,
      },
    });
  } catch (error) {
    rethrowUnavailable(error);
  }
});
