import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { OrganizationShell } from "@/components/organization/organization-shell";
import { getServerCaller } from "@/lib/trpc/server";
import { getSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

interface OrganizationLayoutProps {
  children: ReactNode;
  params: Promise<{ organizationId: string }>;
}

async function getOrganizationOrNotFound(organizationId: string) {
  const caller = await getServerCaller();
  try {
    return await caller.organizations.get({ organizationId });
  } catch (error) {
    // Another organization looks exactly like one that does not exist.
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function OrganizationLayout({ children, params }: OrganizationLayoutProps) {
  const { organizationId } = await params;
  const user = await getSessionUser();
  if (!user) {
    const path = `/organization/${organizationId}/settings`;
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }

  const organization = await getOrganizationOrNotFound(organizationId);
  const firstProject = organization.projects[0];
  return (
    <OrganizationShell
      organization={{ id: organization.id, name: organization.name, role: organization.role }}
      backPath={firstProject ? `/project/${firstProject.id}` : "/"}
      user={{ email: user.email, name: user.name }}
    >
      {children}
    </OrganizationShell>
  );
}
