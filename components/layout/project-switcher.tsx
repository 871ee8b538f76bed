"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { CreateProjectDialog } from "@/components/organization/create-project-dialog";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { hasRoleAtLeast } from "@/lib/roles";
import { useTRPC } from "@/lib/trpc/react";
import { getSwitchedProjectPath } from "./nav-items";

// The value of the last option, which opens the new project dialog instead of switching.
const CREATE_PROJECT_VALUE = "__create-project";

export interface SwitcherProject {
  id: string;
  name: string;
  organizationName: string;
}

function groupByOrganization(projects: SwitcherProject[]): [string, SwitcherProject[]][] {
  const groups = new Map<string, SwitcherProject[]>();
  for (const project of projects) {
    const group = groups.get(project.organizationName) ?? [];
    group.push(project);
    groups.set(project.organizationName, group);
  }
  return [...groups.entries()];
}

/**
 * Switches to another project and stays on the same page (overview, traces, a settings tab).
 * Admins of an organization also find "New project" here.
 */
export function ProjectSwitcher({
  projects,
  currentProjectId,
}: {
  projects: SwitcherProject[];
  currentProjectId: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const trpc = useTRPC();
  const organizations = useQuery(trpc.organizations.list.queryOptions());
  const [isCreateOpen, setCreateOpen] = useState(false);
  const adminOrganizations = (organizations.data ?? []).filter((organization) =>
    hasRoleAtLeast(organization.role, "ADMIN"),
  );

  function switchTo(projectId: string) {
    if (projectId === CREATE_PROJECT_VALUE) {
      setCreateOpen(true);
      return;
    }
    if (projectId === currentProjectId) return;
    const search = searchParams.size > 0 ? `?${searchParams.toString()}` : "";
    router.push(getSwitchedProjectPath(pathname, search, projectId));
  }

  return (
    <>
      <Select value={currentProjectId} onValueChange={switchTo}>
        <SelectTrigger aria-label="Project" className="w-full bg-card">
          <SelectValue placeholder="Select a project" />
        </SelectTrigger>
        <SelectContent>
          {groupByOrganization(projects).map(([organizationName, group]) => (
            <SelectGroup key={organizationName}>
              <SelectLabel>{organizationName}</SelectLabel>
              {group.map((project) => (
                <SelectItem key={project.id} value={project.id}>
                  {project.name}
                </SelectItem>
              ))}
            </SelectGroup>
          ))}
          {adminOrganizations.length > 0 ? (
            <>
              <SelectSeparator />
              <SelectItem value={CREATE_PROJECT_VALUE}>
                <Plus className="size-3.5" aria-hidden />
                New project
              </SelectItem>
            </>
          ) : null}
        </SelectContent>
      </Select>
      {adminOrganizations.length > 0 ? (
        <CreateProjectDialog
          organizations={adminOrganizations}
          open={isCreateOpen}
          onOpenChange={setCreateOpen}
        />
      ) : null}
    </>
  );
}
