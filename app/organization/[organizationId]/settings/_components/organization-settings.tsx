"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorMessage } from "@/components/settings/error-message";
import { OrganizationInvitations } from "@/components/settings/members/organization-invitations";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { hasRoleAtLeast } from "@/lib/roles";
import { useTRPC } from "@/lib/trpc/react";
import { OrganizationApiKeys } from "./organization-api-keys";
import { OrganizationMembers } from "./organization-members";
import { OrganizationNameCard } from "./organization-name-card";
import { OrganizationProjects } from "./organization-projects";
import { OwnerActions } from "./owner-actions";

/** Renders the organization settings: name, projects, members, keys and owner actions. */
export function OrganizationSettings({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const organization = useQuery(trpc.organizations.get.queryOptions({ organizationId }));

  if (organization.isPending) return <Skeleton className="h-64" />;
  if (organization.error) return <ErrorMessage error={organization.error} />;

  const { role } = organization.data;
  const isAdmin = hasRoleAtLeast(role, "ADMIN");
  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title="Organization settings"
        description="Projects, members and keys shared by every project of the organization."
        className="pb-0"
      />
      <div className="grid gap-3 lg:grid-cols-2">
        <OrganizationNameCard organization={organization.data} canRename={isAdmin} />
        <OrganizationProjects organization={organization.data} canCreate={isAdmin} />
      </div>
      <OrganizationMembers organizationId={organizationId} callerRole={role} />
      {isAdmin ? (
        <>
          <OrganizationInvitations
            organizationId={organizationId}
            organizationName={organization.data.name}
          />
          <OrganizationApiKeys organizationId={organizationId} />
        </>
      ) : null}
      {role === "OWNER" ? <OwnerActions organization={organization.data} /> : null}
    </div>
  );
}
