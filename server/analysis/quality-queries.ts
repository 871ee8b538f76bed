import type pg from "pg";
import type { ResolvedTimeWindow } from "@/lib/time/windows";
import { getBucketSeriesSql } from "../metrics/overview-sql";
import { FEEDBACK_SCORE_CONDITION } from "../metrics/rollup-sql";
import { extractText } from "./text";
import type { SafetyCheck } from "./types";

/**
 * The Quality page's queries over observation_measures. Parameters: $1 project id, $2 window
 * start, $3 window end (exclusive), $4 display zone, $5 model, $6 prompt name, $7 prompt
 * version (each null for all). Relative perplexity (char_ngram) and log-probability perplexity
 * are averaged apart, because their scales differ.
 */

export interface QualityQuery {
  projectId: string;
  window: ResolvedTimeWindow;
  timeZone: string;
  model?: string | null;
  promptName?: string | null;
  promptVersion?: number | null;
}

// "$4::text IS NOT NULL" is always true: it gives $4 a type in queries that do not bucket by
// day, because Postgres rejects a parameter it cannot type.
const SCOPE = `m.project_id = $1 AND m.start_time >= $2 AND m.start_time < $3
  AND $4::text IS NOT NULL AND ($5::text IS NULL OR m.model = $5) AND ($6::text IS NULL OR m.prompt_name = $6)
  AND ($7::int IS NULL OR m.prompt_version = $7)`;

// Feedback of traces with a generation in scope, by score time.
const FEEDBACK_SCOPE = `s.project_id = $1 AND s.timestamp >= $2 AND s.timestamp < $3
  AND ${FEEDBACK_SCORE_CONDITION}
  AND ($5::text IS NULL AND $6::text IS NULL AND $7::int IS NULL OR s.trace_id IN (
    SELECT m.trace_id FROM observation_measures m WHERE ${SCOPE}))`;

const AGGREGATES = `count(*)::int AS generations,
  avg(m.toxicity) AS toxicity,
  avg(m.output_words) AS output_words,
  avg(m.output_tokens) AS output_tokens,
  avg(m.perplexity) FILTER (WHERE m.perplexity_source = 'char_ngram') AS relative_perplexity,
  avg(m.perplexity) FILTER (WHERE m.perplexity_source = 'logprobs') AS logprob_perplexity,
  avg(m.consistency) FILTER (WHERE m.consistency_peers > 0) AS consistency,
  count(*) FILTER (WHERE cardinality(m.flags) > 0)::int AS flagged,
  count(*) FILTER (WHERE m.refusal)::int AS refusals`;

function bucketStart(window: ResolvedTimeWindow, column: string): string {
  if (window.granularity === "hour") return `date_trunc('hour', ${column})`;
  return `(date_trunc('day', ${column} AT TIME ZONE $4) AT TIME ZONE $4)`;
}

function params(query: QualityQuery): unknown[] {
  return [
    query.projectId,
    query.window.from,
    query.window.to,
    query.timeZone,
    query.model ?? null,
    query.promptName ?? null,
    query.promptVersion ?? null,
  ];
}

interface AggregateRow {
  generations: number;
  toxicity: number | null;
  output_words: string | number | null;
  output_tokens: string | number | null;
  relative_perplexity: number | null;
  logprob_perplexity: number | null;
  consistency: number | null;
  flagged: number;
  refusals: number;
}

export interface QualityAggregates {
  generations: number;
  toxicity: number | null;
  outputWords: number | null;
  outputTokens: number | null;
  relativePerplexity: number | null;
  logprobPerplexity: number | null;
  consistency: number | null;
  flagged: number;
  refusals: number;
}

function toNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

function toAggregates(row: AggregateRow): QualityAggregates {
  return {
    generations: row.generations,
    toxicity: row.toxicity,
    outputWords: toNumber(row.output_words),
    outputTokens: toNumber(row.output_tokens),
    relativePerplexity: row.relative_perplexity,
    logprobPerplexity: row.logprob_perplexity,
    consistency: row.consistency,
    flagged: row.flagged,
    refusals: row.refusals,
  };
}

export interface QualityPoint extends QualityAggregates {
  bucketStart: string;
  feedback: number;
  feedbackPositive: number;
}

