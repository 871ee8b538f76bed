"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useProjectRole } from "@/components/layout/project-role";
import { ErrorMessage } from "@/components/settings/error-message";
import { MemberTable, type MemberActions } from "@/components/settings/members/member-table";
import { useOrigin } from "@/components/settings/use-origin";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { hasRoleAtLeast } from "@/lib/roles";
import { useTRPC } from "@/lib/trpc/react";
import { OrganizationInvitations } from "@/components/settings/members/organization-invitations";

/**
 * Renders the members tab: the organization's members with their access to this project.
 * Organization roles, removal and invitations need ADMIN in the organization; narrowing a
 * member's access to this project needs ADMIN on the project.
 */
export function ProjectMembers({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const origin = useOrigin();
  const queryClient = useQueryClient();
  const { canAtLeast } = useProjectRole();
  const project = useQuery(trpc.projects.byId.queryOptions({ projectId }));
  const members = useQuery(trpc.members.listForProject.queryOptions({ projectId }));
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() });
  const updateRole = useMutation(trpc.members.updateRole.mutationOptions({ onSuccess }));
  const removeMember = useMutation(trpc.members.remove.mutationOptions({ onSuccess }));
  const setProjectRole = useMutation(trpc.members.setProjectRole.mutationOptions({ onSuccess }));
  const createResetLink = useMutation(trpc.account.createPasswordResetLink.mutationOptions());

  if (!project.data || members.isPending) return <Skeleton className="h-48" />;
  if (members.error) return <ErrorMessage error={members.error} />;

  const { organizationId, organizationName } = project.data;
  const isOrganizationAdmin = hasRoleAtLeast(project.data.organizationRole, "ADMIN");
  const actions: MemberActions = {};
  if (isOrganizationAdmin) {
    actions.changeRole = (member, role) =>
      updateRole.mutateAsync({ organizationId, userId: member.userId, role });
    actions.remove = (member) =>
      removeMember.mutateAsync({ organizationId, userId: member.userId });
    actions.createResetLink = async (member) => {
      const link = await createResetLink.mutateAsync({ organizationId, userId: member.userId });
      return { url: `${origin}${link.path}` };
    };
  }
  if (canAtLeast("ADMIN")) {
    actions.changeProjectRole = (member, role) =>
      setProjectRole.mutateAsync({ projectId, userId: member.userId, role });
  }

  return (
    <div className="flex flex-col gap-3">
      <Card className="overflow-hidden">
        <CardHeader>
          <div>
            <CardTitle>Members of {organizationName}</CardTitle>
            <CardDescription>
              Everyone in the organization can open this project. Project access can only lower a
              member&apos;s organization role here.
            </CardDescription>
          </div>
        </CardHeader>
        <div className="flex flex-col gap-2 border-t">
          <MemberTable
            members={members.data}
            actions={actions}
            callerRole={project.data.organizationRole}
            showProjectRole
          />
        </div>
        <div className="px-4 empty:hidden">
          <ErrorMessage error={updateRole.error ?? setProjectRole.error} />
        </div>
      </Card>
      {isOrganizationAdmin ? (
        <OrganizationInvitations
          organizationId={organizationId}
          organizationName={organizationName}
        />
      ) : null}
    </div>
  );
}
