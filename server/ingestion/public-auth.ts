import { authenticateBasicAuth, type ProjectAuth } from "../auth/api-keys";
import type { Db } from "../db/client";
import { rethrowUnavailable } from "../db/database-errors";

/**
 * Authenticates a public API request by its Basic auth key pair. A database outage becomes
 * UNAVAILABLE (503), so SDKs retry instead of dropping their batch as they do after a 500.
 */
export async function authenticatePublicRequest(db: Db, request: Request): Promise<ProjectAuth> {
  try {
    return await authenticateBasicAuth(db, request.headers.get("authorization"));
  } catch (error) {
    rethrowUnavailable(error);
  }
}
