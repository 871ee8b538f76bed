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
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatTimestamp } from "@/lib/time/format";
import { ROLE_LABELS, type ProjectRole } from "@/lib/roles";
import { ConfirmDialog } from "../confirm-dialog";

export interface InvitationRow {
  id: string;
  email: string;
  role: ProjectRole;
  createdAt: Date | string;
  expiresAt: Date | string;
}

interface PendingInvitationsProps {
  invitations: InvitationRow[];
  /** Revokes an invitation; without it the table has no revoke buttons. */
  onRevoke?: (invitation: InvitationRow) => Promise<unknown>;
}

/** Lists pending invitations with their expiry and a revoke button. */
export function PendingInvitations({ invitations, onRevoke }: PendingInvitationsProps) {
  const { timeZone } = useDisplayTimeZone();
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Invited</TableHead>
          <TableHead>Expires</TableHead>
          {onRevoke ? <TableHead className="w-px" /> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {invitations.map((invitation) => (
          <TableRow key={invitation.id}>
            <TableCell className="max-w-72 truncate">{invitation.email}</TableCell>
            <TableCell>
              <Badge variant="outline">{ROLE_LABELS[invitation.role]}</Badge>
            </TableCell>
            <TableCell className="whitespace-nowrap tabular-nums">
              {formatTimestamp(invitation.createdAt, timeZone)}
            </TableCell>
            <TableCell className="whitespace-nowrap tabular-nums">
              {formatTimestamp(invitation.expiresAt, timeZone)}
            </TableCell>
            {onRevoke ? (
              <TableCell className="text-right">
                <ConfirmDialog
                  trigger={
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Revoke invitation for ${invitation.email}`}
                    >
                      Revoke
                    </Button>
                  }
                  title={`Revoke the invitation for ${invitation.email}?`}
                  description="The invitation link stops working. You can invite the person again."
                  confirmLabel="Revoke invitation"
                  onConfirm={() => onRevoke(invitation)}
                />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
