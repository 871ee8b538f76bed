import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";

const ROLE_RANK: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function hasRoleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/**
 * Returns the role a member has on one project: the organization role, lowered to the
 * project role when the member has one there. A project role never raises access.
 */
export function getEffectiveRole(organizationRole: Role, projectRole: Role | null): Role {
  if (!projectRole) return organizationRole;
  return ROLE_RANK[projectRole] < ROLE_RANK[organizationRole] ? projectRole : organizationRole;
}

export interface ProjectSummary {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  createdAt: Date;
}

export interface ProjectAccess {
  project: ProjectSummary;
  /** The effective role on this project, after narrowing by a project role. */
  role: Role;
  organizationRole: Role;
}

const PROJECT_SELECT = {
  id: true,
  name: true,
  organizationId: true,
  createdAt: true,
  organization: { select: { name: true } },
} as const;

interface ProjectRow {
  id: string;
  name: string;
  organizationId: string;
  createdAt: Date;
  organization: { name: string };
}

function toSummary(row: ProjectRow): ProjectSummary {
  return {
    id: row.id,
    name: row.name,
    organizationId: row.organizationId,
    organizationName: row.organization.name,
    createdAt: row.createdAt,
  };
}

/**
 * Returns the project with the user's effective role on it, or null when the project does
 * not exist or the user is not a member: callers report both as NOT_FOUND.
 */
export async function getProjectAccess(
  db: Db,
  userId: string,
  projectId: string,
): Promise<ProjectAccess | null> {
  const row = await db.project.findUnique({ where: { id: projectId }, select: PROJECT_SELECT });
  if (!row) return null;
  const [membership, projectMembership] = await Promise.all([
    db.membership.findUnique({
      where: { organizationId_userId: { organizationId: row.organizationId, userId } },
      select: { role: true },
    }),
    db.projectMembership.findUnique({
      where: { projectId_userId: { projectId, userId } },
      select: { role: true },
    }),
  ]);
  if (!membership) return null;
  return {
    project: toSummary(row),
    role: getEffectiveRole(membership.role, projectMembership?.role ?? null),
    organizationRole: membership.role,
  };
}

export interface OrganizationAccess {
  organization: { id: string; name: string; createdAt: Date };
  role: Role;
}

/** Returns the organization with the user's role in it, or null when the user is no member. */
export async function getOrganizationAccess(
  db: Db,
  userId: string,
  organizationId: string,
): Promise<OrganizationAccess | null> {
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    select: { role: true, organization: { select: { id: true, name: true, createdAt: true } } },
  });
  if (!membership) return null;
  return { organization: membership.organization, role: membership.role };
}

/** Lists the projects of every organization the user belongs to, with the effective role. */
export async function listProjectsForUser(
  db: Db,
  userId: string,
): Promise<(ProjectSummary & { role: Role })[]> {
  const [memberships, projectMemberships] = await Promise.all([
    db.membership.findMany({ where: { userId }, select: { role: true, organizationId: true } }),
    db.projectMembership.findMany({ where: { userId }, select: { role: true, projectId: true } }),
  ]);
  const roleByOrganization = new Map(memberships.map((m) => [m.organizationId, m.role]));
  const roleByProject = new Map(projectMemberships.map((m) => [m.projectId, m.role]));
  const rows = await db.project.findMany({
    where: { organizationId: { in: [...roleByOrganization.keys()] } },
    select: PROJECT_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    ...toSummary(row),
    role: getEffectiveRole(
      roleByOrganization.get(row.organizationId)!,
      roleByProject.get(row.id) ?? null,
    ),
  }));
}
