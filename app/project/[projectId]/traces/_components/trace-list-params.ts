/**
 * The trace list's filters and sort in the URL, so a filtered view can be shared or reloaded:
 * `?name=chat&user=u1&session=s1&model=gpt-4o&tag=a&tag=b&level=ERROR&flag=pii&q=text&sort=cost.desc`.
 */

export const TRACE_LEVEL_FILTERS = ["ERROR", "WARNING", "DEFAULT", "DEBUG"] as const;
export type TraceLevelFilter = (typeof TRACE_LEVEL_FILTERS)[number];
/** Safety checks of output analysis, and "any" for a trace with any failed check. */
export const SAFETY_FLAG_FILTERS = [
  "any",
  "jailbreak",
  "prompt_injection",
  "pii",
  "secret",
  "toxicity",
  "refusal",
] as const;
export type SafetyFlagFilter = (typeof SAFETY_FLAG_FILTERS)[number];
export const TRACE_SORT_FIELDS = ["timestamp", "latency", "tokens", "cost"] as const;
export type TraceSortField = (typeof TRACE_SORT_FIELDS)[number];

export interface TraceListFilters {
  name?: string;
  userId?: string;
  sessionId?: string;
  model?: string;
  tags?: string[];
  level?: TraceLevelFilter;
  safetyFlag?: SafetyFlagFilter;
  search?: string;
}

export interface TraceListSort {
  field: TraceSortField;
  direction: "asc" | "desc";
}

export const DEFAULT_TRACE_LIST_SORT: TraceListSort = { field: "timestamp", direction: "desc" };

// Matches the server's bounds, so a hand-edited URL cannot produce a rejected request.
const MAX_TEXT_CHARS = 200;
const MAX_TAGS = 20;

const TEXT_PARAMS = {
  name: "name",
  userId: "user",
  sessionId: "session",
  model: "model",
  search: "q",
} as const;

function readText(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key)?.trim();
  return value ? value.slice(0, MAX_TEXT_CHARS) : undefined;
}

export function parseTraceListFilters(params: URLSearchParams): TraceListFilters {
  const filters: TraceListFilters = {};
  for (const [field, key] of Object.entries(TEXT_PARAMS) as [keyof typeof TEXT_PARAMS, string][]) {
    const value = readText(params, key);
    if (value) filters[field] = value;
  }
  const tags = [
    ...new Set(
      params
        .getAll("tag")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  if (tags.length > 0)
    filters.tags = tags.slice(0, MAX_TAGS).map((t) => t.slice(0, MAX_TEXT_CHARS));
  const level = params.get("level");
  if (TRACE_LEVEL_FILTERS.includes(level as TraceLevelFilter))
    filters.level = level as TraceLevelFilter;
  const flag = params.get("flag");
  if (SAFETY_FLAG_FILTERS.includes(flag as SafetyFlagFilter)) {
    filters.safetyFlag = flag as SafetyFlagFilter;
  }
  return filters;
}

export function writeTraceListFilters(params: URLSearchParams, filters: TraceListFilters): void {
  for (const [field, key] of Object.entries(TEXT_PARAMS) as [keyof typeof TEXT_PARAMS, string][]) {
    const value = filters[field];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  params.delete("tag");
  for (const tag of filters.tags ?? []) params.append("tag", tag);
  if (filters.level) params.set("level", filters.level);
  else params.delete("level");
  if (filters.safetyFlag) params.set("flag", filters.safetyFlag);
  else params.delete("flag");
}

export function parseTraceListSort(params: URLSearchParams): TraceListSort {
  const [field, direction] = (params.get("sort") ?? "").split(".");
  if (!TRACE_SORT_FIELDS.includes(field as TraceSortField)) return DEFAULT_TRACE_LIST_SORT;
  return { field: field as TraceSortField, direction: direction === "asc" ? "asc" : "desc" };
}

export function writeTraceListSort(params: URLSearchParams, sort: TraceListSort): void {
  const isDefault =
    sort.field === DEFAULT_TRACE_LIST_SORT.field &&
    sort.direction === DEFAULT_TRACE_LIST_SORT.direction;
  if (isDefault) params.delete("sort");
  else params.set("sort", `${sort.field}.${sort.direction}`);
}

export function countActiveFilters(filters: TraceListFilters): number {
  return Object.values(filters).filter((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)))
    .length;
}
