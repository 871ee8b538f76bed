import type { ProjectRole } from "@/lib/roles";

export interface SettingsNavItem {
  label: string;
  /** The path segment after /project/[projectId]/settings. */
  segment: string;
  /** The lowest role shown the tab. The page's procedures check the role again. */
  minimumRole: ProjectRole;
}

/** The tabs of the project settings, in display order; the first is the default tab. */
export const PROJECT_SETTINGS_NAV_ITEMS: SettingsNavItem[] = [
  { label: "General", segment: "general", minimumRole: "VIEWER" },
  { label: "API keys", segment: "api-keys", minimumRole: "ADMIN" },
  { label: "Members", segment: "members", minimumRole: "VIEWER" },
  { label: "Audit log", segment: "audit-log", minimumRole: "ADMIN" },
  { label: "Redaction", segment: "redaction", minimumRole: "VIEWER" },
  { label: "Review", segment: "review", minimumRole: "VIEWER" },
];

export const DEFAULT_SETTINGS_SEGMENT = PROJECT_SETTINGS_NAV_ITEMS[0]!.segment;

/** Returns the settings tab of a project path: "/project/p1/settings/members" → "members". */
export function getSettingsSegment(pathname: string): string | null {
  const [, root, , section, segment] = pathname.split("/");
  if (root !== "project" || section !== "settings") return null;
  return segment ?? null;
}
