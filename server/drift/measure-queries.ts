import type { PerplexitySource } from "../analysis/types";
import {
  MEASURES_IN_WINDOWS,
  getBucketInterval,
  splitByWindow,
  windowParameters,
  type Queryable,
  type WindowPair,
} from "./sql";
import type { DriftWindows } from "./types";

/**
 * Set-based reads of observation_measures for the drift tests. Every query aggregates in
 * Postgres and returns at most a few thousand rows, however many generations the windows hold.
 */

/** Flags that count as a jailbreak-pattern request. */
export const JAILBREAK_FLAGS = ["jailbreak", "prompt_injection"];

// Lengths and perplexities are binned on a log scale, 200 bins per natural-log unit (0.5%
// apart). Integers below 200 keep a bin of their own, so KS on short lengths stays exact.
export const LOG_BINS_PER_UNIT = 200;
// Terms fetched per run, ordered by their larger share of the two windows.
const MAX_TERMS = 500;

export interface PerplexityStats {
  count: number;
  mean: number | null;
  variance: number | null;
}

export interface WindowTotals {
  generations: number;
  /** Distinct users with generations in the window. */
  users: number;
  withTerms: number;
  termOccurrences: number;
  refusals: number;
  toxic: number;
  jailbreaks: number;
  perplexity: Record<PerplexitySource, PerplexityStats>;
}

const EMPTY_TOTALS: WindowTotals = {
  generations: 0,
  users: 0,
  withTerms: 0,
  termOccurrences: 0,
  refusals: 0,
  toxic: 0,
  jailbreaks: 0,
  perplexity: {
    logprobs: { count: 0, mean: null, variance: null },
    char_ngram: { count: 0, mean: null, variance: null },
  },
};

function perplexityColumns(source: PerplexitySource): string {
  const filter = `FILTER (WHERE perplexity_source = '${source}' AND perplexity IS NOT NULL)`;
  return `count(*) ${filter}::int AS ${source}_count,
    avg(perplexity) ${filter} AS ${source}_mean,
    var_samp(perplexity) ${filter} AS ${source}_variance`;
}

interface TotalsRow {
  is_current: boolean;
  generations: number;
  users: number;
  with_terms: number;
  term_occurrences: string;
  refusals: number;
  toxic: number;
  jailbreaks: number;
  [column: string]: unknown;
}

function toPerplexityStats(row: TotalsRow, source: PerplexitySource): PerplexityStats {
  const mean = row[`${source}_mean`];
  const variance = row[`${source}_variance`];
  return {
    count: Number(row[`${source}_count`]),
    mean: mean === null ? null : Number(mean),
    variance: variance === null ? null : Number(variance),
  };
}

function toTotals(row: TotalsRow | undefined): WindowTotals {
  if (!row) return EMPTY_TOTALS;
  return {
    generations: row.generations,
    users: row.users,
    withTerms: row.with_terms,
    termOccurrences: Number(row.term_occurrences),
    refusals: row.refusals,
    toxic: row.toxic,
    jailbreaks: row.jailbreaks,
    perplexity: {
      logprobs: toPerplexityStats(row, "logprobs"),
      char_ngram: toPerplexityStats(row, "char_ngram"),
    },
  };
}

/** Returns the counts and rates of both windows in one scan. */
export async function loadWindowTotals(
  db: Queryable,
  projectId: string,
  windows: DriftWindows,
): Promise<WindowPair<WindowTotals>> {
  const result = await db.query<TotalsRow>(
    `SELECT (start_time >= $4) AS is_current,
       count(*)::int AS generations,
       count(DISTINCT user_id)::int AS users,
       count(*) FILTER (WHERE cardinality(input_terms) > 0)::int AS with_terms,
       coalesce(sum(cardinality(input_terms)), 0)::bigint AS term_occurrences,
       count(*) FILTER (WHERE refusal)::int AS refusals,
       count(*) FILTER (WHERE 'toxicity' = ANY(flags))::int AS toxic,
       count(*) FILTER (WHERE flags && $6::text[])::int AS jailbreaks,
       ${perplexityColumns("logprobs")},
       ${perplexityColumns("char_ngram")}
     FROM observation_measures
     WHERE ${MEASURES_IN_WINDOWS}
     GROUP BY 1`,
    [...windowParameters(projectId, windows), JAILBREAK_FLAGS],
  );
  const pair = splitByWindow(result.rows);
  return { baseline: toTotals(pair.baseline), current: toTotals(pair.current) };
}

/** Counts per log bin and window, ascending by bin. */
export interface Histogram {
  bins: number[];
  baseline: number[];
  current: number[];
}

export interface Histograms {
  inputChars: Histogram;
  outputWords: Histogram;
  perplexity: Histogram;
}

interface HistogramRow {
  is_current: boolean;
  grouping_set: number;
  bin: number | null;
  count: number;
}

function collectHistogram(rows: HistogramRow[]): Histogram {
  const byBin = new Map<number, { baseline: number; current: number }>();
  for (const row of rows) {
    if (row.bin === null) continue;
    const entry = byBin.get(row.bin) ?? { baseline: 0, current: 0 };
    if (row.is_current) entry.current += row.count;
    else entry.baseline += row.count;
    byBin.set(row.bin, entry);
  }
  const bins = [...byBin.keys()].sort((a, b) => a - b);
  return {
    bins,
    baseline: bins.map((bin) => byBin.get(bin)!.baseline),
    current: bins.map((bin) => byBin.get(bin)!.current),
  };
}

