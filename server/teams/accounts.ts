import { recordAuditEvent, type TransactionClient } from "../audit/record";
import { normalizeEmail } from "../auth/credentials";
import { hasRoleAtLeast } from "../auth/project-access";
import { hashPassword, verifyPassword } from "../auth/passwords";
import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { AppError } from "../errors";
import { moduleLogger } from "../logger";
import { acceptInvitationInTransaction } from "./invitations";
import { generateLinkToken, hashLinkToken } from "./tokens";
import { isUniqueViolation } from "./unique-violation";

/**
 * Accounts: sign-up, password change, and password reset through a link an admin creates and
 * passes on (there is no mail server). Changing or resetting a password raises the user's
 * session version, which ends every session signed in before.
 */

const log = moduleLogger("accounts");

export const PASSWORD_RESET_TTL_HOURS = 24;
export const MIN_PASSWORD_LENGTH = 8;

// A password change is recorded in every organization of the user, since each one's admins
// may need to see it. For a reset, the actor is the admin who created the link.
async function recordPasswordEvent(
  tx: TransactionClient,
  userId: string,
  action: "user.password_change" | "user.password_reset",
  actorUserId: string | null,
): Promise<void> {
  const memberships = await tx.membership.findMany({
    where: { userId },
    select: { organizationId: true },
  });
  for (const { organizationId } of memberships) {
    await recordAuditEvent(tx, {
      organizationId,
      actor: { userId: actorUserId },
      action,
      resourceType: "user",
      resourceId: userId,
    });
  }
}

export async function signUp(
  db: Db,
  params: { email: string; name?: string | null; password: string; invitationToken?: string },
) {
  const email = normalizeEmail(params.email);
  const passwordHash = await hashPassword(params.password);
  try {
    return await createUserWithInvitation(db, { ...params, email, passwordHash });
  } catch (error) {
    // Two concurrent sign-ups with one email: the second insert hits the unique index.
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("CONFLICT", `An account for ${email} exists; sign in instead`, "email");
  }
}

function createUserWithInvitation(
  db: Db,
  params: { email: string; name?: string | null; passwordHash: string; invitationToken?: string },
) {
  const { email, passwordHash } = params;
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", `An account for ${email} exists; sign in instead`, "email");
    }
    const user = await tx.user.create({
      data: { email, name: params.name || null, passwordHash },
      select: { id: true, email: true, name: true },
    });
    const invitation = params.invitationToken
      ? await acceptInvitationInTransaction(tx, {
          token: params.invitationToken,
          userId: user.id,
          email,
        })
      : null;
    log.info({ userId: user.id, invited: Boolean(invitation) }, "user signed up");
    return { ...user, organizationId: invitation?.organizationId ?? null };
  });
}

export async function changePassword(
  db: Db,
  params: { userId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: params.userId } });
  const matches =
    user?.passwordHash && (await verifyPassword(params.currentPassword, user.passwordHash));
  if (!matches) {
    throw new AppError("INVALID_INPUT", "The current password is wrong", "currentPassword");
  }
  const passwordHash = await hashPassword(params.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: params.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await recordPasswordEvent(tx, params.userId, "user.password_change", params.userId);
  });
  log.info({ userId: params.userId }, "password changed");
}

/**
 * Creates a single-use reset link for a member of the organization. An admin may reset
 * members, admins and viewers; only an owner may reset an owner, so an admin cannot take over
 * an owner's account.
 */
export async function createPasswordResetLink(
  db: Db,
  params: { organizationId: string; userId: string; actorUserId: string; actorRole: Role },
) {
  const membership = await db.membership.findUnique({
    where: {
      organizationId_userId: { organizationId: params.organizationId, userId: params.userId },
    },
  });
  if (!membership) throw new AppError("NOT_FOUND", `Member ${params.userId} not found`, "userId");
  if (membership.role === "OWNER" && !hasRoleAtLeast(params.actorRole, "OWNER")) {
    throw new AppError("FORBIDDEN", "Only an owner can create a reset link for an owner");
  }

  const token = generateLinkToken();
  const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_HOURS * 60 * 60 * 1000);
  return db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.create({
      data: {
        userId: params.userId,
        tokenHash: hashLinkToken(token),
        createdByUserId: params.actorUserId,
        expiresAt,
      },
    });
    await recordAuditEvent(tx, {
      organizationId: params.organizationId,
      actor: { userId: params.actorUserId },
      action: "password_reset_link.create",
      resourceType: "user",
      resourceId: params.userId,
      after: { linkId: row.id, expiresAt },
    });
    return { token, path: `/reset-password/${token}`, expiresAt };
  });
}

/** Public: sets a new password with a reset link's token, once, before it expires. */
export async function resetPassword(
  db: Db,
  params: { token: string; newPassword: string },
): Promise<{ email: string }> {
  const tokenHash = hashLinkToken(params.token);
  // An unknown token fails before the costly hash; the claim below decides the rest.
  const link = await db.passwordResetToken.findUnique({
    where: { tokenHash },
    select: { id: true },
  });
  if (!link) throw new AppError("NOT_FOUND", "Reset link not found; ask for a new one", "token");
  const passwordHash = await hashPassword(params.newPassword);

  return db.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const row = await tx.passwordResetToken.findUniqueOrThrow({
      where: { id: link.id },
      include: { user: { select: { email: true } } },
    });
    if (claimed.count === 0) {
      const reason = row.usedAt ? "was already used" : "has expired";
      throw new AppError("CONFLICT", `This reset link ${reason}; ask for a new one`, "token");
    }
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await recordPasswordEvent(tx, row.userId, "user.password_reset", row.createdByUserId);
    log.info({ userId: row.userId }, "password reset with a link");
    return { email: row.user.email };
  });
}
