import { recordAuditEvent, type AuditActor, type TransactionClient } from "../audit/record";
import { normalizeEmail } from "../auth/credentials";
import { hasRoleAtLeast } from "../auth/project-access";
import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { AppError } from "../errors";
import { generateLinkToken, hashLinkToken } from "./tokens";

/**
 * Invitations by email: the link carries a random token that is stored only hashed, expires
 * after INVITATION_TTL_DAYS and can be accepted once.
 */

export const INVITATION_TTL_DAYS = 7;

export type InvitationStatus = "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED";

interface InvitationRow {
  acceptedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

export function getInvitationStatus(row: InvitationRow, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return "ACCEPTED";
  if (row.revokedAt) return "REVOKED";
  return row.expiresAt <= now ? "EXPIRED" : "PENDING";
}

/** Path of the page that accepts an invitation; the caller puts its own origin in front. */
export function getInvitationPath(token: string): string {
  return `/invite/${token}`;
}

export async function createInvitation(
  db: Db,
  params: {
    organizationId: string;
    email: string;
    role: Role;
    actor: AuditActor & { userId: string };
    actorRole: Role;
  },
) {
  if (params.role === "OWNER" && !hasRoleAtLeast(params.actorRole, "OWNER")) {
    throw new AppError("FORBIDDEN", "Only an owner can invite an owner", "role");
  }
  const email = normalizeEmail(params.email);
  const existingMember = await db.membership.findFirst({
    where: { organizationId: params.organizationId, user: { email } },
    select: { id: true },
  });
  if (existingMember) {
    throw new AppError("CONFLICT", `${email} is already a member of this organization`, "email");
  }

  const token = generateLinkToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: {
        organizationId: params.organizationId,
        email,
        role: params.role,
        tokenHash: hashLinkToken(token),
        invitedByUserId: params.actor.userId,
        expiresAt,
      },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: "invitation.create",
      resourceType: "invitation",
      resourceId: invitation.id,
      after: { email, role: params.role, expiresAt },
    });
    return { ...invitation, token, path: getInvitationPath(token) };
  });
}

export async function listInvitations(db: Db, organizationId: string) {
  const rows = await db.invitation.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    status: getInvitationStatus(row),
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    acceptedAt: row.acceptedAt,
  }));
}

export async function revokeInvitation(
  db: Db,
  params: { organizationId: string; invitationId: string; actor: AuditActor },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const revoked = await tx.invitation.updateMany({
      where: {
        id: params.invitationId,
        organizationId: params.organizationId,
        acceptedAt: null,
        revokedAt: null,
      },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) {
      throw new AppError(
        "NOT_FOUND",
        `Pending invitation ${params.invitationId} not found`,
        "invitationId",
      );
    }
    await recordAuditEvent(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: "invitation.revoke",
      resourceType: "invitation",
      resourceId: params.invitationId,
    });
  });
}

/** Returns what the accept page shows before the visitor signs in or up. */
export async function getInvitationByToken(db: Db, token: string) {
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: { organization: { select: { name: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "Invitation not found; ask for a new link", "token");
  return {
    organizationName: row.organization.name,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
    status: getInvitationStatus(row),
  };
}

const UNUSABLE_MESSAGE: Record<Exclude<InvitationStatus, "PENDING">, string> = {
  ACCEPTED: "This invitation was already used; ask for a new link",
  REVOKED: "This invitation was revoked; ask for a new link",
  EXPIRED: "This invitation has expired; ask for a new link",
};

/**
 * Accepts an invitation for the user inside `tx`: marks it used (a conditional update, so two
 * concurrent accepts cannot both succeed) and adds the membership. The user's email must be
 * the invited one.
 */
export async function acceptInvitationInTransaction(
  tx: TransactionClient,
  params: { token: string; userId: string; email: string },
) {
  const row = await tx.invitation.findUnique({ where: { tokenHash: hashLinkToken(params.token) } });
  if (!row) throw new AppError("NOT_FOUND", "Invitation not found; ask for a new link", "token");
  const status = getInvitationStatus(row);
  if (status !== "PENDING") throw new AppError("CONFLICT", UNUSABLE_MESSAGE[status], "token");
  if (normalizeEmail(params.email) !== row.email) {
    throw new AppError(
      "FORBIDDEN",
      `This invitation is for ${row.email}; sign in with that email to accept it`,
      "token",
    );
  }

  const claimed = await tx.invitation.updateMany({
    where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date(), acceptedByUserId: params.userId },
  });
  if (claimed.count === 0) throw new AppError("CONFLICT", UNUSABLE_MESSAGE.ACCEPTED, "token");
  // An existing member keeps the role they have.
  await tx.membership.upsert({
    where: { organizationId_userId: { organizationId: row.organizationId, userId: params.userId } },
    create: { organizationId: row.organizationId, userId: params.userId, role: row.role },
    update: {},
  });
  await recordAuditEvent(tx, {
    organizationId: row.organizationId,
    actor: { userId: params.userId },
    action: "member.create",
    resourceType: "member",
    resourceId: params.userId,
    after: { role: row.role, invitationId: row.id },
  });
  const firstProject = await tx.project.findFirst({
    where: { organizationId: row.organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return { organizationId: row.organizationId, firstProjectId: firstProject?.id ?? null };
}

export function acceptInvitation(db: Db, params: { token: string; userId: string; email: string }) {
  return db.$transaction((tx) => acceptInvitationInTransaction(tx, params));
}
