import { AGGREGATE_SQL } from "./aggregates";
import { andSql, emptySql, queryRows, rawSql, sql, type Sql, type SqlClient } from "./sql";
import { escapeLikePattern } from "./trace-filters";
import type { NumberedPage, SortDirection } from "./types";

/**
 * Lists traces grouped by session or user: counts and first/last trace timestamps from the
 * traces, tokens and cost from their observations. Usage sums are computed for the page's groups
 * only, unless the list is sorted by them.
 */

export type GroupColumn = "session_id" | "user_id";

export const GROUP_SORT_FIELDS = ["lastSeen", "firstSeen", "traceCount", "tokens", "cost"] as const;
export type GroupSortField = (typeof GROUP_SORT_FIELDS)[number];

export interface GroupSort {
  field: GroupSortField;
  direction: SortDirection;
}

export interface GroupFilters {
  /** Inclusive lower bound on trace timestamps; only traces in the window count. */
  from?: Date;
  /** Exclusive upper bound on trace timestamps. */
  to?: Date;
  /** Case-insensitive substring of the session or user id. */
  search?: string;
  /** For sessions: only traces of this user. */
  userId?: string;
  /** Exactly this session or user id. */
  key?: string;
}

export interface TraceGroupRow {
  key: string;
  traceCount: number;
  firstSeen: Date;
  lastSeen: Date;
  totalTokens: number | null;
  /** USD; null when no observation of the group had a cost. */
  totalCost: number | null;
  /** Up to five distinct values of the other column: user ids of a session, or session count. */
  related: string[];
  relatedCount: number;
}

interface GroupRow {
  key: string;
  trace_count: number;
  first_seen: Date;
  last_seen: Date;
  total_tokens?: number | null;
  total_cost?: number | null;
  total_items: number;
}

interface UsageRow {
  key: string;
  total_tokens: number | null;
  total_cost: number | null;
}

const OTHER_COLUMN: Record<GroupColumn, GroupColumn> = {
  session_id: "user_id",
  user_id: "session_id",
};

const RELATED_SAMPLE_SIZE = 5;

/** The WHERE condition on traces `t` of the groups of `column` that match `filters`. */
export function groupConditions(
  projectId: string,
  column: GroupColumn,
  filters: GroupFilters,
): Sql {
  const conditions = [sql`t.project_id = ${projectId}`, sql`t.${rawSql(column)} IS NOT NULL`];
  if (filters.from) conditions.push(sql`t.timestamp >= ${filters.from}`);
  if (filters.to) conditions.push(sql`t.timestamp < ${filters.to}`);
  if (filters.userId !== undefined) conditions.push(sql`t.user_id = ${filters.userId}`);
  if (filters.key !== undefined) conditions.push(sql`t.${rawSql(column)} = ${filters.key}`);
  if (filters.search) {
    conditions.push(sql`t.${rawSql(column)} ILIKE ${`%${escapeLikePattern(filters.search)}%`}`);
  }
  return andSql(conditions);
}

function usageQuery(projectId: string, column: GroupColumn, conditions: Sql, keys?: string[]): Sql {
  const keyFilter = keys ? sql`AND t.${rawSql(column)} = ANY(${keys}::text[])` : emptySql;
  return sql`SELECT t.${rawSql(column)} AS key,
      ${rawSql(AGGREGATE_SQL.tokens)} AS total_tokens,
      ${rawSql(AGGREGATE_SQL.cost)} AS total_cost
    FROM traces t
    JOIN observations o ON o.project_id = ${projectId} AND o.trace_id = t.id
    WHERE ${conditions} ${keyFilter}
    GROUP BY t.${rawSql(column)}`;
}

// Groups without usage sort last in either direction.
function orderExpression(sort: GroupSort): Sql {
  const missing = sort.direction === "desc" ? "'-Infinity'::float8" : "'Infinity'::float8";
  const expressions: Record<GroupSortField, string> = {
    lastSeen: "g.last_seen",
    firstSeen: "g.first_seen",
    traceCount: "g.trace_count",
    tokens: `coalesce(u.total_tokens, ${missing})`,
    cost: `coalesce(u.total_cost, ${missing})`,
  };
  return rawSql(expressions[sort.field]);
}

function isUsageSort(field: GroupSortField): boolean {
  return field === "tokens" || field === "cost";
}

interface PageContext {
  db: SqlClient;
  projectId: string;
  column: GroupColumn;
  conditions: Sql;
}

