"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorMessage } from "@/components/settings/error-message";
import { MemberTable, type MemberActions } from "@/components/settings/members/member-table";
import { useOrigin } from "@/components/settings/use-origin";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { hasRoleAtLeast, type ProjectRole } from "@/lib/roles";
import { useTRPC } from "@/lib/trpc/react";

interface OrganizationMembersProps {
  organizationId: string;
  callerRole: ProjectRole;
}

/** Lists the organization's members; admins change roles, remove members and issue resets. */
export function OrganizationMembers({ organizationId, callerRole }: OrganizationMembersProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const origin = useOrigin();
  const members = useQuery(trpc.members.list.queryOptions({ organizationId }));
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() });
  const updateRole = useMutation(trpc.members.updateRole.mutationOptions({ onSuccess }));
  const removeMember = useMutation(trpc.members.remove.mutationOptions({ onSuccess }));
  const createResetLink = useMutation(trpc.account.createPasswordResetLink.mutationOptions());

  const actions: MemberActions = {};
  if (hasRoleAtLeast(callerRole, "ADMIN")) {
    actions.changeRole = (member, role) =>
      updateRole.mutateAsync({ organizationId, userId: member.userId, role });
    actions.remove = (member) =>
      removeMember.mutateAsync({ organizationId, userId: member.userId });
    actions.createResetLink = async (member) => {
      const link = await createResetLink.mutateAsync({ organizationId, userId: member.userId });
      return { url: `${origin}${link.path}` };
    };
  }

  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <div>
          <CardTitle>Members</CardTitle>
          <CardDescription>
            A member&apos;s role applies to every project; a project&apos;s members tab can lower it
            there.
          </CardDescription>
        </div>
      </CardHeader>
      {members.isPending ? (
        <Skeleton className="mx-4 mb-3 h-16" />
      ) : members.error ? (
        <div className="px-4 pb-3">
          <ErrorMessage error={members.error} />
        </div>
      ) : (
        <div className="border-t">
          <MemberTable
            members={members.data}
            actions={actions}
            callerRole={callerRole}
            showProjectRole={false}
          />
        </div>
      )}
      <div className="px-4 empty:hidden">
        <ErrorMessage error={updateRole.error} />
      </div>
    </Card>
  );
}
