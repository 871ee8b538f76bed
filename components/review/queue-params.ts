/**
 * Filters and page of the review queue in the URL, so a filtered queue can be shared or
 * reloaded: `?status=pending&reason=failed_check&assignee=me&label=tone&page=2`. The allowed values
 * come from the server's enums, so a hand-edited URL cannot produce a rejected request.
 */

/** Assignee filter values besides a user id. */
export const ASSIGNEE_ME = "me";
export const ASSIGNEE_NONE = "none";

export interface QueueFilters<Status extends string, Reason extends string> {
  status?: Status;
  reason?: Reason;
  /** `me`, `none` (unassigned) or a user id. */
  assignee?: string;
  label?: string;
}

export interface QueueState<Status extends string, Reason extends string> {
  filters: QueueFilters<Status, Reason>;
  page: number;
}

export interface QueueParamValues<Status extends string, Reason extends string> {
  statuses: readonly Status[];
  reasons: readonly Reason[];
  labels: readonly string[];
}

const MAX_ID_CHARS = 200;
const MAX_PAGE = 100_000;

function readChoice<Value extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly Value[],
): Value | undefined {
  const value = params.get(key);
  return allowed.includes(value as Value) ? (value as Value) : undefined;
}

export function parseQueueState<Status extends string, Reason extends string>(
  params: URLSearchParams,
  values: QueueParamValues<Status, Reason>,
): QueueState<Status, Reason> {
  const filters: QueueFilters<Status, Reason> = {};
  const status = readChoice(params, "status", values.statuses);
  if (status) filters.status = status;
  const reason = readChoice(params, "reason", values.reasons);
  if (reason) filters.reason = reason;
  const label = readChoice(params, "label", values.labels);
  if (label) filters.label = label;
  const assignee = params.get("assignee")?.trim().slice(0, MAX_ID_CHARS);
  if (assignee) filters.assignee = assignee;
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(params.get("page")) || 1)));
  return { filters, page };
}

/** Writes the state into `params`, leaving other parameters (a time range) as they are. */
export function writeQueueState<Status extends string, Reason extends string>(
  params: URLSearchParams,
  state: QueueState<Status, Reason>,
): void {
  const { filters } = state;
  for (const key of ["status", "reason", "assignee", "label"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  if (state.page > 1) params.set("page", String(state.page));
  else params.delete("page");
}

export function countQueueFilters(filters: QueueFilters<string, string>): number {
  return Object.values(filters).filter(Boolean).length;
}
