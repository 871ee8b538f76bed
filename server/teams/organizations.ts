import { recordAuditEvent, type AuditActor } from "../audit/record";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { moduleLogger } from "../logger";
import { assertAnotherOwnerRemains, lockOrganization } from "./members";
import { deleteProjectsWithData } from "./projects";

const log = moduleLogger("teams");

// For an organization deleted between the access check and the query.
function organizationNotFound(organizationId: string): AppError {
  return new AppError("NOT_FOUND", `Organization ${organizationId} not found`, "organizationId");
}

/**
 * Lists the user's organizations with the user's role and the number of projects. One query,
 * so an organization deleted meanwhile is either listed whole or not at all.
 */
export async function listOrganizationsForUser(db: Db, userId: string) {
  const organizations = await db.organization.findMany({
    where: { memberships: { some: { userId } } },
    select: {
      id: true,
      name: true,
      createdAt: true,
      _count: { select: { projects: true } },
      memberships: { where: { userId }, select: { role: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return organizations.flatMap(({ memberships, _count, ...organization }) => {
    const membership = memberships[0];
    if (!membership) return [];
    return [{ ...organization, projectCount: _count.projects, role: membership.role }];
  });
}

export async function getOrganizationDetail(db: Db, organizationId: string) {
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      createdAt: true,
      projects: {
        select: { id: true, name: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      _count: { select: { memberships: true } },
    },
  });
  if (!organization) throw organizationNotFound(organizationId);
  const { _count, ...rest } = organization;
  return { ...rest, memberCount: _count.memberships };
}

/** Creates an organization with the user as its owner. */
export async function createOrganization(db: Db, params: { name: string; userId: string }) {
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: {
        name: params.name,
        memberships: { create: { userId: params.userId, role: "OWNER" } },
      },
      select: { id: true, name: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: { userId: params.userId },
      action: "organization.create",
      resourceType: "organization",
      resourceId: organization.id,
      after: { name: organization.name },
    });
    return organization;
  });
}

export async function renameOrganization(
  db: Db,
  params: { organizationId: string; name: string; actor: AuditActor },
) {
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: params.organizationId } });
    if (!before) throw organizationNotFound(params.organizationId);
    const organization = await tx.organization.update({
      where: { id: params.organizationId },
      data: { name: params.name },
      select: { id: true, name: true },
    });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: params.actor,
      action: "organization.update",
      resourceType: "organization",
      resourceId: organization.id,
      before: { name: before.name },
      after: { name: organization.name },
    });
    return organization;
  });
}

/**
 * Deletes the organization, its projects with all their data, members, invitations and keys.
 * The audit log keeps its entries, including this deletion.
 */
export async function deleteOrganization(
  db: Db,
  params: { organizationId: string; actor: AuditActor },
): Promise<void> {
  const projects = await db.project.findMany({
    where: { organizationId: params.organizationId },
    select: { id: true },
  });
  await deleteProjectsWithData(db, {
    projectIds: projects.map((p) => p.id),
    organizationId: params.organizationId,
    actor: params.actor,
  });
  await db.$transaction(async (tx) => {
    const organization = await tx.organization.delete({ where: { id: params.organizationId } });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: params.actor,
      action: "organization.delete",
      resourceType: "organization",
      resourceId: organization.id,
      before: { name: organization.name },
    });
  });
  log.info({ organizationId: params.organizationId }, "organization deleted");
}

/** Makes another member owner and the current owner an admin, in one transaction. */
export async function transferOwnership(
  db: Db,
  params: { organizationId: string; fromUserId: string; toUserId: string },
) {
  if (params.fromUserId === params.toUserId) {
    throw new AppError(
      "INVALID_INPUT",
      "You are already an owner; choose another member",
      "userId",
    );
  }
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, params.organizationId);
    const target = await tx.membership.findUnique({
      where: {
        organizationId_userId: { organizationId: params.organizationId, userId: params.toUserId },
      },
    });
    if (!target) throw new AppError("NOT_FOUND", `Member ${params.toUserId} not found`, "userId");
    await tx.membership.update({ where: { id: target.id }, data: { role: "OWNER" } });
    // The new owner has every right on every project, so a narrowing of theirs is dropped.
    await tx.projectMembership.deleteMany({
      where: { userId: params.toUserId, project: { organizationId: params.organizationId } },
    });
    await assertAnotherOwnerRemains(tx, params.organizationId, params.fromUserId, "No owner left");
    await tx.membership.update({
      where: {
        organizationId_userId: { organizationId: params.organizationId, userId: params.fromUserId },
      },
      data: { role: "ADMIN" },
    });
    await recordAuditEvent(tx, {
      organizationId: params.organizationId,
      actor: { userId: params.fromUserId },
      action: "organization.transfer_ownership",
      resourceType: "organization",
      resourceId: params.organizationId,
      before: { ownerUserId: params.fromUserId, newOwnerRole: target.role },
      after: { ownerUserId: params.toUserId, previousOwnerRole: "ADMIN" },
    });
    return { organizationId: params.organizationId, ownerUserId: params.toUserId };
  });
}
