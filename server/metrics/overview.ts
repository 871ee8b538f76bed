import type pg from "pg";
import type { ResolvedTimeWindow } from "@/lib/time/windows";
import { AppError } from "../errors";
import {
  addToHistogram,
  estimateLatencyPercentiles,
  mergeHistograms,
  type LatencyHistogram,
  type LatencyPercentiles,
} from "./latency-histogram";
import { getBucketSeriesSql, getBucketStartSql, WINDOW_CONDITION } from "./overview-sql";

/**
 * The overview dashboard's queries. They read only the hourly rollups (server/metrics/rollups),
 * never the raw observations, so their cost grows with hours × models, not with rows ingested.
 * Costs are null where no observation in scope had a known cost ("no price", not $0).
 */

export interface OverviewQuery {
  projectId: string;
  window: ResolvedTimeWindow;
  /** IANA zone whose local days make the day buckets. */
  timeZone: string;
}

export interface OverviewTotals {
  traceCount: number;
  errorTraceCount: number;
  /** Share of traces with at least one ERROR observation; null without traces. */
  errorRate: number | null;
  observationCount: number;
  generationCount: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  totalCost: number | null;
  /** Observations with a known cost; the rest are counted in totalCost as nothing. */
  costKnownCount: number;
  feedbackCount: number;
  feedbackPositiveCount: number;
  /** Positive feedback scores / all feedback scores; null without feedback. */
  helpfulShare: number | null;
}

export interface ActivityPoint {
  bucketStart: string;
  traces: number;
  generations: number;
  errorTraces: number;
  feedback: number;
  feedbackPositive: number;
}

export interface UsagePoint {
  bucketStart: string;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  totalCost: number | null;
  generations: number;
  costKnownCount: number;
}

export interface LatencyPoint extends LatencyPercentiles {
  bucketStart: string;
  count: number;
}

export interface LatencyOverview {
  series: LatencyPoint[];
  /** Percentiles over the whole window. */
  overall: LatencyPercentiles & { count: number; meanMs: number | null };
}

export interface TopModel {
  model: string;
  generationCount: number;
  totalTokens: number;
  totalCost: number | null;
  costKnownCount: number;
}

export interface TopUser {
  userId: string;
  traceCount: number;
  generationCount: number;
  totalTokens: number;
  totalCost: number | null;
}

type Row = Record<string, string | number | Date | null>;

const TOP_LIST_LIMIT = 10;

function toNumber(value: Row[string] | undefined): number {
  if (value === null || value === undefined || value instanceof Date) return 0;
  return Number(value);
}

function toCost(cost: Row[string] | undefined, knownCount: Row[string] | undefined) {
  return toNumber(knownCount) > 0 ? toNumber(cost) : null;
}

function toRatio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function toIso(value: Row[string] | undefined): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

// Passes $4 (the zone) only to statements that use it: Postgres rejects a parameter whose type
// it cannot infer from the statement.
async function runQuery(pool: pg.Pool, query: OverviewQuery, sql: string): Promise<Row[]> {
  const { projectId, window, timeZone } = query;
  const params: unknown[] = [projectId, window.from, window.to];
  if (sql.includes("$4")) params.push(timeZone);
  try {
    const result = await pool.query<Row>(sql, params);
    return result.rows;
  } catch (error) {
    // 22023: Postgres does not know the zone even though the JavaScript runtime accepted it.
    if ((error as { code?: string }).code === "22023") {
      throw new AppError("INVALID_INPUT", `Time zone ${timeZone} is not supported`, "timeZone");
    }
    throw error;
  }
}

