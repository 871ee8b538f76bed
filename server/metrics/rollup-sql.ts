import { getLatencyBucketSql } from "./latency-histogram";

/**
 * The statements that rebuild whole UTC hours of one project's rollups from the raw tables.
 * Every statement takes $1 = project id and $2 = the hours (timestamptz[], each on a whole
 * hour); each hour covers [hour, hour + 1 h). The caller runs them in one transaction with the
 * session zone set to UTC, so date_trunc('hour', ...) means UTC hours.
 */

/**
 * Score names that count as end-user feedback ("was this helpful?"), compared in lower case
 * with "_" read as "-". A feedback score is positive when its value is 1 and negative when it
 * is 0; other values (ratings, categories) are not feedback. Any data type qualifies, because
 * SDKs send thumbs as NUMERIC 0/1 as often as BOOLEAN.
 */
export const FEEDBACK_SCORE_NAMES = [
  "helpful",
  "was-helpful",
  "user-feedback",
  "feedback",
  "thumbs",
  "thumbs-up",
] as const;

const FEEDBACK_NAME_LIST = FEEDBACK_SCORE_NAMES.map((name) => `'${name}'`).join(", ");

export const FEEDBACK_SCORE_CONDITION = `lower(replace(s.name, '_', '-')) IN (${FEEDBACK_NAME_LIST}) AND s.value IN (0, 1)`;

/** Tokens of one observation: the stored total, else input + output. */
export const OBSERVATION_TOKENS_SQL =
  "coalesce(o.total_tokens, coalesce(o.input_tokens, 0) + coalesce(o.output_tokens, 0))";

/**
 * Latency of a generation in ms; null for other types, for generations without an end time and
 * for an end before the start, which are left out of latency figures.
 */
export const GENERATION_LATENCY_MS_SQL =
  "CASE WHEN o.type = 'GENERATION' AND o.end_time >= o.start_time " +
  "THEN extract(epoch FROM o.end_time - o.start_time) * 1000 END";

export const CLAIM_DIRTY_HOURS_SQL = `
  WITH claimed AS (
    DELETE FROM rollup_dirty_hours
    WHERE project_id = $1 AND hour IN (
      SELECT hour FROM rollup_dirty_hours WHERE project_id = $1 ORDER BY hour LIMIT $2
    )
    RETURNING hour
  )
  SELECT DISTINCT date_trunc('hour', hour) AS hour FROM claimed`;

/**
 * Trace hours of the traces that own observations in the given hours. A trace's user and error
 * figures live in its own hour, so an observation arriving later in another hour changes them.
 */
export const SELECT_TRACE_HOURS_OF_OBSERVATIONS_SQL = `
  SELECT DISTINCT date_trunc('hour', t.timestamp) AS hour
  FROM unnest($2::timestamptz[]) AS h(hour)
  JOIN observations o
    ON o.project_id = $1 AND o.start_time >= h.hour AND o.start_time < h.hour + interval '1 hour'
  JOIN traces t ON t.project_id = o.project_id AND t.id = o.trace_id`;

export const DELETE_MODEL_HOURS_SQL =
  "DELETE FROM rollup_model_hours WHERE project_id = $1 AND hour = ANY($2::timestamptz[])";

export const INSERT_MODEL_HOURS_SQL = `
  WITH obs AS (
    SELECT h.hour, coalesce(o.model, '') AS model, o.type, o.level, o.input_tokens,
           o.output_tokens, ${OBSERVATION_TOKENS_SQL} AS tokens, o.total_cost,
           ${GENERATION_LATENCY_MS_SQL} AS latency_ms
    FROM unnest($2::timestamptz[]) AS h(hour)
    JOIN observations o
      ON o.project_id = $1 AND o.start_time >= h.hour AND o.start_time < h.hour + interval '1 hour'
  ),
  totals AS (
    SELECT hour, model,
           count(*) AS observation_count,
           count(*) FILTER (WHERE type = 'GENERATION') AS generation_count,
           count(*) FILTER (WHERE level = 'ERROR') AS error_count,
           coalesce(sum(input_tokens), 0) AS input_tokens,
           coalesce(sum(output_tokens), 0) AS output_tokens,
           coalesce(sum(tokens), 0) AS total_tokens,
           coalesce(sum(total_cost), 0) AS total_cost,
           count(total_cost) AS cost_known_count,
           count(latency_ms) AS latency_count,
           coalesce(sum(latency_ms), 0) AS latency_sum_ms
    FROM obs GROUP BY hour, model
  ),
  buckets AS (
    SELECT hour, model, ${getLatencyBucketSql("latency_ms")} AS bucket, count(*) AS n
    FROM obs WHERE latency_ms IS NOT NULL GROUP BY 1, 2, 3
  ),
  histograms AS (
    SELECT hour, model, array_agg(bucket ORDER BY bucket) AS buckets,
           array_agg(n::int ORDER BY bucket) AS counts
    FROM buckets GROUP BY hour, model
  )
  INSERT INTO rollup_model_hours (
    project_id, hour, model, observation_count, generation_count, error_count, input_tokens,
    output_tokens, total_tokens, total_cost, cost_known_count, latency_count, latency_sum_ms,
    latency_buckets, latency_bucket_counts)
  SELECT $1, t.hour, t.model, t.observation_count, t.generation_count, t.error_count,
         t.input_tokens, t.output_tokens, t.total_tokens, t.total_cost, t.cost_known_count,
         t.latency_count, t.latency_sum_ms, coalesce(hg.buckets, '{}'), coalesce(hg.counts, '{}')
  FROM totals t LEFT JOIN histograms hg USING (hour, model)`;

