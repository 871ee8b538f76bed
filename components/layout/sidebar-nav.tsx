"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { cn } from "@/lib/utils";
import { getProjectSection, getRangeQuery, PROJECT_NAV_ITEMS } from "./nav-items";

/** Renders links to the project's sections, each keeping the current time range. */
export function SidebarNav({ projectId }: { projectId: string }) {
  const section = getProjectSection(usePathname());
  const rangeQuery = getRangeQuery(useSearchParams());
  const base = `/project/${encodeURIComponent(projectId)}`;
  return (
    <nav aria-label="Project" className="flex flex-col gap-0.5">
      {PROJECT_NAV_ITEMS.map(({ label, segment, icon: Icon }) => {
        const isActive = section === segment;
        return (
          <Link
            key={label}
            href={`${segment ? `${base}/${segment}` : base}${rangeQuery}`}
            aria-current={isActive ? "page" : undefined}
            className={cn(
              "flex h-8 items-center gap-2 rounded-md px-2 text-[13px] text-sidebar-foreground " +
                "transition-colors hover:bg-sidebar-accent",
              isActive && "bg-sidebar-accent font-medium text-foreground",
            )}
          >
            <Icon className="size-4 shrink-0 opacity-70" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
