import { hasRoleAtLeast } from "../auth/project-access";
import { recordAuditEvent, type AuditActor, type TransactionClient } from "../audit/record";
import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { AppError } from "../errors";

/**
 * Organization members: roles, removal, leaving and per-project narrowing. Every change that
 * can remove an owner locks the organization row first, so two owners demoting each other at
 * the same time cannot leave the organization without one.
 */

export interface MemberChange {
  organizationId: string;
  userId: string;
  actor: AuditActor & { userId: string };
  /** The acting user's role in the organization. */
  actorRole: Role;
}

export async function listMembers(db: Db, organizationId: string) {
  const [memberships, projectRoles] = await Promise.all([
    db.membership.findMany({
      where: { organizationId },
      select: {
        role: true,
        createdAt: true,
        user: { select: { id: true, email: true, name: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.projectMembership.findMany({
      where: { project: { organizationId } },
      select: { projectId: true, userId: true, role: true },
    }),
  ]);
  return memberships.map((m) => ({
    userId: m.user.id,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    createdAt: m.createdAt,
    projectRoles: projectRoles
      .filter((p) => p.userId === m.user.id)
      .map((p) => ({ projectId: p.projectId, role: p.role })),
  }));
}

export async function lockOrganization(tx: TransactionClient, organizationId: string) {
  await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${organizationId} FOR UPDATE`;
}

async function findMembershipOrThrow(
  tx: TransactionClient,
  organizationId: string,
  userId: string,
) {
  const membership = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
  });
  if (!membership) throw new AppError("NOT_FOUND", `Member ${userId} not found`, "userId");
  return membership;
}

/** Throws CONFLICT when `userId` is the organization's only owner. */
export async function assertAnotherOwnerRemains(
  tx: TransactionClient,
  organizationId: string,
  userId: string,
  message: string,
): Promise<void> {
  const otherOwners = await tx.membership.count({
    where: { organizationId, role: "OWNER", userId: { not: userId } },
  });
  if (otherOwners === 0) throw new AppError("CONFLICT", message);
}

// Only an owner may make someone an owner or change or remove an owner; an admin manages the
// other roles.
function assertMayTouchOwner(actorRole: Role, targetRole: Role, newRole?: Role): void {
  const touchesOwner = targetRole === "OWNER" || newRole === "OWNER";
  if (touchesOwner && !hasRoleAtLeast(actorRole, "OWNER")) {
    throw new AppError("FORBIDDEN", "Only an owner can grant, change or remove the OWNER role");
  }
}

export async function updateMemberRole(db: Db, change: MemberChange & { role: Role }) {
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, change.organizationId);
    const membership = await findMembershipOrThrow(tx, change.organizationId, change.userId);
    assertMayTouchOwner(change.actorRole, membership.role, change.role);
    if (membership.role === "OWNER" && change.role !== "OWNER") {
      await assertAnotherOwnerRemains(
        tx,
        change.organizationId,
        change.userId,
        "The last owner cannot be demoted; make another member owner first",
      );
    }
    const updated = await tx.membership.update({
      where: { id: membership.id },
      data: { role: change.role },
    });
    await recordAuditEvent(tx, {
      organizationId: change.organizationId,
      actor: change.actor,
      action: "member.update",
      resourceType: "member",
      resourceId: change.userId,
      before: { role: membership.role },
      after: { role: updated.role },
    });
    return { userId: change.userId, role: updated.role };
  });
}

async function deleteMembership(
  tx: TransactionClient,
  organizationId: string,
  userId: string,
): Promise<void> {
  await tx.projectMembership.deleteMany({ where: { userId, project: { organizationId } } });
  await tx.membership.delete({ where: { organizationId_userId: { organizationId, userId } } });
}

export async function removeMember(db: Db, change: MemberChange): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockOrganization(tx, change.organizationId);
    const membership = await findMembershipOrThrow(tx, change.organizationId, change.userId);
    assertMayTouchOwner(change.actorRole, membership.role);
    if (membership.role === "OWNER") {
      await assertAnotherOwnerRemains(
        tx,
        change.organizationId,
        change.userId,
        "The last owner cannot be removed; make another member owner first",
      );
    }
    await deleteMembership(tx, change.organizationId, change.userId);
    await recordAuditEvent(tx, {
      organizationId: change.organizationId,
      actor: change.actor,
      action: "member.remove",
      resourceType: "member",
      resourceId: change.userId,
      before: { role: membership.role },
    });
  });
}

export async function leaveOrganization(
  db: Db,
  params: { organizationId: string; userId: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockOrganization(tx, params.organizationId);
    const membership = await findMembershipOrThrow(tx, params.organizationId, params.userId);
    if (membership.role === "OWNER") {
      await assertAnotherOwnerRemains(
        tx,
        params.organizationId,
        params.userId,
        "The last owner cannot leave; make another member owner or delete the organization",
      );
    }
    await deleteMembership(tx, params.organizationId, params.userId);
    await recordAuditEvent(tx, {
      organizationId: params.organizationId,
      actor: { userId: params.userId },
      action: "member.leave",
      resourceType: "member",
      resourceId: params.userId,
      before: { role: membership.role },
    });
  });
}

/**
 * Sets or clears (role null) a member's role on one project. It only narrows: the effective
 * role is the lower of this and the organization role. Owners cannot be narrowed.
 */
export async function setProjectRole(
  db: Db,
  params: {
    organizationId: string;
    projectId: string;
    userId: string;
    role: Exclude<Role, "OWNER"> | null;
    actor: AuditActor;
  },
) {
  return db.$transaction(async (tx) => {
    const membership = await findMembershipOrThrow(tx, params.organizationId, params.userId);
    if (membership.role === "OWNER") {
      throw new AppError(
        "INVALID_INPUT",
        "An owner has every right on every project; change the organization role first",
        "userId",
      );
    }
    const key = { projectId_userId: { projectId: params.projectId, userId: params.userId } };
    const before = await tx.projectMembership.findUnique({ where: key });
    if (params.role) {
      await tx.projectMembership.upsert({
        where: key,
        create: { projectId: params.projectId, userId: params.userId, role: params.role },
        update: { role: params.role },
      });
    } else if (before) {
      await tx.projectMembership.delete({ where: key });
    }
    await recordAuditEvent(tx, {
      organizationId: params.organizationId,
      projectId: params.projectId,
      actor: params.actor,
      action: "project_member.update",
      resourceType: "project_member",
      resourceId: params.userId,
      before: { projectRole: before?.role ?? null },
      after: { projectRole: params.role },
    });
    return { userId: params.userId, projectId: params.projectId, projectRole: params.role };
  });
}
