import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { getDb } from "../db/client";
import type { SessionUser } from "./credentials";
import { getAuthOptions } from "./options";
import { isSessionTokenValid } from "./session-version";

/**
 * The signed-in user of the current page or server action, or null. A session that a password
 * change ended, or of a deleted user, counts as signed out (the jwt callback in options.ts
 * checks the session version).
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.id) return null;
  return session.user;
}

/**
 * The signed-in user of a route handler's request, or null. It decodes the same session cookie
 * as `getSessionUser` but reads it from the request itself, so it also works where Next.js has
 * no request scope (the route server of the integration tests).
 */
export async function getSessionUserFromRequest(request: Request): Promise<SessionUser | null> {
  // Built from the URL and headers only: wrapping the request itself would consume its body,
  // which the tRPC handler still has to read for a mutation.
  const token = await getToken({
    req: new NextRequest(request.url, { headers: request.headers }),
    secret: getAuthOptions().secret,
  });
  if (!token?.sub || typeof token.email !== "string") return null;
  if (!(await isSessionTokenValid(getDb(), token))) return null;
  return { id: token.sub, email: token.email, name: token.name ?? null };
}