/** Quality and feedback per bucket of the window; empty buckets have zero counts. */
export async function getQualitySeries(
  pool: pg.Pool,
  query: QualityQuery,
): Promise<QualityPoint[]> {
  const result = await pool.query<
    AggregateRow & {
      bucket_start: Date;
      feedback: number | null;
      feedback_positive: number | null;
    }
  >(
    `WITH buckets AS (${getBucketSeriesSql(query.window.granularity)}),
     measures AS (
       SELECT ${bucketStart(query.window, "m.start_time")} AS bucket_start, ${AGGREGATES}
       FROM observation_measures m WHERE ${SCOPE} GROUP BY 1
     ),
     feedback AS (
       SELECT ${bucketStart(query.window, "s.timestamp")} AS bucket_start,
         count(*)::int AS feedback, count(*) FILTER (WHERE s.value = 1)::int AS feedback_positive
       FROM scores s WHERE ${FEEDBACK_SCOPE} GROUP BY 1
     )
     SELECT b.bucket_start, coalesce(m.generations, 0) AS generations, m.toxicity,
       m.output_words, m.output_tokens, m.relative_perplexity, m.logprob_perplexity,
       m.consistency, coalesce(m.flagged, 0) AS flagged, coalesce(m.refusals, 0) AS refusals,
       f.feedback, f.feedback_positive
     FROM buckets b
     LEFT JOIN measures m USING (bucket_start)
     LEFT JOIN feedback f USING (bucket_start)
     ORDER BY b.bucket_start`,
    params(query),
  );
  return result.rows.map((row) => ({
    bucketStart: row.bucket_start.toISOString(),
    ...toAggregates(row),
    feedback: row.feedback ?? 0,
    feedbackPositive: row.feedback_positive ?? 0,
  }));
}

export interface QualityBreakdownRow extends QualityAggregates {
  model: string | null;
  promptName: string | null;
  promptVersion: number | null;
  feedback: number;
  feedbackPositive: number;
}

const MAX_BREAKDOWN_ROWS = 50;

/** Quality per model and prompt version, most generations first. */
export async function getQualityBreakdown(
  pool: pg.Pool,
  query: QualityQuery,
): Promise<QualityBreakdownRow[]> {
  const result = await pool.query<
    AggregateRow & {
      model: string | null;
      prompt_name: string | null;
      prompt_version: number | null;
      feedback: number;
      feedback_positive: number;
    }
  >(
    `WITH feedback AS (
       SELECT s.trace_id, count(*)::int AS feedback,
         count(*) FILTER (WHERE s.value = 1)::int AS feedback_positive
       FROM scores s WHERE ${FEEDBACK_SCOPE} GROUP BY s.trace_id
     ),
     grouped AS (
       SELECT m.model, m.prompt_name, m.prompt_version, ${AGGREGATES},
         array_agg(DISTINCT m.trace_id) AS trace_ids
       FROM observation_measures m WHERE ${SCOPE}
       GROUP BY m.model, m.prompt_name, m.prompt_version
       ORDER BY count(*) DESC LIMIT ${MAX_BREAKDOWN_ROWS}
     )
     SELECT g.*, coalesce(sum(f.feedback), 0)::int AS feedback,
       coalesce(sum(f.feedback_positive), 0)::int AS feedback_positive
     FROM grouped g LEFT JOIN feedback f ON f.trace_id = ANY (g.trace_ids)
     GROUP BY g.model, g.prompt_name, g.prompt_version, g.generations, g.toxicity,
       g.output_words, g.output_tokens, g.relative_perplexity, g.logprob_perplexity,
       g.consistency, g.flagged, g.refusals, g.trace_ids
     ORDER BY g.generations DESC, g.model, g.prompt_name, g.prompt_version`,
    params(query),
  );
  return result.rows.map((row) => ({
    model: row.model,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    ...toAggregates(row),
    feedback: row.feedback,
    feedbackPositive: row.feedback_positive,
  }));
}

/** Generations in scope per failed check. */
export async function getFlagCounts(
  pool: pg.Pool,
  query: QualityQuery,
): Promise<{ flag: SafetyCheck; count: number }[]> {
  const result = await pool.query<{ flag: SafetyCheck; count: number }>(
    `SELECT flag, count(*)::int AS count
     FROM observation_measures m, unnest(m.flags) AS flag
     WHERE ${SCOPE} GROUP BY flag ORDER BY count DESC, flag`,
    params(query),
  );
  return result.rows;
}

