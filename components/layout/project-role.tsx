"use client";

import { createContext, useContext, type ReactNode } from "react";
import { hasRoleAtLeast, type ProjectRole } from "@/lib/roles";

const ProjectRoleContext = createContext<ProjectRole | null>(null);

/** Makes the caller's effective role on the current project readable below it. */
export function ProjectRoleProvider({
  role,
  children,
}: {
  role: ProjectRole;
  children: ReactNode;
}) {
  return <ProjectRoleContext.Provider value={role}>{children}</ProjectRoleContext.Provider>;
}

export interface ProjectRoleState {
  role: ProjectRole;
  /** Whether the caller's role is `minimum` or higher (OWNER > ADMIN > MEMBER > VIEWER). */
  canAtLeast: (minimum: ProjectRole) => boolean;
  /** MEMBER or higher: the caller may change data, VIEWER may not. */
  canEdit: boolean;
}

/**
 * Returns the caller's role on the current project, for hiding controls the role cannot use.
 * The server checks every mutation again, so hiding only spares the user a rejected request.
 */
export function useProjectRole(): ProjectRoleState {
  const role = useContext(ProjectRoleContext);
  if (!role) throw new Error("useProjectRole is only available inside a project page");
  return {
    role,
    canAtLeast: (minimum) => hasRoleAtLeast(role, minimum),
    canEdit: hasRoleAtLeast(role, "MEMBER"),
  };
}

/** Renders its children only for callers with `minimum` or a higher role; others see nothing. */
export function RoleGate({ minimum, children }: { minimum: ProjectRole; children: ReactNode }) {
  const { canAtLeast } = useProjectRole();
  return canAtLeast(minimum) ? children : null;
}
