import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { getServerCaller } from "@/lib/trpc/server";
import { getSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

interface ProjectLayoutProps {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}

export default async function ProjectLayout({ children, params }: ProjectLayoutProps) {
  const { projectId } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/project/${projectId}`)}`);

  const caller = await getServerCaller();
  const projects = await caller.projects.list();
  // Another organization's project looks exactly like one that does not exist.
  const currentProject = projects.find((project) => project.id === projectId);
  if (!currentProject) notFound();
  // The role the server checks procedures against, narrowed to the project where that applies.
  const { role } = await caller.projects.byId({ projectId });

  const switcherProjects = projects.map(({ id, name, organizationName }) => ({
    id,
    name,
    organizationName,
  }));
  return (
    <AppShell
      projects={switcherProjects}
      currentProject={{
        id: currentProject.id,
        name: currentProject.name,
        organizationName: currentProject.organizationName,
      }}
      role={role}
      user={{ email: user.email, name: user.name }}
    >
      {children}
    </AppShell>
  );
}
