import type { Db } from "../db/client";

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
