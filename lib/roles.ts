/**
 * Organization roles for the browser, highest first. The server decides access with
 * server/auth/project-access.ts. This copy only hides controls, and a test keeps the two equal.
 */
export const ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const;

export type ProjectRole = (typeof ROLES)[number];

const ROLE_RANK: Record<ProjectRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function hasRoleAtLeast(role: ProjectRole, minimum: ProjectRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

export const ROLE_LABELS: Record<ProjectRole, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MEMBER: "Member",
  VIEWER: "Viewer",
};

/** Summary of each role's permissions, for role pickers and the members page. */
export const ROLE_DESCRIPTIONS: Record<ProjectRole, string> = {
  OWNER: "Everything, including deleting the organization and transferring ownership",
  ADMIN: "Manages members, API keys and settings",
  MEMBER: "Works with traces, scores and reviews",
  VIEWER: "Reads everything and changes nothing",
};