/** Step 1: one page of groups with counts, and usage when the sort needs it for every group. */
async function loadGroupPage(
  context: PageContext,
  sort: GroupSort,
  pagination: { page: number; limit: number },
): Promise<GroupRow[]> {
  const { db, projectId, column, conditions } = context;
  const { page, limit } = pagination;
  const usageSort = isUsageSort(sort.field);
  const dir = rawSql(sort.direction === "desc" ? "DESC" : "ASC");
  return queryRows<GroupRow>(
    db,
    sql`WITH g AS (
        SELECT t.${rawSql(column)} AS key, count(*)::int AS trace_count,
          min(t.timestamp) AS first_seen, max(t.timestamp) AS last_seen
        FROM traces t WHERE ${conditions}
        GROUP BY t.${rawSql(column)}
      )${usageSort ? sql`, u AS (${usageQuery(projectId, column, conditions)})` : emptySql}
      SELECT g.*, count(*) OVER ()::int AS total_items
        ${usageSort ? sql`, u.total_tokens, u.total_cost` : emptySql}
      FROM g ${usageSort ? sql`LEFT JOIN u ON u.key = g.key` : emptySql}
      ORDER BY ${orderExpression(sort)} ${dir}, g.key ${dir}
      LIMIT ${limit} OFFSET ${(page - 1) * limit}`,
  );
}

interface RelatedRow {
  key: string;
  related: string[] | null;
  related_count: number;
}

/** Step 2: the other column's distinct values, for the page's groups only (DISTINCT is costly). */
async function loadGroupRelated(
  context: PageContext,
  keys: string[],
): Promise<Map<string, RelatedRow>> {
  const { db, column, conditions } = context;
  if (keys.length === 0) return new Map();
  const other = rawSql(OTHER_COLUMN[column]);
  const rows = await queryRows<RelatedRow>(
    db,
    sql`SELECT t.${rawSql(column)} AS key,
        (array_agg(DISTINCT t.${other}) FILTER (WHERE t.${other} IS NOT NULL))
          [1:${RELATED_SAMPLE_SIZE}] AS related,
        (count(DISTINCT t.${other}))::int AS related_count
      FROM traces t
      WHERE ${conditions} AND t.${rawSql(column)} = ANY(${keys}::text[])
      GROUP BY t.${rawSql(column)}`,
  );
  return new Map(rows.map((r) => [r.key, r]));
}

/** Step 3: token and cost sums for the page's groups, unless step 1 computed them. */
async function loadGroupUsage(
  context: PageContext,
  rows: GroupRow[],
  isComputed: boolean,
): Promise<Map<string, Omit<UsageRow, "key">>> {
  if (isComputed) {
    return new Map(
      rows.map((r) => [
        r.key,
        { total_tokens: r.total_tokens ?? null, total_cost: r.total_cost ?? null },
      ]),
    );
  }
  if (rows.length === 0) return new Map();
  const { db, projectId, column, conditions } = context;
  const keys = rows.map((r) => r.key);
  const usage = await queryRows<UsageRow>(db, usageQuery(projectId, column, conditions, keys));
  return new Map(
    usage.map((r) => [r.key, { total_tokens: r.total_tokens, total_cost: r.total_cost }]),
  );
}

async function countGroups(context: PageContext): Promise<number> {
  const { db, column, conditions } = context;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT t.${rawSql(column)})::int AS n FROM traces t WHERE ${conditions}`,
  );
  return row?.n ?? 0;
}

export async function listTraceGroups(
  db: SqlClient,
  projectId: string,
  column: GroupColumn,
  filters: GroupFilters,
  sort: GroupSort,
  pagination: { page: number; limit: number },
): Promise<NumberedPage<TraceGroupRow>> {
  const context = {
    db,
    projectId,
    column,
    conditions: groupConditions(projectId, column, filters),
  };
  const rows = await loadGroupPage(context, sort, pagination);

  const keys = rows.map((r) => r.key);
  const [totalItems, related, usage] = await Promise.all([
    rows[0]?.total_items ?? countGroups(context),
    loadGroupRelated(context, keys),
    loadGroupUsage(context, rows, isUsageSort(sort.field)),
  ]);

  return {
    rows: rows.map((row) => ({
      key: row.key,
      traceCount: row.trace_count,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      totalTokens: usage.get(row.key)?.total_tokens ?? null,
      totalCost: usage.get(row.key)?.total_cost ?? null,
      related: related.get(row.key)?.related ?? [],
      relatedCount: related.get(row.key)?.related_count ?? 0,
    })),
    page: pagination.page,
    limit: pagination.limit,
    totalItems,
    totalPages: Math.ceil(totalItems / pagination.limit),
  };
}
