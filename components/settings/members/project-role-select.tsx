"use client";

import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { hasRoleAtLeast, ROLE_LABELS, ROLES } from "@/lib/roles";
import type { MemberRow, ProjectOnlyRole } from "./member-table";

const SAME_AS_ORGANIZATION = "inherit";

interface ProjectRoleSelectProps {
  member: MemberRow;
  onChange: (role: ProjectOnlyRole | null) => Promise<unknown>;
}

/**
 * Narrows a member's access to one project. Only roles below the organization role are offered,
 * because a project role can lower access but never raise it.
 */
export function ProjectRoleSelect({ member, onChange }: ProjectRoleSelectProps) {
  const lowerRoles = ROLES.filter(
    (role): role is ProjectOnlyRole => role !== member.role && hasRoleAtLeast(member.role, role),
  );
  if (lowerRoles.length === 0 && !member.projectRole) {
    return <span className="text-muted-foreground">Same as organization</span>;
  }
  return (
    <Select
      value={member.projectRole ?? SAME_AS_ORGANIZATION}
      onValueChange={(value) => {
        const role = value === SAME_AS_ORGANIZATION ? null : (value as ProjectOnlyRole);
        void onChange(role).catch(() => undefined);
      }}
    >
      <SelectTrigger size="sm" aria-label={`Project access of ${member.email}`} className="w-48">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={SAME_AS_ORGANIZATION}>Same as organization</SelectItem>
        {lowerRoles.map((role) => (
          <SelectItem key={role} value={role}>
            {ROLE_LABELS[role]} on this project
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
