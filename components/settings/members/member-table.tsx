"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useCurrentUser } from "@/components/layout/current-user";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatDate } from "@/lib/time/format";
import { ROLE_LABELS, ROLES, type ProjectRole } from "@/lib/roles";
import { ConfirmDialog } from "../confirm-dialog";
import { RoleSelect } from "../role-select";
import { ProjectRoleSelect } from "./project-role-select";
import { ResetLinkDialog } from "./reset-link-dialog";

/** Roles a project can narrow a member to; ownership is organization-wide. */
export type ProjectOnlyRole = Exclude<ProjectRole, "OWNER">;

export interface MemberRow {
  userId: string;
  email: string;
  name: string | null;
  role: ProjectRole;
  /** The narrower role on the project shown, or null when the organization role applies. */
  projectRole?: ProjectRole | null;
  createdAt: Date | string;
}

type DisplayedMember = MemberRow & {
  isCurrentUser: boolean;
  /** Whether the caller may change this member: never themselves, an owner only as owner. */
  isEditable: boolean;
};

/** Member changes the table offers; each one left out hides its controls. */
export interface MemberActions {
  changeRole?: (member: MemberRow, role: ProjectRole) => Promise<unknown>;
  /** Sets the member's narrower role on the project, or with null drops it. */
  changeProjectRole?: (member: MemberRow, role: ProjectOnlyRole | null) => Promise<unknown>;
  remove?: (member: MemberRow) => Promise<unknown>;
  createResetLink?: (member: MemberRow) => Promise<{ url: string }>;
}

interface MemberTableProps {
  members: MemberRow[];
  actions: MemberActions;
  /** Shows the project role column; off on the organization page. */
  showProjectRole: boolean;
  /** The caller's organization role; only an owner changes, resets or removes an owner. */
  callerRole: ProjectRole;
}

const NON_OWNER_ROLES = ROLES.filter((role) => role !== "OWNER");

function getMemberLabel(member: MemberRow): string {
  return member.name ? `${member.name} (${member.email})` : member.email;
}

/** Lists an organization's members with their roles and the changes the caller may make. */
export function MemberTable({ members, actions, showProjectRole, callerRole }: MemberTableProps) {
  const { timeZone } = useDisplayTimeZone();
  const currentEmail = useCurrentUser().email.toLowerCase();
  const rows = members.map((member) => {
    const isCurrentUser = member.email.toLowerCase() === currentEmail;
    const isEditable = !isCurrentUser && (member.role !== "OWNER" || callerRole === "OWNER");
    return { ...member, isCurrentUser, isEditable };
  });
  const assignableRoles = callerRole === "OWNER" ? ROLES : NON_OWNER_ROLES;
  const hasRowActions = Boolean(actions.remove || actions.createResetLink);
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Member</TableHead>
          <TableHead>Organization role</TableHead>
          {showProjectRole ? <TableHead>Project access</TableHead> : null}
          <TableHead className="hidden xl:table-cell">Joined</TableHead>
          {hasRowActions ? <TableHead className="w-px" /> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((member) => (
          <TableRow key={member.userId}>
            <TableCell className="max-w-72">
              <div className="flex items-center gap-1.5">
                <span className="truncate font-medium">{member.name ?? member.email}</span>
                {member.isCurrentUser ? <Badge variant="secondary">You</Badge> : null}
              </div>
              {member.name ? (
                <div className="truncate text-xs text-muted-foreground">{member.email}</div>
              ) : null}
            </TableCell>
            <TableCell>
              <OrganizationRoleCell
                member={member}
                roles={assignableRoles}
                changeRole={actions.changeRole}
              />
            </TableCell>
            {showProjectRole ? (
              <TableCell>
                {actions.changeProjectRole && member.role !== "OWNER" ? (
                  <ProjectRoleSelect
                    member={member}
                    onChange={(role) => actions.changeProjectRole!(member, role)}
                  />
                ) : (
                  <span className="text-muted-foreground">
                    {member.projectRole
                      ? `${ROLE_LABELS[member.projectRole]} on this project`
                      : "Same as organization"}
                  </span>
                )}
              </TableCell>
            ) : null}
            <TableCell className="hidden whitespace-nowrap tabular-nums xl:table-cell">
              {formatDate(member.createdAt, timeZone)}
            </TableCell>
            {hasRowActions ? (
              <TableCell className="text-right whitespace-nowrap">
                <MemberRowActions member={member} actions={actions} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function OrganizationRoleCell({
  member,
  roles,
  changeRole,
}: {
  member: DisplayedMember;
  roles: readonly ProjectRole[];
  changeRole: MemberActions["changeRole"];
}) {
  if (!changeRole || !member.isEditable) {
    return (
      <Badge variant={member.role === "OWNER" ? "default" : "outline"}>
        {ROLE_LABELS[member.role]}
      </Badge>
    );
  }
  return (
    <RoleSelect
      label={`Organization role of ${member.email}`}
      value={member.role}
      roles={roles}
      onChange={(role) => void changeRole(member, role).catch(() => undefined)}
    />
  );
}

function MemberRowActions({
  member,
  actions,
}: {
  member: DisplayedMember;
  actions: MemberActions;
}) {
  const label = getMemberLabel(member);
  const canChange = member.isEditable;
  return (
    <div className="flex justify-end gap-1">
      {actions.createResetLink && canChange ? (
        <ResetLinkDialog memberLabel={label} onCreate={() => actions.createResetLink!(member)} />
      ) : null}
      {actions.remove && canChange ? (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" aria-label={`Remove ${member.email}`}>
              Remove
            </Button>
          }
          title={`Remove ${member.name ?? member.email}?`}
          description="The member loses access to every project of the organization at once."
          confirmLabel="Remove member"
          onConfirm={() => actions.remove!(member)}
        />
      ) : null}
    </div>
  );
}