export const DELETE_USER_HOURS_SQL =
  "DELETE FROM rollup_user_hours WHERE project_id = $1 AND hour = ANY($2::timestamptz[])";

export const INSERT_USER_HOURS_SQL = `
  WITH tr AS (
    SELECT h.hour, t.id, t.user_id
    FROM unnest($2::timestamptz[]) AS h(hour)
    JOIN traces t
      ON t.project_id = $1 AND t.timestamp >= h.hour AND t.timestamp < h.hour + interval '1 hour'
    WHERE t.user_id IS NOT NULL
  ),
  per_trace AS (
    SELECT o.trace_id,
           count(*) FILTER (WHERE o.type = 'GENERATION') AS generation_count,
           sum(${OBSERVATION_TOKENS_SQL}) AS tokens,
           sum(o.total_cost) AS cost,
           count(o.total_cost) AS cost_known_count
    FROM observations o
    WHERE o.project_id = $1 AND o.trace_id IN (SELECT id FROM tr)
    GROUP BY o.trace_id
  )
  INSERT INTO rollup_user_hours (
    project_id, hour, user_id, trace_count, generation_count, total_tokens, total_cost,
    cost_known_count)
  SELECT $1, tr.hour, tr.user_id, count(*), coalesce(sum(p.generation_count), 0),
         coalesce(sum(p.tokens), 0), coalesce(sum(p.cost), 0), coalesce(sum(p.cost_known_count), 0)
  FROM tr LEFT JOIN per_trace p ON p.trace_id = tr.id
  GROUP BY tr.hour, tr.user_id`;

export const DELETE_PROJECT_HOURS_SQL =
  "DELETE FROM rollup_project_hours WHERE project_id = $1 AND hour = ANY($2::timestamptz[])";

/**
 * Rebuilds project rows: traces and error traces by trace hour, feedback by score hour, and the
 * latency histogram of all models merged from rollup_model_hours, which must already be
 * rebuilt for these hours.
 */
export const INSERT_PROJECT_HOURS_SQL = `
  WITH trace_totals AS (
    SELECT h.hour, count(*) AS trace_count,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM observations o
             WHERE o.project_id = $1 AND o.trace_id = t.id AND o.level = 'ERROR'
           )) AS error_trace_count
    FROM unnest($2::timestamptz[]) AS h(hour)
    JOIN traces t
      ON t.project_id = $1 AND t.timestamp >= h.hour AND t.timestamp < h.hour + interval '1 hour'
    GROUP BY h.hour
  ),
  feedback AS (
    SELECT h.hour, count(*) AS feedback_count,
           count(*) FILTER (WHERE s.value = 1) AS feedback_positive_count
    FROM unnest($2::timestamptz[]) AS h(hour)
    JOIN scores s
      ON s.project_id = $1 AND s.timestamp >= h.hour AND s.timestamp < h.hour + interval '1 hour'
    WHERE ${FEEDBACK_SCORE_CONDITION}
    GROUP BY h.hour
  ),
  model_rows AS (
    SELECT * FROM rollup_model_hours WHERE project_id = $1 AND hour = ANY($2::timestamptz[])
  ),
  latency_buckets AS (
    SELECT r.hour, b.bucket_index, sum(b.n) AS n
    FROM model_rows r, unnest(r.latency_buckets, r.latency_bucket_counts) AS b(bucket_index, n)
    GROUP BY 1, 2
  ),
  latency AS (
    SELECT hour, sum(n)::int AS latency_count,
           array_agg(bucket_index ORDER BY bucket_index) AS latency_buckets,
           array_agg(n::int ORDER BY bucket_index) AS latency_bucket_counts
    FROM latency_buckets GROUP BY hour
  ),
  latency_sums AS (
    SELECT hour, sum(latency_sum_ms) AS latency_sum_ms FROM model_rows GROUP BY hour
  )
  INSERT INTO rollup_project_hours (
    project_id, hour, trace_count, error_trace_count, feedback_count, feedback_positive_count,
    latency_count, latency_sum_ms, latency_buckets, latency_bucket_counts)
  SELECT $1, hour, coalesce(t.trace_count, 0), coalesce(t.error_trace_count, 0),
         coalesce(f.feedback_count, 0), coalesce(f.feedback_positive_count, 0),
         coalesce(l.latency_count, 0), coalesce(ls.latency_sum_ms, 0),
         coalesce(l.latency_buckets, '{}'), coalesce(l.latency_bucket_counts, '{}')
  FROM trace_totals t
  FULL JOIN feedback f USING (hour)
  FULL JOIN latency l USING (hour)
  LEFT JOIN latency_sums ls USING (hour)`;

export const DELETE_USER_DAYS_SQL =
  "DELETE FROM rollup_user_days WHERE project_id = $1 AND day = ANY($2::timestamptz[])";

/** Sums rollup_user_hours into UTC days. $2 contains the UTC midnights to rebuild. */
export const INSERT_USER_DAYS_SQL = `
  INSERT INTO rollup_user_days (
    project_id, day, user_id, trace_count, generation_count, total_tokens, total_cost,
    cost_known_count)
  SELECT $1, d.day, r.user_id, sum(r.trace_count), sum(r.generation_count),
         sum(r.total_tokens), sum(r.total_cost), sum(r.cost_known_count)
  FROM unnest($2::timestamptz[]) AS d(day)
  JOIN rollup_user_hours r
    ON r.project_id = $1 AND r.hour >= d.day AND r.hour < d.day + interval '1 day'
  GROUP BY d.day, r.user_id`;