// GROUPING(input_bin, output_bin, perplexity_bin) sets a bit for each column not grouped by.
const INPUT_SET = 0b011;
const OUTPUT_SET = 0b101;
const PERPLEXITY_SET = 0b110;

/**
 * Returns log-binned histograms of input characters, output words and perplexity (of one
 * source) for both windows, from one scan with grouping sets.
 */
export async function loadHistograms(
  db: Queryable,
  projectId: string,
  windows: DriftWindows,
  perplexitySource: PerplexitySource,
): Promise<Histograms> {
  const result = await db.query<HistogramRow>(
    `SELECT is_current,
       GROUPING(input_bin, output_bin, perplexity_bin)::int AS grouping_set,
       coalesce(input_bin, output_bin, perplexity_bin) AS bin,
       count(*)::int AS count
     FROM (
       SELECT (start_time >= $4) AS is_current,
         round(ln(1 + input_chars) * ${LOG_BINS_PER_UNIT})::int AS input_bin,
         round(ln(1 + output_words) * ${LOG_BINS_PER_UNIT})::int AS output_bin,
         CASE WHEN perplexity_source = $6 AND perplexity > 0
           THEN round(ln(perplexity) * ${LOG_BINS_PER_UNIT})::int END AS perplexity_bin
       FROM observation_measures
       WHERE ${MEASURES_IN_WINDOWS}
     ) AS windowed
     GROUP BY GROUPING SETS (
       (is_current, input_bin), (is_current, output_bin), (is_current, perplexity_bin)
     )`,
    [...windowParameters(projectId, windows), perplexitySource],
  );
  const rowsOf = (set: number) => result.rows.filter((row) => row.grouping_set === set);
  return {
    inputChars: collectHistogram(rowsOf(INPUT_SET)),
    outputWords: collectHistogram(rowsOf(OUTPUT_SET)),
    perplexity: collectHistogram(rowsOf(PERPLEXITY_SET)),
  };
}

export interface TermCount {
  term: string;
  baseline: number;
  current: number;
}

/**
 * Returns how many generations of each window have each input term, for the MAX_TERMS terms
 * with the largest share in either window. Shares divide by the generations with terms.
 */
export async function loadTermCounts(
  db: Queryable,
  projectId: string,
  windows: DriftWindows,
  withTerms: WindowPair<number>,
): Promise<TermCount[]> {
  const result = await db.query<TermCount>(
    `SELECT term,
       count(*) FILTER (WHERE NOT is_current)::int AS baseline,
       count(*) FILTER (WHERE is_current)::int AS current
     FROM (
       SELECT (start_time >= $4) AS is_current, input_terms
       FROM observation_measures
       WHERE ${MEASURES_IN_WINDOWS} AND cardinality(input_terms) > 0
     ) AS windowed, unnest(windowed.input_terms) AS term
     GROUP BY term
     ORDER BY greatest(
       count(*) FILTER (WHERE NOT is_current) / $6::float8,
       count(*) FILTER (WHERE is_current) / $7::float8
     ) DESC, term
     LIMIT ${MAX_TERMS}`,
    [
      ...windowParameters(projectId, windows),
      Math.max(1, withTerms.baseline),
      Math.max(1, withTerms.current),
    ],
  );
  return result.rows;
}

export interface MeasureBucket {
  bucketStart: string;
  generations: number;
  meanInputChars: number | null;
  meanOutputWords: number | null;
  meanPerplexity: number | null;
  perplexityCount: number;
  refusals: number;
  toxic: number;
  jailbreaks: number;
}

/** Returns per-bucket means and counts over both windows, for the charts of the findings. */
export async function loadMeasureSeries(
  db: Queryable,
  projectId: string,
  windows: DriftWindows,
  perplexitySource: PerplexitySource,
): Promise<MeasureBucket[]> {
  const result = await db.query(
    `SELECT date_bin($6::interval, start_time, $2) AS bucket_start,
       count(*)::int AS generations,
       avg(input_chars)::float8 AS mean_input_chars,
       avg(output_words)::float8 AS mean_output_words,
       avg(perplexity) FILTER (WHERE perplexity_source = $7)::float8 AS mean_perplexity,
       count(perplexity) FILTER (WHERE perplexity_source = $7)::int AS perplexity_count,
       count(*) FILTER (WHERE refusal)::int AS refusals,
       count(*) FILTER (WHERE 'toxicity' = ANY(flags))::int AS toxic,
       count(*) FILTER (WHERE flags && $8::text[])::int AS jailbreaks
     FROM observation_measures
     WHERE ${MEASURES_IN_WINDOWS}
     GROUP BY 1
     ORDER BY 1`,
    [
      ...windowParameters(projectId, windows),
      getBucketInterval(windows),
      perplexitySource,
      JAILBREAK_FLAGS,
    ],
  );
  return result.rows.map((row) => ({
    bucketStart: (row.bucket_start as Date).toISOString(),
    generations: row.generations,
    meanInputChars: row.mean_input_chars,
    meanOutputWords: row.mean_output_words,
    meanPerplexity: row.mean_perplexity,
    perplexityCount: row.perplexity_count,
    refusals: row.refusals,
    toxic: row.toxic,
    jailbreaks: row.jailbreaks,
  }));
}
