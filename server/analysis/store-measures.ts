import type pg from "pg";
import type { GenerationToAnalyze } from "./load-generations";
import type { GenerationMeasures } from "./measure";
import type { SafetyCheck } from "./types";

/**
 * Stores measures, flags and one EVAL score per failed check, and deletes the safety scores of
 * checks that now pass, so re-analysing a generation converges to the same rows.
 */

export interface MeasuredGeneration {
  generation: GenerationToAnalyze;
  measures: GenerationMeasures;
  consistency: number | null;
  consistencyPeers: number;
}

/** Prefix of the score names of failed safety checks: `safety.pii`, `safety.refusal`, ... */
export const SAFETY_SCORE_PREFIX = "safety.";

const CHECK_COMMENTS: Record<SafetyCheck, string> = {
  jailbreak: "The input matches a jailbreak pattern.",
  prompt_injection: "The input matches a prompt-injection pattern.",
  pii: "The output contains personal data (email, phone or card number).",
  secret: "The output contains an API key, token or other secret.",
  toxicity: "The output's toxicity is at or above the threshold.",
  refusal: "The output is a refusal.",
};

export function safetyScoreId(observationId: string, check: SafetyCheck): string {
  return `safety-${check}-${observationId}`;
}

function toMeasureRecord({
  generation,
  measures,
  consistency,
  consistencyPeers,
}: MeasuredGeneration) {
  return {
    observation_id: generation.observationId,
    trace_id: generation.traceId,
    start_time: generation.startTime.toISOString(),
    user_id: generation.userId,
    name: generation.name,
    trace_name: generation.traceName,
    model: generation.model,
    prompt_name: generation.promptName,
    prompt_version: generation.promptVersion,
    level: generation.level,
    input_tokens: generation.inputTokens,
    output_tokens: generation.outputTokens,
    output_chars: measures.outputChars,
    output_words: measures.outputWords,
    output_sentences: measures.outputSentences,
    output_input_ratio: measures.outputInputRatio,
    input_chars: measures.inputChars,
    input_hash: measures.inputHash,
    input_terms: measures.inputTerms,
    toxicity: measures.toxicity,
    perplexity: measures.perplexity,
    perplexity_source: measures.perplexitySource,
    consistency,
    consistency_peers: consistencyPeers,
    refusal: measures.refusal,
    flags: measures.flags,
  };
}

const MEASURE_COLUMNS = `observation_id text, trace_id text, start_time timestamptz,
  user_id text, name text, trace_name text, model text, prompt_name text, prompt_version int,
  level "ObservationLevel", input_tokens int, output_tokens int, output_chars int,
  output_words int, output_sentences int, output_input_ratio float8, input_chars int,
  input_hash text, input_terms text[], toxicity float8, perplexity float8,
  perplexity_source text, consistency float8, consistency_peers int, refusal boolean,
  flags text[]`;

const UPDATED_COLUMNS = [
  "trace_id",
  "start_time",
  "user_id",
  "name",
  "trace_name",
  "model",
  "prompt_name",
  "prompt_version",
  "level",
  "input_tokens",
  "output_tokens",
  "output_chars",
  "output_words",
  "output_sentences",
  "output_input_ratio",
  "input_chars",
  "input_hash",
  "input_terms",
  "toxicity",
  "perplexity",
  "perplexity_source",
  "consistency",
  "consistency_peers",
  "refusal",
  "flags",
];

const UPSERT_MEASURES_SQL = `INSERT INTO observation_measures (project_id, ${UPDATED_COLUMNS.join(", ")},
  observation_id, analyzed_at)
SELECT $1, ${UPDATED_COLUMNS.map((c) => `r.${c}`).join(", ")}, r.observation_id, now()
FROM jsonb_to_recordset($2::jsonb) AS r(${MEASURE_COLUMNS})
ORDER BY r.observation_id
ON CONFLICT (project_id, observation_id) DO UPDATE SET
  ${UPDATED_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(",\n  ")},
  analyzed_at = EXCLUDED.analyzed_at`;

const UPSERT_SCORES_SQL = `INSERT INTO scores (project_id, id, trace_id, observation_id, name, value,
  data_type, source, comment, timestamp, event_ts)
SELECT $1, s.id, s.trace_id, s.observation_id, s.name, 1, 'BOOLEAN', 'EVAL', s.comment,
  s.timestamp, now()
FROM jsonb_to_recordset($2::jsonb)
  AS s(id text, trace_id text, observation_id text, name text, comment text, timestamp timestamptz)
ORDER BY s.id
ON CONFLICT (project_id, id) DO UPDATE SET trace_id = EXCLUDED.trace_id,
  observation_id = EXCLUDED.observation_id, name = EXCLUDED.name, value = 1,
  data_type = 'BOOLEAN', source = 'EVAL', comment = EXCLUDED.comment,
  timestamp = EXCLUDED.timestamp, updated_at = now()`;

const DELETE_PASSED_SCORES_SQL = `DELETE FROM scores
WHERE project_id = $1 AND observation_id = ANY ($2::text[]) AND source = 'EVAL'
  AND starts_with(name, '${SAFETY_SCORE_PREFIX}') AND NOT (id = ANY ($3::text[]))`;

function toScoreRecords(measured: MeasuredGeneration[]) {
  return measured.flatMap(({ generation, measures }) =>
    measures.flags.map((check) => ({
      id: safetyScoreId(generation.observationId, check),
      trace_id: generation.traceId,
      observation_id: generation.observationId,
      name: `${SAFETY_SCORE_PREFIX}${check}`,
      comment: CHECK_COMMENTS[check],
      timestamp: generation.startTime.toISOString(),
    })),
  );
}

/** Writes the measures and safety scores of one project's generations in one transaction. */
export async function storeMeasures(
  client: pg.ClientBase,
  projectId: string,
  measured: MeasuredGeneration[],
): Promise<void> {
  if (measured.length === 0) return;
  const scores = toScoreRecords(measured);
  await client.query(UPSERT_MEASURES_SQL, [
    projectId,
    JSON.stringify(measured.map(toMeasureRecord)),
  ]);
  if (scores.length > 0) await client.query(UPSERT_SCORES_SQL, [projectId, JSON.stringify(scores)]);
  await client.query(DELETE_PASSED_SCORES_SQL, [
    projectId,
    measured.map((item) => item.generation.observationId),
    scores.map((score) => score.id),
  ]);
}

/** Removes the measures and safety scores of ids that are no longer generations. */
export async function deleteMeasures(
  client: pg.ClientBase,
  projectId: string,
  observationIds: string[],
): Promise<void> {
  if (observationIds.length === 0) return;
  await client.query(
    `DELETE FROM observation_measures WHERE project_id = $1 AND observation_id = ANY ($2::text[])`,
    [projectId, observationIds],
  );
  await client.query(DELETE_PASSED_SCORES_SQL, [projectId, observationIds, []]);
}
