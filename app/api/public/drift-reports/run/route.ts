import { getDb, getPool } from "@/server/db/client";
import { rethrowUnavailable } from "@/server/db/database-errors";
import { runPublicDrift } from "@/server/drift/api";
import { readBodyBytes } from "@/server/http/body";
import { jsonResponse, withErrorHandling } from "@/server/http/responses";
import { authenticatePublicRequest } from "@/server/ingestion/public-auth";
import { AppError } from "@/server/errors";

export const dynamic = "force-dynamic";

// The body contains a few fields; anything larger is not a drift request.
const MAX_BODY_BYTES = 16 * 1024;

async function readOptionalJson(request: Request): Promise<unknown> {
  const text = (await readBodyBytes(request, MAX_BODY_BYTES)).toString("utf8").trim();
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `Body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Runs the drift tests now and returns the stored reports (see runPublicDrift). */
export const POST = withErrorHandling(async (request: Request) => {
  const { projectId } = await authenticatePublicRequest(getDb(), request);
  const body = await readOptionalJson(request);
  try {
    return jsonResponse(await runPublicDrift(getPool(), projectId, body));
  } catch (error) {
    rethrowUnavailable(error);
  }
});
