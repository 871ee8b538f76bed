import type { Db } from "../db/client";
import { getEnv } from "../env";

/**
 * Session versions: a session cookie carries the user's session version from sign-in, and a
 * request is signed in only while it equals the stored one. Changing or resetting the password
 * raises the stored version, which ends every earlier session at its next request.
 */

export async function getSessionVersion(db: Db, userId: string): Promise<number | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { sessionVersion: true },
  });
  return user?.sessionVersion ?? null;
}

/** Checks that the user exists and that `tokenVersion` equals the stored session version. */
export async function isSessionCurrent(
  db: Db,
  userId: string,
  tokenVersion: unknown,
): Promise<boolean> {
  const current = await getSessionVersion(db, userId);
  // A cookie from before session versions existed carries none and counts as version 0.
  const version = typeof tokenVersion === "number" ? tokenVersion : 0;
  return current !== null && current === version;
}

/**
 * Checks the absolute lifetime of a session: NextAuth renews the cookie of an active session,
 * so without this check a session in daily use would never end. `signedInAt` is in seconds
 * since the epoch; a cookie without it (signed in before this check existed) only ends by
 * the cookie's own expiry.
 */
export function isWithinSessionLifetime(signedInAt: unknown, nowMs = Date.now()): boolean {
  if (typeof signedInAt !== "number") return true;
  const maxAgeSeconds = getEnv().DRIFTWATCH_SESSION_MAX_AGE_HOURS * 60 * 60;
  return nowMs / 1000 - signedInAt <= maxAgeSeconds;
}

/** Checks a decoded session token: its lifetime, then its session version. */
export async function isSessionTokenValid(
  db: Db,
  token: { sub?: string; sessionVersion?: unknown; signedInAt?: unknown },
): Promise<boolean> {
  if (!token.sub || !isWithinSessionLifetime(token.signedInAt)) return false;
  return isSessionCurrent(db, token.sub, token.sessionVersion);
}
