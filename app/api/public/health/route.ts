import { getPool } from "@/server/db/client";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import { checkHealth } from "@/server/ingestion/health";

export const dynamic = "force-dynamic";

/** `{status: "OK", version}` while the database responds, 503 otherwise. No auth needed. */
export const GET = withErrorHandling(async () => jsonResponse(await checkHealth(getPool())));
