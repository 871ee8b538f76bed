import { AGGREGATE_SQL, EMPTY_AGGREGATES, loadTraceAggregates } from "./aggregates";
import { decodeTraceCursor, describeSort, encodeTraceCursor, type TraceCursor } from "./cursor";
import { emptySql, queryRows, rawSql, sql, type Sql, type SqlClient } from "./sql";
import { buildTraceConditions } from "./trace-filters";
import type {
  CursorPage,
  NumberedPage,
  Pagination,
  TraceFilters,
  TraceListRow,
  TraceSort,
  TraceSummary,
} from "./types";

export const MAX_TRACE_PAGE_SIZE = 100;

interface TraceSummaryRow {
  id: string;
  name: string | null;
  user_id: string | null;
  session_id: string | null;
  timestamp: Date;
  tags: string[] | null;
  release: string | null;
  version: string | null;
  environment: string;
  sort_value?: number | null;
  total_items?: number;
}

// Never input, output or metadata: those can be megabytes per trace.
const SUMMARY_COLUMNS = sql`t.id, t.name, t.user_id, t.session_id, t.timestamp, t.tags, t.release,
  t.version, t.environment`;

export function toTraceSummary(row: TraceSummaryRow): TraceSummary {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    sessionId: row.session_id,
    timestamp: row.timestamp,
    tags: row.tags ?? [],
    release: row.release,
    version: row.version,
    environment: row.environment,
  };
}

/**
 * The ORDER BY of a sort and the key the keyset compares. An aggregate sort keeps traces without
 * a value last in either direction by mapping null to -Infinity (desc) or +Infinity (asc). Ties
 * fall back to timestamp and id in the same direction, so the order is total and stable.
 * NOTE: an aggregate sort computes the aggregate for every trace of the filter, so its cost
 * grows with the window; only the window cap of the callers bounds it.
 */
function sortSql(sort: TraceSort): { select: Sql; join: Sql; key: Sql; orderBy: Sql } {
  const dir = rawSql(sort.direction === "desc" ? "DESC" : "ASC");
  if (sort.field === "timestamp") {
    return {
      select: emptySql,
      join: emptySql,
      key: sql`(t.timestamp, t.id)`,
      orderBy: sql`t.timestamp ${dir}, t.id ${dir}`,
    };
  }
  const nullValue = rawSql(
    sort.direction === "desc" ? "'-Infinity'::float8" : "'Infinity'::float8",
  );
  const sortValue = sql`coalesce(k.sort_value, ${nullValue})`;
  return {
    select: sql`, ${sortValue} AS sort_value`,
    join: sql`LEFT JOIN LATERAL (
      SELECT ${rawSql(AGGREGATE_SQL[sort.field])} AS sort_value
      FROM observations o WHERE o.project_id = t.project_id AND o.trace_id = t.id) k ON TRUE`,
    key: sql`(${sortValue}, t.timestamp, t.id)`,
    orderBy: sql`${sortValue} ${dir}, t.timestamp ${dir}, t.id ${dir}`,
  };
}

function keysetCondition(sort: TraceSort, key: Sql, cursor: TraceCursor | null): Sql {
  if (!cursor) return emptySql;
  const op = rawSql(sort.direction === "desc" ? "<" : ">");
  const position =
    sort.field === "timestamp"
      ? sql`(${cursor.timestamp}::timestamptz, ${cursor.id}::text)`
      : sql`(${String(cursor.sortValue)}::float8, ${cursor.timestamp}::timestamptz, ${cursor.id}::text)`;
  return sql`AND ${key} ${op} ${position}`;
}

function cursorAfter(sort: TraceSort, rows: TraceSummaryRow[]): string | null {
  const last = rows.at(-1);
  if (!last) return null;
  return encodeTraceCursor({
    sort: describeSort(sort),
    sortValue: sort.field === "timestamp" ? undefined : (last.sort_value ?? undefined),
    timestamp: last.timestamp,
    id: last.id,
  });
}

