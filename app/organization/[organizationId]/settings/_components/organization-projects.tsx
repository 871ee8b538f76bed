"use client";

import Link from "next/link";
import { CreateProjectForm } from "@/components/organization/create-project-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatDate } from "@/lib/time/format";

interface OrganizationProjectsProps {
  organization: { id: string; projects: { id: string; name: string; createdAt: Date }[] };
  canCreate: boolean;
}

/** Lists the organization's projects; admins create new ones here. */
export function OrganizationProjects({ organization, canCreate }: OrganizationProjectsProps) {
  const { timeZone } = useDisplayTimeZone();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Projects</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {organization.projects.length === 0 ? (
          <p className="text-[13px] text-muted-foreground">No projects yet.</p>
        ) : (
          <ul className="flex flex-col divide-y text-[13px]">
            {organization.projects.map((project) => (
              <li key={project.id} className="flex items-center justify-between gap-3 py-1.5">
                <Link
                  href={`/project/${project.id}`}
                  className="truncate text-primary hover:underline"
                >
                  {project.name}
                </Link>
                <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                  created {formatDate(project.createdAt, timeZone)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canCreate ? (
          <div className="border-t pt-3">
            <CreateProjectForm organizationId={organization.id} />
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
