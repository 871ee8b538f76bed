import type pg from "pg";

/**
 * Synthetic data for the overview benchmark, written with INSERT ... SELECT generate_series so
 * a million rows take seconds, not an ingestion run. Two generations per trace, 200 users,
 * 10 models, about 10% of generations without a price, 2% at level ERROR, latencies from
 * 0.2 s to about 20 s (skewed short), one "helpful" score per 5 traces.
 */

export const BENCH_MODELS = [
  "gpt-4o",
  "gpt-4o-mini",
  "o3-mini",
  "claude-3-5-sonnet-20241022",
  "claude-3-5-haiku-20241022",
  "gemini-1.5-pro",
  "gemini-1.5-flash",
  "llama-3.1-70b",
  "mistral-large",
  "command-r-plus",
];

const GENERATIONS_PER_TRACE = 2;
const USER_COUNT = 200;
const TRACES_PER_FEEDBACK_SCORE = 5;

export interface SeedWindow {
  from: Date;
  to: Date;
}

// Trace i starts at a pseudo-random second of the window: a multiplicative hash of i, so both
// inserts derive the same time from i without a join.
function traceStartSql(): string {
  return `$2::timestamptz + (((i::bigint * 2654435761) % $4::bigint) * interval '1 second')`;
}

async function insertTraces(pool: pg.Pool, projectId: string, window: SeedWindow, traces: number) {
  await pool.query(
    `INSERT INTO traces (project_id, id, name, user_id, session_id, timestamp, event_ts)
     SELECT $1, 'trace-' || i, 'chat', 'user-' || (i % ${USER_COUNT}),
            'session-' || (i / 4), ${traceStartSql()}, ${traceStartSql()}
     FROM generate_series(1, $3::int) AS i`,
    [projectId, window.from, traces, spanSeconds(window)],
  );
}

async function insertGenerations(
  pool: pg.Pool,
  projectId: string,
  window: SeedWindow,
  traces: number,
) {
  await pool.query(
    `INSERT INTO observations (project_id, id, trace_id, type, name, start_time, end_time, model,
                               level, input_tokens, output_tokens, total_tokens, total_cost,
                               event_ts)
     SELECT $1, 'gen-' || i || '-' || j, 'trace-' || i, 'GENERATION', 'llm', start_time,
            start_time + (200 + floor(random() ^ 3 * 20000)) * interval '1 millisecond',
            ($5::text[])[1 + (i + j) % array_length($5::text[], 1)],
            CASE WHEN random() < 0.02 THEN 'ERROR' ELSE 'DEFAULT' END::"ObservationLevel",
            input_tokens, output_tokens, input_tokens + output_tokens,
            CASE WHEN random() < 0.1 THEN NULL
                 ELSE (input_tokens * 0.0000025 + output_tokens * 0.00001)::numeric(20, 10) END,
            start_time
     FROM generate_series(1, $3::int) AS i,
          generate_series(1, ${GENERATIONS_PER_TRACE}) AS j,
          LATERAL (SELECT ${traceStartSql()} + j * interval '2 seconds' AS start_time,
                          100 + floor(random() * 2000)::int AS input_tokens,
                          20 + floor(random() * 800)::int AS output_tokens) AS v`,
    [projectId, window.from, traces, spanSeconds(window), BENCH_MODELS],
  );
}

async function insertFeedback(
  pool: pg.Pool,
  projectId: string,
  window: SeedWindow,
  traces: number,
) {
  await pool.query(
    `INSERT INTO scores (project_id, id, trace_id, name, value, data_type, timestamp, event_ts)
     SELECT $1, 'score-' || i, 'trace-' || i, 'helpful', (random() < 0.8)::int, 'BOOLEAN',
            ${traceStartSql()} + interval '1 minute', ${traceStartSql()}
     FROM generate_series(1, $3::int, ${TRACES_PER_FEEDBACK_SCORE}) AS i`,
    [projectId, window.from, traces, spanSeconds(window)],
  );
}

function spanSeconds(window: SeedWindow): number {
  return Math.floor((window.to.getTime() - window.from.getTime()) / 1000);
}

/** Inserts `generations` generations (and their traces and scores) spread over the window. */
export async function seedOverviewProject(
  pool: pg.Pool,
  projectId: string,
  window: SeedWindow,
  generations: number,
): Promise<void> {
  const traces = Math.ceil(generations / GENERATIONS_PER_TRACE);
  await insertTraces(pool, projectId, window, traces);
  await insertGenerations(pool, projectId, window, traces);
  await insertFeedback(pool, projectId, window, traces);
  await pool.query("ANALYZE traces, observations, scores");
}
