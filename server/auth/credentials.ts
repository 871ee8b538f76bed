import type { Db } from "../db/client";
import { hashPassword, verifyPassword } from "./passwords";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

const MAX_EMAIL_LENGTH = 320;
const MAX_PASSWORD_LENGTH = 1024;

// Verified against when the email is unknown, so a missing account takes as long to reject as
// a wrong password and response times do not reveal which emails exist.
let dummyHash: Promise<string> | undefined;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Returns the user whose email and password match, or null for any mismatch. */
export async function authenticateWithPassword(
  db: Db,
  email: string | undefined,
  password: string | undefined,
): Promise<SessionUser | null> {
  if (!email || !password) return null;
  if (email.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH) return null;

  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
  dummyHash ??= hashPassword("driftwatch-unknown-account");
  const storedHash = user?.passwordHash ?? (await dummyHash);
  const matches = await verifyPassword(password, storedHash);

  if (!user?.passwordHash || !matches) return null;
  return { id: user.id, email: user.email, name: user.name };
}
