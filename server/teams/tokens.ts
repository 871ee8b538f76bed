import { createHash, randomBytes } from "node:crypto";

/** Link tokens of invitations and password reset links: random, and stored only as a hash. */

export function generateLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/** SHA-256 of a link token; a leaked table row does not give a usable link. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
