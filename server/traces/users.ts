import { AppError } from "../errors";
import { AGGREGATE_SQL } from "./aggregates";
import { queryRows, rawSql, sql, type SqlClient } from "./sql";
import {
  listTraceGroups,
  type GroupFilters,
  type GroupSort,
  type TraceGroupRow,
} from "./trace-groups";
import type { NumberedPage } from "./types";

export interface UserRow {
  userId: string;
  traceCount: number;
  sessionCount: number;
  firstSeen: Date;
  lastSeen: Date;
  totalTokens: number | null;
  /** USD; null when none of the user's observations had a cost. */
  totalCost: number | null;
}

function toUserRow(group: TraceGroupRow): UserRow {
  return {
    userId: group.key,
    traceCount: group.traceCount,
    sessionCount: group.relatedCount,
    firstSeen: group.firstSeen,
    lastSeen: group.lastSeen,
    totalTokens: group.totalTokens,
    totalCost: group.totalCost,
  };
}

/** Lists the users seen in traces of the window with their trace, token and cost totals. */
export async function listUsers(
  db: SqlClient,
  projectId: string,
  filters: Omit<GroupFilters, "key" | "userId">,
  sort: GroupSort,
  pagination: { page: number; limit: number },
): Promise<NumberedPage<UserRow>> {
  const page = await listTraceGroups(db, projectId, "user_id", filters, sort, pagination);
  return { ...page, rows: page.rows.map(toUserRow) };
}

export interface UserModelUsage {
  model: string;
  generationCount: number;
  totalTokens: number | null;
  totalCost: number | null;
}

export interface UserDetail extends UserRow {
  /** The user's models, most expensive first, at most MAX_USER_MODELS. */
  models: UserModelUsage[];
}

export const MAX_USER_MODELS = 10;

interface ModelRow {
  model: string;
  generation_count: number;
  total_tokens: number | null;
  total_cost: number | null;
}

async function loadUserModels(
  db: SqlClient,
  projectId: string,
  userId: string,
): Promise<UserModelUsage[]> {
  const rows = await queryRows<ModelRow>(
    db,
    sql`SELECT o.model, count(*)::int AS generation_count,
        ${rawSql(AGGREGATE_SQL.tokens)} AS total_tokens, ${rawSql(AGGREGATE_SQL.cost)} AS total_cost
      FROM traces t
      JOIN observations o ON o.project_id = t.project_id AND o.trace_id = t.id
      WHERE t.project_id = ${projectId} AND t.user_id = ${userId} AND o.model IS NOT NULL
      GROUP BY o.model
      ORDER BY total_cost DESC NULLS LAST, total_tokens DESC NULLS LAST, o.model
      LIMIT ${MAX_USER_MODELS}`,
  );
  return rows.map((r) => ({
    model: r.model,
    generationCount: r.generation_count,
    totalTokens: r.total_tokens,
    totalCost: r.total_cost,
  }));
}

/** Loads a user's all-time totals and models; a user id without traces is NOT_FOUND. */
export async function getUserOrThrow(
  db: SqlClient,
  projectId: string,
  userId: string,
): Promise<UserDetail> {
  const groups = await listTraceGroups(
    db,
    projectId,
    "user_id",
    { key: userId },
    { field: "lastSeen", direction: "desc" },
    { page: 1, limit: 1 },
  );
  const group = groups.rows[0];
  if (!group) throw new AppError("NOT_FOUND", `User ${userId} not found in this project`);
  const models = await loadUserModels(db, projectId, userId);
  return { ...toUserRow(group), models };
}
