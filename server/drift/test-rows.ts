import type pg from "pg";
import { SeededRandom } from "../demo/random";

/**
 * Rows written straight into observation_measures and scores, for drift tests and the
 * benchmark that need exact control over windows and distributions.
 */

export interface MeasureRow {
  observationId: string;
  traceId: string;
  startTime: Date;
  userId: string | null;
  inputChars: number;
  outputWords: number;
  inputTerms: string[];
  perplexity: number | null;
  refusal: boolean;
  flags: string[];
}

export interface FeedbackRow {
  id: string;
  traceId: string;
  name: string;
  value: number;
  dataType: "BOOLEAN" | "NUMERIC";
  source: "API" | "ANNOTATION";
  timestamp: Date;
}

/** Inserts measure rows in one statement; perplexity rows are of source "char_ngram". */
export async function insertMeasureRows(
  pool: pg.Pool,
  projectId: string,
  rows: MeasureRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await pool.query(
    `INSERT INTO observation_measures (
       project_id, observation_id, trace_id, start_time, user_id, input_chars, output_chars,
       output_words, output_sentences, input_terms, perplexity, perplexity_source, refusal, flags
     )
     SELECT $1, r.observation_id, r.trace_id, r.start_time, r.user_id, r.input_chars,
       r.output_words * 6, r.output_words, greatest(1, r.output_words / 15),
       ARRAY(SELECT json_array_elements_text(r.input_terms)), r.perplexity,
       CASE WHEN r.perplexity IS NULL THEN NULL ELSE 'char_ngram' END, r.refusal,
       ARRAY(SELECT json_array_elements_text(r.flags))
     FROM json_to_recordset($2::json) AS r(
       observation_id text, trace_id text, start_time timestamptz, user_id text,
       input_chars int, output_words int, input_terms json, perplexity float8, refusal bool,
       flags json
     )`,
    [
      projectId,
      JSON.stringify(
        rows.map((row) => ({
          observation_id: row.observationId,
          trace_id: row.traceId,
          start_time: row.startTime.toISOString(),
          user_id: row.userId,
          input_chars: row.inputChars,
          output_words: row.outputWords,
          input_terms: row.inputTerms,
          perplexity: row.perplexity,
          refusal: row.refusal,
          flags: row.flags,
        })),
      ),
    ],
  );
}

/** Inserts feedback or review scores in one statement. */
export async function insertFeedbackRows(
  pool: pg.Pool,
  projectId: string,
  rows: FeedbackRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await pool.query(
    `INSERT INTO scores (project_id, id, trace_id, name, value, data_type, source, timestamp,
       event_ts)
     SELECT $1, r.id, r.trace_id, r.name, r.value, r.data_type::"ScoreDataType",
       r.source::"ScoreSource", r.timestamp, r.timestamp
     FROM json_to_recordset($2::json) AS r(
       id text, trace_id text, name text, value float8, data_type text, source text,
       timestamp timestamptz
     )`,
    [
      projectId,
      JSON.stringify(
        rows.map((row) => ({
          id: row.id,
          trace_id: row.traceId,
          name: row.name,
          value: row.value,
          data_type: row.dataType,
          source: row.source,
          timestamp: row.timestamp.toISOString(),
        })),
      ),
    ],
  );
}

export interface WindowTraffic {
  start: Date;
  end: Date;
  count: number;
  seed: number;
  /** Terms drawn for each input; two or three per input. */
  terms: readonly string[];
  /** A term added to this share of inputs, e.g. a new topic. */
  extraTerm?: { term: string; share: number };
  outputWords: readonly [number, number];
  users: readonly string[];
  /** Share of traces with "helpful" feedback of value 1; every third trace gets feedback. */
  helpfulShare: number;
  idPrefix: string;
}

/** Generates a window's measures and "helpful" feedback, spread evenly over the window. */
export function generateWindowTraffic(traffic: WindowTraffic) {
  const rng = new SeededRandom(traffic.seed);
  const span = traffic.end.getTime() - traffic.start.getTime();
  const measures: MeasureRow[] = [];
  const feedback: FeedbackRow[] = [];
  for (let i = 0; i < traffic.count; i++) {
    const startTime = new Date(
      traffic.start.getTime() + Math.floor(((i + 0.5) / traffic.count) * span),
    );
    const terms = new Set([
      rng.pick(traffic.terms),
      rng.pick(traffic.terms),
      rng.pick(traffic.terms),
    ]);
    if (traffic.extraTerm && rng.chance(traffic.extraTerm.share)) terms.add(traffic.extraTerm.term);
    const id = `${traffic.idPrefix}-${i}`;
    measures.push({
      observationId: id,
      traceId: `trace-${id}`,
      startTime,
      userId: traffic.users[i % traffic.users.length] ?? null,
      inputChars: rng.int(150, 450),
      outputWords: rng.int(traffic.outputWords[0], traffic.outputWords[1]),
      inputTerms: [...terms],
      perplexity: 8 + rng.next() * 4,
      refusal: false,
      flags: [],
    });
    if (i % 3 === 0) {
      feedback.push({
        id: `score-${id}`,
        traceId: `trace-${id}`,
        name: "helpful",
        value: rng.chance(traffic.helpfulShare) ? 1 : 0,
        dataType: "BOOLEAN",
        source: "API",
        timestamp: new Date(startTime.getTime() + 60_000),
      });
    }
  }
  return { measures, feedback };
}
