import { andSql, queryRows, sql, type Sql, type SqlClient } from "./sql";

/** Values offered per filter dropdown, most frequent first. */
export const MAX_FILTER_OPTIONS = 100;

export interface FilterOption {
  value: string;
  count: number;
}

export interface TraceFilterOptions {
  names: FilterOption[];
  models: FilterOption[];
  tags: FilterOption[];
  userIds: FilterOption[];
  environments: FilterOption[];
}

export interface TimeWindow {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

async function topValues(db: SqlClient, valueSql: Sql, fromSql: Sql, where: Sql) {
  const rows = await queryRows<FilterOption>(
    db,
    sql`SELECT ${valueSql} AS value, count(*)::int AS count
      FROM ${fromSql}
      WHERE ${where} AND ${valueSql} IS NOT NULL
      GROUP BY 1 ORDER BY count DESC, value LIMIT ${MAX_FILTER_OPTIONS}`,
  );
  return rows;
}

/** Loads the values seen in the window for the trace list's filter dropdowns. */
export async function loadTraceFilterOptions(
  db: SqlClient,
  projectId: string,
  window: TimeWindow,
): Promise<TraceFilterOptions> {
  const traceWindow = andSql([
    sql`t.project_id = ${projectId}`,
    sql`t.timestamp >= ${window.from}`,
    sql`t.timestamp < ${window.to}`,
  ]);
  const observationWindow = andSql([
    sql`o.project_id = ${projectId}`,
    sql`o.start_time >= ${window.from}`,
    sql`o.start_time < ${window.to}`,
  ]);
  const [names, models, tags, userIds, environments] = await Promise.all([
    topValues(db, sql`t.name`, sql`traces t`, traceWindow),
    topValues(db, sql`o.model`, sql`observations o`, observationWindow),
    topValues(db, sql`tag`, sql`traces t CROSS JOIN LATERAL unnest(t.tags) AS tag`, traceWindow),
    topValues(db, sql`t.user_id`, sql`traces t`, traceWindow),
    topValues(db, sql`t.environment`, sql`traces t`, traceWindow),
  ]);
  return { names, models, tags, userIds, environments };
}
