"use client";

import { ChevronRight } from "lucide-react";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { getProjectSection, PROJECT_NAV_ITEMS } from "./nav-items";
import { TimeZoneSelect } from "./time-zone-select";
import { useTopBarSlots } from "./top-bar-slots";

function getSectionLabel(pathname: string): string {
  const section = getProjectSection(pathname);
  const item = PROJECT_NAV_ITEMS.find((navItem) => navItem.segment === section);
  return item?.label ?? section;
}

/**
 * The bar above the page: project › section › page title slot, then actions and the zone.
 * `menu` is the navigation button of narrow screens, which hides itself on wide ones.
 */
export function TopBar({ projectName, menu }: { projectName: string; menu?: ReactNode }) {
  const pathname = usePathname();
  const { setTitleTarget, setActionsTarget } = useTopBarSlots();
  return (
    <header className="sticky top-0 z-20 flex h-11 shrink-0 items-center gap-3 border-b bg-background/95 px-3 backdrop-blur md:px-5 print:hidden">
      {menu}
      <div className="flex min-w-0 flex-1 items-center gap-1.5 text-[13px]">
        <span className="truncate text-muted-foreground">{projectName}</span>
        <ChevronRight className="size-3.5 shrink-0 text-muted-foreground/60" aria-hidden />
        <span className="shrink-0 font-medium">{getSectionLabel(pathname)}</span>
        <div ref={setTitleTarget} className="flex min-w-0 items-center gap-1.5 empty:hidden" />
      </div>
      <div ref={setActionsTarget} className="flex items-center gap-2 empty:hidden" />
      <TimeZoneSelect />
    </header>
  );
}
