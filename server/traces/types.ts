export const OBSERVATION_LEVELS = ["DEBUG", "DEFAULT", "WARNING", "ERROR"] as const;
export type ObservationLevel = (typeof OBSERVATION_LEVELS)[number];

export const OBSERVATION_TYPES = ["SPAN", "GENERATION", "EVENT"] as const;
export type ObservationType = (typeof OBSERVATION_TYPES)[number];

export type SortDirection = "asc" | "desc";

/** Trace list filters; every one narrows the result (AND). Unset fields do not filter. */
export interface TraceFilters {
  /** Inclusive lower bound on the trace timestamp. */
  from?: Date;
  /** Exclusive upper bound on the trace timestamp. */
  to?: Date;
  name?: string;
  userId?: string;
  sessionId?: string;
  /** Traces with at least one observation whose model is exactly this. */
  model?: string;
  /** Traces carrying every one of these tags. */
  tags?: string[];
  /** Traces with at least one observation at exactly this level. */
  level?: ObservationLevel;
  /** Case-insensitive substring of the trace name, or an exact trace id. */
  search?: string;
  environments?: string[];
  release?: string;
  version?: string;
  /** Traces with a generation that failed this safety check, or any check for "any". */
  safetyFlag?: string;
}

export const TRACE_SORT_FIELDS = ["timestamp", "latency", "cost", "tokens"] as const;
export type TraceSortField = (typeof TRACE_SORT_FIELDS)[number];

export interface TraceSort {
  field: TraceSortField;
  direction: SortDirection;
}

export const DEFAULT_TRACE_SORT: TraceSort = { field: "timestamp", direction: "desc" };

/** Keyset pagination for the UI: `cursor` is the previous page's `nextCursor`. */
export interface CursorPagination {
  mode: "cursor";
  cursor?: string | null;
  limit: number;
}

/** Offset pagination with exact totals, for the public API. `page` starts at 1. */
export interface PagePagination {
  mode: "page";
  page: number;
  limit: number;
}

export type Pagination = CursorPagination | PagePagination;

/** Per-trace figures computed from its observations. */
export interface TraceAggregates {
  observationCount: number;
  /** Null when no observation reported or counted tokens. */
  inputTokens: number | null;
  outputTokens: number | null;
  totalTokens: number | null;
  /** USD. Null when no observation had a cost, never 0 for "unknown". */
  totalCost: number | null;
  /** Generations without a cost: the total leaves them out. */
  unpricedGenerationCount: number;
  /** Max(end) − min(start) over the observations, in milliseconds; null without observations. */
  latencyMs: number | null;
  startTime: Date | null;
  endTime: Date | null;
  /** The maximum (most severe) observation level, null without observations. */
  level: ObservationLevel | null;
}

export interface TraceSummary {
  id: string;
  name: string | null;
  userId: string | null;
  sessionId: string | null;
  timestamp: Date;
  tags: string[];
  release: string | null;
  version: string | null;
  environment: string;
}

export interface TraceListRow extends TraceSummary {
  aggregates: TraceAggregates;
}

export interface CursorPage<Row> {
  rows: Row[];
  /** Null on the last page. */
  nextCursor: string | null;
}

export interface NumberedPage<Row> {
  rows: Row[];
  page: number;
  limit: number;
  totalItems: number;
  totalPages: number;
}
