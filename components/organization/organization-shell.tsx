"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { CurrentUserProvider } from "@/components/layout/current-user";
import { TimeZoneSelect } from "@/components/layout/time-zone-select";
import { UserMenu, type MenuUser } from "@/components/layout/user-menu";
import { TooltipProvider } from "@/components/ui/tooltip";
import { DisplayTimeZoneProvider } from "@/lib/time/display-time-zone";
import { hasRoleAtLeast, ROLE_LABELS, type ProjectRole } from "@/lib/roles";
import { cn } from "@/lib/utils";

interface OrganizationShellProps {
  organization: { id: string; name: string; role: ProjectRole };
  /** Target of "Back to projects": a project of this organization, or the home page. */
  backPath: string;
  user: MenuUser;
  children: ReactNode;
}

const TABS = [
  { label: "Settings", segment: "settings", minimumRole: "VIEWER" },
  { label: "Audit log", segment: "audit-log", minimumRole: "ADMIN" },
] as const;

/** Renders the frame of the /organization/[organizationId] pages: a top bar with tabs. */
export function OrganizationShell({
  organization,
  backPath,
  user,
  children,
}: OrganizationShellProps) {
  const pathname = usePathname();
  const base = `/organization/${encodeURIComponent(organization.id)}`;
  const tabs = TABS.filter((tab) => hasRoleAtLeast(organization.role, tab.minimumRole));
  return (
    <CurrentUserProvider user={user}>
      <DisplayTimeZoneProvider>
        <TooltipProvider delayDuration={200}>
          <div className="min-h-screen">
            <header className="sticky top-0 z-20 border-b bg-background/95 backdrop-blur">
              <div className="mx-auto flex h-11 max-w-6xl items-center gap-3 px-5">
                <Link
                  href={backPath}
                  className="flex items-center gap-1.5 text-[13px] text-muted-foreground hover:text-foreground"
                >
                  <ArrowLeft className="size-3.5" aria-hidden />
                  Back to projects
                </Link>
                <span className="text-muted-foreground/60">/</span>
                <span className="truncate text-[13px] font-medium">{organization.name}</span>
                <span className="text-xs text-muted-foreground">
                  {ROLE_LABELS[organization.role]}
                </span>
                <div className="ml-auto flex items-center gap-2">
                  <TimeZoneSelect />
                  <div className="w-48">
                    <UserMenu user={user} />
                  </div>
                </div>
              </div>
              <nav aria-label="Organization" className="mx-auto flex max-w-6xl gap-4 px-5">
                {tabs.map((tab) => {
                  const href = `${base}/${tab.segment}`;
                  const isActive = pathname.startsWith(href);
                  return (
                    <Link
                      key={tab.segment}
                      href={href}
                      aria-current={isActive ? "page" : undefined}
                      className={cn(
                        "-mb-px border-b-2 border-transparent pb-2 text-[13px] text-muted-foreground " +
                          "hover:text-foreground",
                        isActive && "border-primary font-medium text-foreground",
                      )}
                    >
                      {tab.label}
                    </Link>
                  );
                })}
              </nav>
            </header>
            <main className="mx-auto max-w-6xl px-5 py-4">{children}</main>
          </div>
        </TooltipProvider>
      </DisplayTimeZoneProvider>
    </CurrentUserProvider>
  );
}
