import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";

const ROLE_RANK: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function hasRoleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
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
  role: Role;
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
 * Returns the project with the user's role in its organization, or null when the project does
 * not exist or the user is not a member: callers report both as NOT_FOUND.
 */
export async function getProjectAccess(
  db: Db,
  userId: string,
  projectId: string,
): Promise<ProjectAccess | null> {
  const row = await db.project.findUnique({ where: { id: projectId }, select: PROJECT_SELECT });
  if (!row) return null;
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId: row.organizationId, userId } },
    select: { role: true },
  });
  if (!membership) return null;
  return { project: toSummary(row), role: membership.role };
}

/** Lists the projects of every organization the user belongs to, oldest first. */
export async function listProjectsForUser(
  db: Db,
  userId: string,
): Promise<(ProjectSummary & { role: Role })[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, organizationId: true },
  });
  const roleByOrganization = new Map(memberships.map((m) => [m.organizationId, m.role]));
  const rows = await db.project.findMany({
    where: { organizationId: { in: [...roleByOrganization.keys()] } },
    select: PROJECT_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    ...toSummary(row),
    role: roleByOrganization.get(row.organizationId)!,
  }));
}
