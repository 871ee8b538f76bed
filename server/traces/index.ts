/**
 * Read side of traces: lists and details of traces, observations, sessions and users. Every
 * query filters by project id, so a row of another project reads as NOT_FOUND.
 */
export { loadTraceAggregates } from "./aggregates";
export { loadTraceFilterOptions, MAX_FILTER_OPTIONS } from "./filter-options";
export type { FilterOption, TimeWindow, TraceFilterOptions } from "./filter-options";
export { getTraceOrThrow, getTraceRecordOrThrow } from "./get-trace";
export type { TraceDetail, TraceRecord } from "./get-trace";
export { listTraces, MAX_TRACE_PAGE_SIZE } from "./list-traces";
export { orderObservationTree } from "./observation-tree";
export type { ObservationTreeRow } from "./observation-tree";
export {
  getObservationOrThrow,
  listObservations,
  loadObservationDetails,
  loadObservationSummaries,
} from "./observations";
export type {
  ObservationDetail,
  ObservationFilters,
  ObservationSummary,
  ObservationWithScores,
} from "./observations";
export { loadScores } from "./scores";
export type { ScoreRecord } from "./scores";
export { getSessionOrThrow, listSessions, MAX_SESSION_TRACES } from "./sessions";
export type { SessionDetail, SessionRow, SessionTrace, TextPreview } from "./sessions";
export { GROUP_SORT_FIELDS } from "./trace-groups";
export type { GroupFilters, GroupSort, GroupSortField } from "./trace-groups";
export { getUserOrThrow, listUsers } from "./users";
export type { UserDetail, UserModelUsage, UserRow } from "./users";
export type { SqlClient } from "./sql";
export * from "./types";
