import {
  CalendarCheck,
  ClipboardCheck,
  LayoutDashboard,
  LineChart,
  ListTree,
  MessagesSquare,
  Settings,
  ShieldCheck,
  Users,
  type LucideIcon,
} from "lucide-react";

export interface NavItem {
  label: string;
  /** The path segment after /project/[projectId]; "" is the overview. */
  segment: string;
  icon: LucideIcon;
}

export const PROJECT_NAV_ITEMS: NavItem[] = [
  { label: "Overview", segment: "", icon: LayoutDashboard },
  { label: "Traces", segment: "traces", icon: ListTree },
  { label: "Sessions", segment: "sessions", icon: MessagesSquare },
  { label: "Users", segment: "users", icon: Users },
  { label: "Quality", segment: "quality", icon: ShieldCheck },
  { label: "Drift", segment: "drift", icon: LineChart },
  { label: "Review", segment: "review", icon: ClipboardCheck },
  { label: "Audits", segment: "audits", icon: CalendarCheck },
  { label: "Settings", segment: "settings", icon: Settings },
];

/** The section segment of a project path: "/project/p1/traces/t9" → "traces", overview → "". */
export function getProjectSection(pathname: string): string {
  const [, root, , section] = pathname.split("/");
  return root === "project" ? (section ?? "") : "";
}

/** Sections whose next path segment is a page every project has, such as a settings tab. */
const SECTIONS_WITH_SHARED_PAGES = new Set(["settings"]);

/**
 * Returns the same page of another project. Ids below the section (a trace, a session) belong
 * to the current project only, so they are dropped. A settings tab and the query string (time
 * range, filters) are kept.
 */
export function getSwitchedProjectPath(pathname: string, search: string, projectId: string) {
  const section = getProjectSection(pathname);
  const base = `/project/${encodeURIComponent(projectId)}`;
  if (!section) return `${base}${search}`;
  const page = SECTIONS_WITH_SHARED_PAGES.has(section) ? pathname.split("/")[4] : undefined;
  return `${base}/${section}${page ? `/${page}` : ""}${search}`;
}

/** Query parameters of a time range, as the overview and the explorer pages read them. */
export const RANGE_PARAM_NAMES = ["range", "from", "to"] as const;

/**
 * Returns the time range of the current query as a query string ("?range=24h" or
 * "?from=…&to=…"), or "" without one. Filters and pages stay behind, because they belong to the
 * section they were set on.
 */
export function getRangeQuery(searchParams: URLSearchParams): string {
  const range = new URLSearchParams();
  for (const name of RANGE_PARAM_NAMES) {
    const value = searchParams.get(name);
    if (value) range.set(name, value);
  }
  return range.size > 0 ? `?${range.toString()}` : "";
}
