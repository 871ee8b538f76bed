import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** Output types of the explorer procedures, as the pages receive them. */
type Outputs = inferRouterOutputs<AppRouter>;

export type TraceListPage = Outputs["traces"]["list"];
export type TraceListRow = TraceListPage["rows"][number];
export type TraceAggregates = TraceListRow["aggregates"];
export type TraceDetail = Outputs["traces"]["byId"];
export type TreeRow = TraceDetail["observations"][number];
export type ObservationSummary = Extract<TreeRow, { kind: "observation" }>["observation"];
export type ObservationDetail = Outputs["traces"]["observation"];
export type ScoreRecord = TraceDetail["scores"][number];
export type TraceFilterOptions = Outputs["traces"]["filterOptions"];
export type SessionListPage = Outputs["sessions"]["list"];
export type SessionDetail = Outputs["sessions"]["byId"];
export type UserListPage = Outputs["users"]["list"];
export type UserDetail = Outputs["users"]["byId"];
