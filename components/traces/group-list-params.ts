/**
 * URL state of the session and user lists: `?q=text&sort=cost.desc&page=2`. The sort fields
 * are the server's group sorts.
 */

export const GROUP_SORT_FIELDS = ["lastSeen", "firstSeen", "traceCount", "tokens", "cost"] as const;
export type GroupSortField = (typeof GROUP_SORT_FIELDS)[number];

export interface GroupListState {
  search?: string;
  sort: { field: GroupSortField; direction: "asc" | "desc" };
  page: number;
}

const MAX_SEARCH_CHARS = 200;
const MAX_PAGE = 100_000;
export const DEFAULT_GROUP_SORT = { field: "lastSeen", direction: "desc" } as const;

export function parseGroupListState(params: URLSearchParams): GroupListState {
  const search = params.get("q")?.trim().slice(0, MAX_SEARCH_CHARS) || undefined;
  const [field, direction] = (params.get("sort") ?? "").split(".");
  const sort = GROUP_SORT_FIELDS.includes(field as GroupSortField)
    ? {
        field: field as GroupSortField,
        direction: direction === "asc" ? ("asc" as const) : ("desc" as const),
      }
    : { ...DEFAULT_GROUP_SORT };
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(params.get("page")) || 1)));
  return { search, sort, page };
}

export function writeGroupListState(params: URLSearchParams, state: GroupListState): void {
  if (state.search) params.set("q", state.search);
  else params.delete("q");
  const isDefaultSort =
    state.sort.field === DEFAULT_GROUP_SORT.field &&
    state.sort.direction === DEFAULT_GROUP_SORT.direction;
  if (isDefaultSort) params.delete("sort");
  else params.set("sort", `${state.sort.field}.${state.sort.direction}`);
  if (state.page > 1) params.set("page", String(state.page));
  else params.delete("page");
}
