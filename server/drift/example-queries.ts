import { HELPFUL_SCORE_NAMES, RATING_SCORE_NAMES, REVIEW_SCORE_NAME } from "./score-queries";
import { JAILBREAK_FLAGS } from "./measure-queries";
import type { Queryable } from "./sql";
import type { DriftWindows } from "./types";

/** Traces linked from a finding, so a reader can see what changed. */
const EXAMPLES_PER_FINDING = 5;

// Each entry selects current-window rows that show the metric's change: the longest, the most
// perplexing, the flagged. $1 project id, $2 current start, $3 current end, $4 the row limit,
// $5 (only where a condition uses it) the terms, flags or perplexity source of the finding.
const MEASURE_EXAMPLES: Record<string, { where: string; orderBy: string }> = {
  input_terms: { where: "input_terms && $5::text[]", orderBy: "start_time DESC" },
  new_terms: { where: "input_terms && $5::text[]", orderBy: "start_time DESC" },
  prompt_length: { where: "TRUE", orderBy: "input_chars DESC" },
  output_length: { where: "TRUE", orderBy: "output_words DESC" },
  output_length_psi: { where: "TRUE", orderBy: "output_words DESC" },
  perplexity: { where: "perplexity_source = ($5::text[])[1]", orderBy: "perplexity DESC" },
  toxicity_rate: { where: "'toxicity' = ANY(flags)", orderBy: "toxicity DESC NULLS LAST" },
  refusal_rate: { where: "refusal", orderBy: "start_time DESC" },
  jailbreak_rate: { where: "flags && $5::text[]", orderBy: "start_time DESC" },
};

// Scores whose traces show a feedback or review change; $5 contains the score names.
const SCORE_EXAMPLES: Record<string, { names: string[]; where: string; orderBy: string }> = {
  helpful_share: { names: HELPFUL_SCORE_NAMES, where: "value = 0", orderBy: "timestamp DESC" },
  rating: { names: RATING_SCORE_NAMES, where: "value IS NOT NULL", orderBy: "value ASC" },
  review_fail_rate: {
    names: [REVIEW_SCORE_NAME],
    where: "value = 0 AND source = 'ANNOTATION'",
    orderBy: "timestamp DESC",
  },
};

function measureArgument(metric: string, argument: string[]): string[] {
  if (metric === "jailbreak_rate") return JAILBREAK_FLAGS;
  return argument;
}

/**
 * Returns up to EXAMPLES_PER_FINDING trace ids of the current window that show a metric's
 * change. `argument` holds the moved terms or the perplexity source where the metric needs one.
 */
export async function loadExampleTraceIds(
  db: Queryable,
  projectId: string,
  windows: DriftWindows,
  metric: string,
  argument: string[] = [],
): Promise<string[]> {
  const measure = MEASURE_EXAMPLES[metric];
  const score = SCORE_EXAMPLES[metric];
  if (!measure && !score) return [];
  const sql = measure
    ? `SELECT trace_id FROM observation_measures
       WHERE project_id = $1 AND start_time >= $2 AND start_time < $3 AND ${measure.where}
       ORDER BY ${measure.orderBy} LIMIT $4`
    : `SELECT trace_id FROM scores
       WHERE project_id = $1 AND name = ANY($5::text[]) AND timestamp >= $2 AND timestamp < $3
         AND trace_id IS NOT NULL AND ${score!.where}
       ORDER BY ${score!.orderBy} LIMIT $4`;
  const parameters: unknown[] = [
    projectId,
    windows.currentStart,
    windows.currentEnd,
    EXAMPLES_PER_FINDING,
  ];
  if (score) parameters.push(score.names);
  else if (measure!.where.includes("$5")) parameters.push(measureArgument(metric, argument));
  const result = await db.query<{ trace_id: string }>(sql, parameters);
  return [...new Set(result.rows.map((row) => row.trace_id))];
}