/** True once any hour of the project has traces, observations or feedback in the rollups. */
export async function hasProjectData(pool: pg.Pool, projectId: string): Promise<boolean> {
  const result = await pool.query<{ has_data: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM rollup_project_hours WHERE project_id = $1)
         OR EXISTS (SELECT 1 FROM rollup_model_hours WHERE project_id = $1) AS has_data`,
    [projectId],
  );
  return result.rows[0]?.has_data ?? false;
}

/** Sums over the window for the KPI tiles. */
export async function getOverviewTotals(
  pool: pg.Pool,
  query: OverviewQuery,
): Promise<OverviewTotals> {
  const rows = await runQuery(
    pool,
    query,
    `SELECT
       (SELECT coalesce(sum(trace_count), 0) FROM rollup_project_hours r
        WHERE ${WINDOW_CONDITION}) AS trace_count,
       (SELECT coalesce(sum(error_trace_count), 0) FROM rollup_project_hours r
        WHERE ${WINDOW_CONDITION}) AS error_trace_count,
       (SELECT coalesce(sum(feedback_count), 0) FROM rollup_project_hours r
        WHERE ${WINDOW_CONDITION}) AS feedback_count,
       (SELECT coalesce(sum(feedback_positive_count), 0) FROM rollup_project_hours r
        WHERE ${WINDOW_CONDITION}) AS feedback_positive_count,
       m.*
     FROM (
       SELECT coalesce(sum(observation_count), 0) AS observation_count,
              coalesce(sum(generation_count), 0) AS generation_count,
              coalesce(sum(input_tokens), 0) AS input_tokens,
              coalesce(sum(output_tokens), 0) AS output_tokens,
              coalesce(sum(total_tokens), 0) AS total_tokens,
              coalesce(sum(total_cost), 0) AS total_cost,
              coalesce(sum(cost_known_count), 0) AS cost_known_count
       FROM rollup_model_hours r WHERE ${WINDOW_CONDITION}
     ) m`,
  );
  const row = rows[0] ?? {};
  const traceCount = toNumber(row.trace_count);
  const errorTraceCount = toNumber(row.error_trace_count);
  const feedbackCount = toNumber(row.feedback_count);
  const feedbackPositiveCount = toNumber(row.feedback_positive_count);
  return {
    traceCount,
    errorTraceCount,
    errorRate: toRatio(errorTraceCount, traceCount),
    observationCount: toNumber(row.observation_count),
    generationCount: toNumber(row.generation_count),
    inputTokens: toNumber(row.input_tokens),
    outputTokens: toNumber(row.output_tokens),
    totalTokens: toNumber(row.total_tokens),
    totalCost: toCost(row.total_cost, row.cost_known_count),
    costKnownCount: toNumber(row.cost_known_count),
    feedbackCount,
    feedbackPositiveCount,
    helpfulShare: toRatio(feedbackPositiveCount, feedbackCount),
  };
}

/** Traces (by trace time), generations (by start time) and feedback (by score time) per bucket. */
export async function getActivitySeries(
  pool: pg.Pool,
  query: OverviewQuery,
): Promise<ActivityPoint[]> {
  const bucket = getBucketStartSql(query.window.granularity);
  const rows = await runQuery(
    pool,
    query,
    `WITH buckets AS (${getBucketSeriesSql(query.window.granularity)}),
     traces AS (
       SELECT ${bucket} AS bucket_start, sum(trace_count) AS traces,
              sum(error_trace_count) AS error_traces, sum(feedback_count) AS feedback,
              sum(feedback_positive_count) AS feedback_positive
       FROM rollup_project_hours r WHERE ${WINDOW_CONDITION} GROUP BY 1
     ),
     generations AS (
       SELECT ${bucket} AS bucket_start, sum(generation_count) AS generations
       FROM rollup_model_hours r WHERE ${WINDOW_CONDITION} GROUP BY 1
     )
     SELECT b.bucket_start, t.traces, t.error_traces, t.feedback, t.feedback_positive,
            g.generations
     FROM buckets b
     LEFT JOIN traces t USING (bucket_start)
     LEFT JOIN generations g USING (bucket_start)
     ORDER BY b.bucket_start`,
  );
  return rows.map((row) => ({
    bucketStart: toIso(row.bucket_start),
    traces: toNumber(row.traces),
    generations: toNumber(row.generations),
    errorTraces: toNumber(row.error_traces),
    feedback: toNumber(row.feedback),
    feedbackPositive: toNumber(row.feedback_positive),
  }));
}

/** Tokens and cost per bucket. */
export async function getUsageSeries(pool: pg.Pool, query: OverviewQuery): Promise<UsagePoint[]> {
  const bucket = getBucketStartSql(query.window.granularity);
  const rows = await runQuery(
    pool,
    query,
    `WITH buckets AS (${getBucketSeriesSql(query.window.granularity)}),
     usage AS (
       SELECT ${bucket} AS bucket_start, sum(input_tokens) AS input_tokens,
              sum(output_tokens) AS output_tokens, sum(total_tokens) AS total_tokens,
              sum(total_cost) AS total_cost, sum(cost_known_count) AS cost_known_count,
              sum(generation_count) AS generations
       FROM rollup_model_hours r WHERE ${WINDOW_CONDITION} GROUP BY 1
     )
     SELECT * FROM buckets b LEFT JOIN usage u USING (bucket_start) ORDER BY b.bucket_start`,
  );
  return rows.map((row) => ({
    bucketStart: toIso(row.bucket_start),
    inputTokens: toNumber(row.input_tokens),
    outputTokens: toNumber(row.output_tokens),
    totalTokens: toNumber(row.total_tokens),
    totalCost: toCost(row.total_cost, row.cost_known_count),
    generations: toNumber(row.generations),
    costKnownCount: toNumber(row.cost_known_count),
  }));
}

/**
 * Generation latency percentiles per bucket and for the whole window, estimated from the merged
 * hourly histograms (see latency-histogram.ts for the error bound).
 */
export async function getLatencyOverview(
  pool: pg.Pool,
  query: OverviewQuery,
): Promise<LatencyOverview> {
  const bucket = getBucketStartSql(query.window.granularity);
  const rows = await runQuery(
    pool,
    query,
    `WITH buckets AS (${getBucketSeriesSql(query.window.granularity)}),
     counts AS (
       SELECT ${bucket} AS bucket_start, h.bucket_index, sum(h.n) AS n
       FROM rollup_project_hours r,
            unnest(r.latency_buckets, r.latency_bucket_counts) AS h(bucket_index, n)
       WHERE ${WINDOW_CONDITION} AND r.latency_count > 0
       GROUP BY 1, 2
     ),
     sums AS (
       SELECT sum(latency_sum_ms) AS latency_sum_ms FROM rollup_project_hours r
       WHERE ${WINDOW_CONDITION}
     )
     SELECT b.bucket_start, c.bucket_index, c.n, (SELECT latency_sum_ms FROM sums) AS sum_ms
     FROM buckets b LEFT JOIN counts c USING (bucket_start)
     ORDER BY b.bucket_start`,
  );
  return buildLatencyOverview(rows);
}

function buildLatencyOverview(rows: Row[]): LatencyOverview {
  const histograms = new Map<string, LatencyHistogram>();
  for (const row of rows) {
    const bucketStart = toIso(row.bucket_start);
    const histogram = histograms.get(bucketStart) ?? new Map();
    histograms.set(bucketStart, histogram);
    if (row.bucket_index !== null) {
      addToHistogram(histogram, toNumber(row.bucket_index), toNumber(row.n));
    }
  }

  const series = [...histograms].map(([bucketStart, histogram]) => ({
    bucketStart,
    count: countOf(histogram),
    ...estimateLatencyPercentiles(histogram),
  }));
  const merged = mergeHistograms(histograms.values());
  const count = countOf(merged);
  const sumMs = toNumber(rows[0]?.sum_ms);
  return {
    series,
    overall: {
      count,
      meanMs: count > 0 ? sumMs / count : null,
      ...estimateLatencyPercentiles(merged),
    },
  };
}

function countOf(histogram: LatencyHistogram): number {
  let total = 0;
  for (const count of histogram.values()) total += count;
  return total;
}

/** Models ranked by cost, then by generation count; observations without a model are left out. */
export async function getTopModels(pool: pg.Pool, query: OverviewQuery): Promise<TopModel[]> {
  const rows = await runQuery(
    pool,
    query,
    `SELECT model, sum(generation_count) AS generation_count, sum(total_tokens) AS total_tokens,
            sum(total_cost) AS total_cost, sum(cost_known_count) AS cost_known_count
     FROM rollup_model_hours r
     WHERE ${WINDOW_CONDITION} AND r.model <> ''
     GROUP BY model
     ORDER BY sum(total_cost) DESC, sum(generation_count) DESC, model
     LIMIT ${TOP_LIST_LIMIT}`,
  );
  return rows.map((row) => ({
    model: String(row.model),
    generationCount: toNumber(row.generation_count),
    totalTokens: toNumber(row.total_tokens),
    totalCost: toCost(row.total_cost, row.cost_known_count),
    costKnownCount: toNumber(row.cost_known_count),
  }));
}

/**
 * Users ranked by the cost of their traces, then by trace count. Whole UTC days of the window
 * come from rollup_user_days and only the partial first and last days from rollup_user_hours,
 * so a 30-day window reads about 30 rows per user instead of 720.
 * NOTE: a trace's cost counts in the trace's hour here but in each generation's start hour in
 * the usage series, so at the window's edges the two can differ by traces that span them.
 */
export async function getTopUsers(pool: pg.Pool, query: OverviewQuery): Promise<TopUser[]> {
  const { from, to } = query.window;
  const { daysFrom, daysTo } = getWholeUtcDays(from, to);
  const result = await pool.query<Row>(
    `SELECT user_id, sum(trace_count) AS trace_count, sum(generation_count) AS generation_count,
            sum(total_tokens) AS total_tokens, sum(total_cost) AS total_cost,
            sum(cost_known_count) AS cost_known_count
     FROM (
       SELECT user_id, trace_count, generation_count, total_tokens, total_cost, cost_known_count
       FROM rollup_user_days
       WHERE project_id = $1 AND day >= $4 AND day < $5
       UNION ALL
       SELECT user_id, trace_count, generation_count, total_tokens, total_cost, cost_known_count
       FROM rollup_user_hours
       WHERE project_id = $1
         AND ((hour >= $2 AND hour < $4) OR (hour >= $5 AND hour < $3))
     ) AS rows
     GROUP BY user_id
     ORDER BY sum(total_cost) DESC, sum(trace_count) DESC, user_id
     LIMIT ${TOP_LIST_LIMIT}`,
    [query.projectId, from, to, daysFrom, daysTo],
  );
  return result.rows.map((row) => ({
    userId: String(row.user_id),
    traceCount: toNumber(row.trace_count),
    generationCount: toNumber(row.generation_count),
    totalTokens: toNumber(row.total_tokens),
    totalCost: toCost(row.total_cost, row.cost_known_count),
  }));
}

const DAY_MS = 86_400_000;

/**
 * The whole UTC days inside [from, to), as [daysFrom, daysTo). Without a whole day both are
 * `to`, so the hourly part covers [from, to) alone.
 */
export function getWholeUtcDays(from: Date, to: Date): { daysFrom: Date; daysTo: Date } {
  const daysFrom = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
  const daysTo = new Date(Math.floor(to.getTime() / DAY_MS) * DAY_MS);
  if (daysFrom.getTime() >= daysTo.getTime()) return { daysFrom: to, daysTo: to };
  return { daysFrom, daysTo };
}
