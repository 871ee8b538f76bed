import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../auth/credentials";
import { getDb, type Db } from "../db/client";
import type { Role } from "../db/generated/enums";
import type { TrpcContext } from "../trpc/trpc";

/** Creates a user with a unique email and, when `organizationId` is given, a membership. */
export async function createTestUser(
  organizationId?: string,
  role: Role = "MEMBER",
  db: Db = getDb(),
): Promise<SessionUser> {
  const email = `user-${randomBytes(6).toString("hex")}@example.test`;
  const user = await db.user.create({ data: { email } });
  if (organizationId) {
    await db.membership.create({ data: { organizationId, userId: user.id, role } });
  }
  return { id: user.id, email, name: null };
}

/** A tRPC context for direct callers, signed in as `user` or anonymous. */
export function createTestContext(user: SessionUser | null, db: Db = getDb()): TrpcContext {
  return { db, user, requestId: "test-request" };
}

/** Returns the tRPC error code a call fails with, or "OK" when it succeeds. */
export async function getErrorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
