"use client";

import { useQuery } from "@tanstack/react-query";
import { RoleGate } from "@/components/layout/project-role";
import { CopyId } from "@/components/traces/copy-id";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatTimestamp } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import { DeleteProjectCard } from "./delete-project-card";
import { RenameProjectForm } from "./rename-project-form";

/** Renders the general tab: the project's details, renaming and deleting. */
export function GeneralSettings({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const project = useQuery(trpc.projects.byId.queryOptions({ projectId }));
  const { timeZone } = useDisplayTimeZone();

  if (!project.data) return <Skeleton className="h-40 max-w-3xl" />;
  return (
    <div className="flex max-w-3xl flex-col gap-3">
      <Card>
        <CardHeader>
          <CardTitle>Project</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[9rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-[13px]">
            <dt className="text-muted-foreground">Name</dt>
            <dd className="truncate">{project.data.name}</dd>
            <dt className="text-muted-foreground">Project id</dt>
            <dd className="min-w-0">
              <CopyId id={project.data.id} />
            </dd>
            <dt className="text-muted-foreground">Organization</dt>
            <dd className="truncate">{project.data.organizationName}</dd>
            <dt className="text-muted-foreground">Created</dt>
            <dd className="tabular-nums">{formatTimestamp(project.data.createdAt, timeZone)}</dd>
          </dl>
        </CardContent>
      </Card>
      <RoleGate minimum="ADMIN">
        <RenameProjectForm projectId={projectId} name={project.data.name} />
      </RoleGate>
      <RoleGate minimum="OWNER">
        <DeleteProjectCard projectId={projectId} name={project.data.name} />
      </RoleGate>
    </div>
  );
}