async function attachAggregates(
  db: SqlClient,
  projectId: string,
  rows: TraceSummaryRow[],
): Promise<TraceListRow[]> {
  const aggregates = await loadTraceAggregates(
    db,
    projectId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...toTraceSummary(row),
    aggregates: aggregates.get(row.id) ?? EMPTY_AGGREGATES,
  }));
}

async function listTracesByCursor(
  db: SqlClient,
  projectId: string,
  filters: TraceFilters,
  sort: TraceSort,
  cursorText: string | null | undefined,
  limit: number,
): Promise<CursorPage<TraceListRow>> {
  const cursor = cursorText ? decodeTraceCursor(cursorText, sort) : null;
  const order = sortSql(sort);
  const rows = await queryRows<TraceSummaryRow>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS} ${order.select}
      FROM traces t ${order.join}
      WHERE ${buildTraceConditions(projectId, filters)} ${keysetCondition(sort, order.key, cursor)}
      ORDER BY ${order.orderBy}
      LIMIT ${limit + 1}`,
  );
  const pageRows = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? cursorAfter(sort, pageRows) : null;
  return { rows: await attachAggregates(db, projectId, pageRows), nextCursor };
}

async function listTracesByPage(
  db: SqlClient,
  projectId: string,
  filters: TraceFilters,
  sort: TraceSort,
  page: number,
  limit: number,
): Promise<NumberedPage<TraceListRow> & CursorPage<TraceListRow>> {
  const order = sortSql(sort);
  const conditions = buildTraceConditions(projectId, filters);
  // One statement, so the total and the page come from the same snapshot.
  const rows = await queryRows<TraceSummaryRow>(
    db,
    sql`WITH total AS (SELECT count(*)::int AS total_items FROM traces t WHERE ${conditions})
      SELECT total.total_items, p.* FROM total LEFT JOIN (
        SELECT ${SUMMARY_COLUMNS} ${order.select}
        FROM traces t ${order.join}
        WHERE ${conditions}
        ORDER BY ${order.orderBy}
        LIMIT ${limit} OFFSET ${(page - 1) * limit}
      ) p ON TRUE`,
  );
  const totalItems = rows[0]?.total_items ?? 0;
  const pageRows = rows.filter((r) => r.id !== null);
  const totalPages = Math.ceil(totalItems / limit);
  return {
    rows: await attachAggregates(db, projectId, pageRows),
    page,
    limit,
    totalItems,
    totalPages,
    nextCursor: page < totalPages ? cursorAfter(sort, pageRows) : null,
  };
}

/**
 * Lists a project's traces with per-trace aggregates, computed for the returned page only.
 * Cursor pagination is keyset-based: rows inserted between pages never repeat a row. Page
 * pagination returns exact totals, but a trace inserted ahead of the current page shifts later
 * pages by one row. Its `nextCursor` continues after the page without that shift.
 */
export function listTraces(
  db: SqlClient,
  projectId: string,
  filters: TraceFilters,
  sort: TraceSort,
  pagination: Pagination & { mode: "cursor" },
): Promise<CursorPage<TraceListRow>>;
export function listTraces(
  db: SqlClient,
  projectId: string,
  filters: TraceFilters,
  sort: TraceSort,
  pagination: Pagination & { mode: "page" },
): Promise<NumberedPage<TraceListRow> & CursorPage<TraceListRow>>;
export function listTraces(
  db: SqlClient,
  projectId: string,
  filters: TraceFilters,
  sort: TraceSort,
  pagination: Pagination,
): Promise<CursorPage<TraceListRow> | NumberedPage<TraceListRow>> {
  const limit = Math.min(Math.max(1, Math.floor(pagination.limit)), MAX_TRACE_PAGE_SIZE);
  if (pagination.mode === "cursor") {
    return listTracesByCursor(db, projectId, filters, sort, pagination.cursor, limit);
  }
  const page = Math.max(1, Math.floor(pagination.page));
  return listTracesByPage(db, projectId, filters, sort, page, limit);
}
