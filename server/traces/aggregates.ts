import { queryRows, rawSql, sql, type SqlClient } from "./sql";
import type { ObservationLevel, TraceAggregates, TraceSortField } from "./types";

// Token count of one observation `o`: the reported total, else input + output.
const OBSERVATION_TOKENS =
  "coalesce(o.total_tokens, o.input_tokens + o.output_tokens, o.input_tokens, o.output_tokens)";

// Aggregate SQL over the observations `o` of one trace, by sort field. Latency is in milliseconds;
// an observation without an end time counts as ending when it started.
export const AGGREGATE_SQL: Record<Exclude<TraceSortField, "timestamp">, string> = {
  latency:
    "EXTRACT(EPOCH FROM max(coalesce(o.end_time, o.start_time)) - min(o.start_time))::float8 * 1000",
  cost: "sum(o.total_cost)::float8",
  tokens: `sum(${OBSERVATION_TOKENS})::float8`,
};

interface AggregateRow {
  trace_id: string;
  observation_count: number;
  input_tokens: number | null;
  output_tokens: number | null;
  total_tokens: number | null;
  total_cost: number | null;
  unpriced_generation_count: number;
  latency_ms: number | null;
  start_time: Date | null;
  end_time: Date | null;
  level: ObservationLevel | null;
}

export const EMPTY_AGGREGATES: TraceAggregates = {
  observationCount: 0,
  inputTokens: null,
  outputTokens: null,
  totalTokens: null,
  totalCost: null,
  unpricedGenerationCount: 0,
  latencyMs: null,
  startTime: null,
  endTime: null,
  level: null,
};

function toAggregates(row: AggregateRow): TraceAggregates {
  return {
    observationCount: row.observation_count,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    totalTokens: row.total_tokens,
    totalCost: row.total_cost,
    unpricedGenerationCount: row.unpriced_generation_count,
    latencyMs: row.latency_ms,
    startTime: row.start_time,
    endTime: row.end_time,
    level: row.level,
  };
}

/**
 * Loads the aggregates of the given traces in one grouped query. Traces without observations
 * get EMPTY_AGGREGATES.
 */
export async function loadTraceAggregates(
  db: SqlClient,
  projectId: string,
  traceIds: string[],
): Promise<Map<string, TraceAggregates>> {
  const result = new Map<string, TraceAggregates>();
  if (traceIds.length === 0) return result;
  const rows = await queryRows<AggregateRow>(
    db,
    sql`
      SELECT o.trace_id,
        count(*)::int AS observation_count,
        sum(o.input_tokens)::float8 AS input_tokens,
        sum(o.output_tokens)::float8 AS output_tokens,
        ${rawSql(AGGREGATE_SQL.tokens)} AS total_tokens,
        ${rawSql(AGGREGATE_SQL.cost)} AS total_cost,
        (count(*) FILTER (WHERE o.type = 'GENERATION' AND o.total_cost IS NULL))::int
          AS unpriced_generation_count,
        ${rawSql(AGGREGATE_SQL.latency)} AS latency_ms,
        min(o.start_time) AS start_time,
        max(coalesce(o.end_time, o.start_time)) AS end_time,
        max(o.level)::text AS level
      FROM observations o
      WHERE o.project_id = ${projectId} AND o.trace_id = ANY(${traceIds}::text[])
      GROUP BY o.trace_id`,
  );
  for (const row of rows) result.set(row.trace_id, toAggregates(row));
  for (const id of traceIds) if (!result.has(id)) result.set(id, EMPTY_AGGREGATES);
  return result;
}
