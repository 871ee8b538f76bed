"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { getSwitchedProjectPath } from "./nav-items";

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

/** Switches to another project and stays on the same page (overview, traces, ...). */
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

  function switchTo(projectId: string) {
    if (projectId === currentProjectId) return;
    const search = searchParams.size > 0 ? `?${searchParams.toString()}` : "";
    router.push(getSwitchedProjectPath(pathname, search, projectId));
  }

  return (
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
      </SelectContent>
    </Select>
  );
}
