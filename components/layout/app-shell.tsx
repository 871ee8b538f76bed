"use client";

import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { TooltipProvider } from "@/components/ui/tooltip";
import type { ProjectRole } from "@/lib/roles";
import { DisplayTimeZoneProvider } from "@/lib/time/display-time-zone";
import { CurrentUserProvider } from "./current-user";
import { MobileSidebar } from "./mobile-sidebar";
import { ProjectRoleProvider } from "./project-role";
import { ProjectSwitcher, type SwitcherProject } from "./project-switcher";
import { SidebarNav } from "./sidebar-nav";
import { TopBar } from "./top-bar";
import { TopBarSlotsProvider } from "./top-bar-slots";
import { UserMenu, type MenuUser } from "./user-menu";

export interface AppShellProps {
  projects: SwitcherProject[];
  currentProject: SwitcherProject;
  /** The caller's effective role on the current project; pages hide controls by it. */
  role: ProjectRole;
  user: MenuUser;
  children: ReactNode;
}

function Wordmark() {
  return (
    <Link href="/" className="flex items-center gap-2 px-2 text-sm font-semibold tracking-tight">
      <span
        aria-hidden
        className="flex size-5 items-center justify-center rounded-[5px] bg-primary text-[11px] font-bold text-primary-foreground"
      >
        D
      </span>
      Driftwatch
    </Link>
  );
}

function SidebarContents({ projects, currentProject, user }: SidebarContentsProps) {
  return (
    <aside className="sticky top-0 flex h-screen flex-col gap-4 px-3 py-3">
      <Wordmark />
      <Suspense>
        <ProjectSwitcher projects={projects} currentProjectId={currentProject.id} />
      </Suspense>
      <Suspense>
        <SidebarNav projectId={currentProject.id} />
      </Suspense>
      <div className="mt-auto border-t border-sidebar-border pt-2">
        <UserMenu user={user} />
      </div>
    </aside>
  );
}

type SidebarContentsProps = Pick<AppShellProps, "projects" | "currentProject" | "user">;

/**
 * The frame of every /project/[projectId] page: sidebar on the left, top bar, then the page.
 * Below the md breakpoint the sidebar moves behind a menu button in the top bar.
 */
export function AppShell({ projects, currentProject, role, user, children }: AppShellProps) {
  const sidebar = (
    <SidebarContents projects={projects} currentProject={currentProject} user={user} />
  );
  return (
    <CurrentUserProvider user={user}>
      <ProjectRoleProvider role={role}>
        <DisplayTimeZoneProvider>
          <TooltipProvider delayDuration={200}>
            <TopBarSlotsProvider>
              <div className="flex min-h-screen">
                {/* The column stretches to the page's height so its background never ends at the
                fold; the sidebar inside it stays in view while the page scrolls. */}
                <div className="hidden w-56 shrink-0 border-r border-sidebar-border bg-sidebar md:block print:hidden">
                  {sidebar}
                </div>
                <div className="flex min-w-0 flex-1 flex-col">
                  <TopBar
                    projectName={currentProject.name}
                    menu={<MobileSidebar>{sidebar}</MobileSidebar>}
                  />
                  <main className="flex-1 px-3 py-4 md:px-5">{children}</main>
                </div>
              </div>
            </TopBarSlotsProvider>
          </TooltipProvider>
        </DisplayTimeZoneProvider>
      </ProjectRoleProvider>
    </CurrentUserProvider>
  );
}
