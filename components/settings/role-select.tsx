"use client";

import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type ProjectRole } from "@/lib/roles";

interface RoleSelectProps {
  value: ProjectRole;
  onChange: (role: ProjectRole) => void;
  /** Accessible name, e.g. "Role of ada@example.com". */
  label: string;
  /** Roles offered; all four by default. */
  roles?: readonly ProjectRole[];
  disabled?: boolean;
  id?: string;
}

/** Picks a role; hovering an option shows a summary of its permissions. */
export function RoleSelect({
  value,
  onChange,
  label,
  roles = ROLES,
  disabled,
  id,
}: RoleSelectProps) {
  return (
    <Select
      value={value}
      onValueChange={(role) => onChange(role as ProjectRole)}
      disabled={disabled}
    >
      <SelectTrigger id={id} size="sm" aria-label={label} className="w-28">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {roles.map((role) => (
          <SelectItem key={role} value={role} title={ROLE_DESCRIPTIONS[role]}>
            {ROLE_LABELS[role]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
