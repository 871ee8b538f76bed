"use client";

import { useQuery } from "@tanstack/react-query";
import { Building2 } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useProjectRole } from "@/components/layout/project-role";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/roles";
import { useTRPC } from "@/lib/trpc/react";
import { cn } from "@/lib/utils";
import { getSettingsSegment, PROJECT_SETTINGS_NAV_ITEMS } from "./settings-nav";

/**
 * Renders the project settings heading and tab row above the current tab. Tabs above the
 * caller's role are left out, and a tab opened by address shows the role it needs instead.
 */
export function SettingsFrame({ projectId, children }: { projectId: string; children: ReactNode }) {
  const { role, canAtLeast } = useProjectRole();
  const segment = getSettingsSegment(usePathname());
  const current = PROJECT_SETTINGS_NAV_ITEMS.find((item) => item.segment === segment);
  const visibleItems = PROJECT_SETTINGS_NAV_ITEMS.filter((item) => canAtLeast(item.minimumRole));
  const base = `/project/${encodeURIComponent(projectId)}/settings`;
  const trpc = useTRPC();
  const organizationId = useQuery(trpc.projects.byId.queryOptions({ projectId })).data
    ?.organizationId;

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title="Project settings"
        description={`Your role in this project: ${ROLE_LABELS[role]}`}
        className="pb-0"
        actions={
          organizationId ? (
            <Button asChild variant="outline" size="sm">
              <Link href={`/organization/${encodeURIComponent(organizationId)}/settings`}>
                <Building2 aria-hidden />
                Organization settings
              </Link>
            </Button>
          ) : null
        }
      />
      <nav aria-label="Settings" className="flex gap-4 overflow-x-auto border-b">
        {visibleItems.map((item) => {
          const isActive = item.segment === segment;
          return (
            <Link
              key={item.segment}
              href={`${base}/${item.segment}`}
              aria-current={isActive ? "page" : undefined}
              className={cn(
                "-mb-px border-b-2 border-transparent px-0.5 pb-2 text-[13px] whitespace-nowrap " +
                  "text-muted-foreground transition-colors hover:text-foreground",
                isActive && "border-primary font-medium text-foreground",
              )}
            >
              {item.label}
            </Link>
          );
        })}
      </nav>
      {current && !canAtLeast(current.minimumRole) ? (
        <EmptyState
          title={`${current.label} needs the ${ROLE_LABELS[current.minimumRole]} role`}
          description="Ask an owner or admin of the organization for a higher role."
        />
      ) : (
        children
      )}
    </div>
  );
}
