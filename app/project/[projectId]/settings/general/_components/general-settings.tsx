"use client";

import { useQuery } from "@tanstack/react-query";
import { CopyId } from "@/components/traces/copy-id";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatTimestamp } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";

/** Renders the general tab: the project's name, id, organization and creation time. */
export function GeneralSettings({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const project = useQuery(trpc.projects.byId.queryOptions({ projectId }));
  const { timeZone } = useDisplayTimeZone();

  return (
    <Card className="max-w-3xl">
      <CardHeader>
        <CardTitle>Project</CardTitle>
      </CardHeader>
      <CardContent>
        {project.data ? (
          <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-[13px]">
            <dt className="text-muted-foreground">Name</dt>
            <dd>{project.data.name}</dd>
            <dt className="text-muted-foreground">Project id</dt>
            <dd>
              <CopyId id={project.data.id} />
            </dd>
            <dt className="text-muted-foreground">Organization</dt>
            <dd>{project.data.organizationName}</dd>
            <dt className="text-muted-foreground">Created</dt>
            <dd>{formatTimestamp(project.data.createdAt, timeZone)}</dd>
          </dl>
        ) : (
          <Skeleton className="h-24" />
        )}
      </CardContent>
    </Card>
  );
}