export const WORST_OUTPUT_ORDERS = ["toxicity", "perplexity", "consistency", "flags"] as const;
export type WorstOutputOrder = (typeof WORST_OUTPUT_ORDERS)[number];

const WORST_ORDER_SQL: Record<WorstOutputOrder, string> = {
  toxicity: "m.toxicity DESC NULLS LAST",
  perplexity: "m.perplexity DESC NULLS LAST",
  consistency: "m.consistency ASC NULLS LAST",
  flags: "cardinality(m.flags) DESC, m.toxicity DESC NULLS LAST",
};

const WORST_FILTER_SQL: Record<WorstOutputOrder, string> = {
  toxicity: "m.toxicity > 0",
  perplexity: "m.perplexity_source = 'char_ngram'",
  consistency: "m.consistency_peers > 0",
  flags: "cardinality(m.flags) > 0",
};

export interface WorstOutput {
  observationId: string;
  traceId: string;
  startTime: string;
  model: string | null;
  promptName: string | null;
  promptVersion: number | null;
  toxicity: number | null;
  perplexity: number | null;
  consistency: number | null;
  flags: SafetyCheck[];
  /** The start of the output's text. */
  excerpt: string;
}

const EXCERPT_CHARS = 240;

/** The worst generations of the window by one measure, with the start of their output. */
export async function getWorstOutputs(
  pool: pg.Pool,
  query: QualityQuery,
  order: WorstOutputOrder,
  limit: number,
): Promise<WorstOutput[]> {
  const result = await pool.query<{
    observation_id: string;
    trace_id: string;
    start_time: Date;
    model: string | null;
    prompt_name: string | null;
    prompt_version: number | null;
    toxicity: number | null;
    perplexity: number | null;
    consistency: number | null;
    flags: SafetyCheck[];
    output: unknown;
  }>(
    `SELECT m.observation_id, m.trace_id, m.start_time, m.model, m.prompt_name,
       m.prompt_version, m.toxicity,
       CASE WHEN m.perplexity_source = 'char_ngram' THEN m.perplexity END AS perplexity,
       m.consistency, m.flags, o.output
     FROM observation_measures m
     JOIN observations o ON o.project_id = m.project_id AND o.id = m.observation_id
     WHERE ${SCOPE} AND ${WORST_FILTER_SQL[order]}
     ORDER BY ${WORST_ORDER_SQL[order]}, m.start_time DESC, m.observation_id
     LIMIT ${Math.trunc(limit)}`,
    params(query),
  );
  return result.rows.map((row) => ({
    observationId: row.observation_id,
    traceId: row.trace_id,
    startTime: row.start_time.toISOString(),
    model: row.model,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    toxicity: row.toxicity,
    perplexity: row.perplexity,
    consistency: row.consistency,
    flags: row.flags,
    excerpt: extractText(row.output).slice(0, EXCERPT_CHARS),
  }));
}

/** Models and prompt versions seen in the window, for the page's filters. */
export async function getQualityFilterOptions(pool: pg.Pool, query: QualityQuery) {
  const result = await pool.query<{
    model: string | null;
    prompt_name: string | null;
    versions: number[];
  }>(
    `SELECT m.model, m.prompt_name,
       array_remove(array_agg(DISTINCT m.prompt_version), NULL) AS versions
     FROM observation_measures m
     WHERE m.project_id = $1 AND m.start_time >= $2 AND m.start_time < $3
     GROUP BY m.model, m.prompt_name`,
    params(query).slice(0, 3),
  );
  const models = new Set<string>();
  const prompts = new Map<string, Set<number>>();
  for (const row of result.rows) {
    if (row.model) models.add(row.model);
    if (!row.prompt_name) continue;
    const versions = prompts.get(row.prompt_name) ?? new Set<number>();
    for (const version of row.versions) versions.add(version);
    prompts.set(row.prompt_name, versions);
  }
  return {
    models: [...models].sort(),
    prompts: [...prompts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, versions]) => ({ name, versions: [...versions].sort((a, b) => a - b) })),
  };
}
