import { queryRows, sql, type SqlClient } from "../traces/sql";
import type { PerplexitySource, SafetyCheck } from "./types";

/** The quality measures and safety flags of one generation, as read APIs return them. */
export interface ObservationQuality {
  outputWords: number;
  outputSentences: number;
  outputChars: number;
  /** Output tokens per input token, null when either is unknown. */
  outputInputRatio: number | null;
  /** 0 (none found) to 1, from the offline lexicon scorer; null for an output without text. */
  toxicity: number | null;
  perplexity: number | null;
  /** "logprobs" values are absolute, "char_ngram" relative to the baseline (1 = typical). */
  perplexitySource: PerplexitySource | null;
  /** Mean ROUGE-L F1 against earlier outputs for the same input, null without any. */
  consistency: number | null;
  consistencyPeers: number;
  refusal: boolean;
  flags: SafetyCheck[];
  analyzedAt: string;
}

interface MeasureRow {
  observation_id: string;
  output_words: number;
  output_sentences: number;
  output_chars: number;
  output_input_ratio: number | null;
  toxicity: number | null;
  perplexity: number | null;
  perplexity_source: PerplexitySource | null;
  consistency: number | null;
  consistency_peers: number;
  refusal: boolean;
  flags: SafetyCheck[];
  analyzed_at: Date;
}

function toQuality(row: MeasureRow): ObservationQuality {
  return {
    outputWords: row.output_words,
    outputSentences: row.output_sentences,
    outputChars: row.output_chars,
    outputInputRatio: row.output_input_ratio,
    toxicity: row.toxicity,
    perplexity: row.perplexity,
    perplexitySource: row.perplexity_source,
    consistency: row.consistency,
    consistencyPeers: row.consistency_peers,
    refusal: row.refusal,
    flags: row.flags,
    analyzedAt: row.analyzed_at.toISOString(),
  };
}

/**
 * Loads the stored quality of the given observations by id. Observations that are not
 * generations, or whose analysis has not run yet, are missing from the map.
 */
export async function loadObservationQuality(
  db: SqlClient,
  projectId: string,
  observationIds: string[],
): Promise<Map<string, ObservationQuality>> {
  if (observationIds.length === 0) return new Map();
  const rows = await queryRows<MeasureRow>(
    db,
    sql`SELECT observation_id, output_words, output_sentences, output_chars, output_input_ratio,
        toxicity, perplexity, perplexity_source, consistency, consistency_peers, refusal, flags,
        analyzed_at
      FROM observation_measures
      WHERE project_id = ${projectId} AND observation_id = ANY(${observationIds}::text[])`,
  );
  return new Map(rows.map((row) => [row.observation_id, toQuality(row)]));
}

/** The quality of every analysed generation of a trace, by observation id. */
export async function loadTraceQuality(
  db: SqlClient,
  projectId: string,
  traceId: string,
): Promise<Record<string, ObservationQuality>> {
  const rows = await queryRows<MeasureRow>(
    db,
    sql`SELECT observation_id, output_words, output_sentences, output_chars, output_input_ratio,
        toxicity, perplexity, perplexity_source, consistency, consistency_peers, refusal, flags,
        analyzed_at
      FROM observation_measures WHERE project_id = ${projectId} AND trace_id = ${traceId}`,
  );
  return Object.fromEntries(rows.map((row) => [row.observation_id, toQuality(row)]));
}
