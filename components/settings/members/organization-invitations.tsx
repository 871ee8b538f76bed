"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MailPlus } from "lucide-react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/lib/trpc/react";
import { ErrorMessage } from "../error-message";
import { useOrigin } from "../use-origin";
import { InviteMemberDialog } from "./invite-member-dialog";
import { PendingInvitations } from "./pending-invitations";

interface OrganizationInvitationsProps {
  organizationId: string;
  organizationName: string;
}

/** Renders the invite button and the organization's pending invitations, for admins. */
export function OrganizationInvitations(props: OrganizationInvitationsProps) {
  const { organizationId } = props;
  const trpc = useTRPC();
  const origin = useOrigin();
  const queryClient = useQueryClient();
  const invitations = useQuery(
    trpc.invitations.list.queryOptions(
      { organizationId },
      { select: (rows) => rows.filter((row) => row.status === "PENDING") },
    ),
  );
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.invitations.pathKey() });
  const createInvitation = useMutation(trpc.invitations.create.mutationOptions({ onSuccess }));
  const revokeInvitation = useMutation(trpc.invitations.revoke.mutationOptions({ onSuccess }));

  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <div>
          <CardTitle>Invitations</CardTitle>
          <CardDescription>
            Invitation links let new people join {props.organizationName}; each works once.
          </CardDescription>
        </div>
        <InviteMemberDialog
          organizationName={props.organizationName}
          onInvite={async (input) => {
            const invitation = await createInvitation.mutateAsync({ organizationId, ...input });
            return { url: `${origin}${invitation.path}` };
          }}
        />
      </CardHeader>
      {invitations.isPending ? (
        <Skeleton className="mx-4 mb-3 h-12" />
      ) : invitations.error ? (
        <div className="px-4 pb-3">
          <ErrorMessage error={invitations.error} />
        </div>
      ) : invitations.data.length === 0 ? (
        <EmptyState icon={<MailPlus />} title="No pending invitations" className="py-6" />
      ) : (
        <div className="border-t">
          <PendingInvitations
            invitations={invitations.data}
            onRevoke={(invitation) =>
              revokeInvitation.mutateAsync({ organizationId, invitationId: invitation.id })
            }
          />
        </div>
      )}
    </Card>
  );
}
