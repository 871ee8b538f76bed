import type { ProjectAuth } from "../auth/api-keys";
import type { Db } from "../db/client";
import { rethrowUnavailable } from "../db/database-errors";
import { AppError } from "../errors";

const BEARER_PREFIX = "bearer ";
const MAX_PUBLIC_KEY_LENGTH = 200;

/** Whether a request authenticates with `Authorization: Bearer <public key>`. */
export function hasBearerAuthorization(request: Request): boolean {
  return request.headers.get("authorization")?.toLowerCase().startsWith(BEARER_PREFIX) ?? false;
}

/**
 * Resolves `Authorization: Bearer <public key>` to its project. A public key is not secret: it
 * ships in browser code, so this authentication may only ever write feedback scores (see
 * feedback.ts). Every other route accepts only the Basic key pair.
 */
export async function authenticatePublicKey(db: Db, request: Request): Promise<ProjectAuth> {
  const header = request.headers.get("authorization") ?? "";
  const publicKey = header.slice(BEARER_PREFIX.length).trim();
  if (!header.toLowerCase().startsWith(BEARER_PREFIX) || publicKey === "") {
    throw new AppError("UNAUTHORIZED", "Send Authorization: Bearer <project public key>");
  }
  if (publicKey.length > MAX_PUBLIC_KEY_LENGTH) {
    throw new AppError("UNAUTHORIZED", "Invalid public key; copy it from the project settings");
  }
  let key;
  try {
    key = await db.apiKey.findUnique({
      where: { publicKey },
      select: { id: true, projectId: true },
    });
  } catch (error) {
    rethrowUnavailable(error);
  }
  if (!key) {
    throw new AppError("UNAUTHORIZED", "Invalid public key; copy it from the project settings");
  }
  return { projectId: key.projectId, apiKeyId: key.id };
}
