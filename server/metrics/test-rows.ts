import type pg from "pg";

/**
 * Raw rows written straight into the tables, for rollup and overview tests that need exact
 * control over times, levels and costs. Each insert also marks the touched hours dirty, as
 * ingestion does.
 */

export interface TestTrace {
  id: string;
  timestamp: string;
  userId?: string | null;
}

export interface TestObservation {
  id: string;
  traceId: string;
  startTime: string;
  endTime?: string | null;
  type?: "SPAN" | "GENERATION" | "EVENT";
  model?: string | null;
  level?: "DEBUG" | "DEFAULT" | "WARNING" | "ERROR";
  inputTokens?: number | null;
  outputTokens?: number | null;
  totalCost?: string | null;
}

export interface TestScore {
  id: string;
  traceId: string;
  name: string;
  value: number | null;
  dataType?: "NUMERIC" | "CATEGORICAL" | "BOOLEAN";
  timestamp: string;
}

async function markDirty(pool: pg.Pool, projectId: string, timestamps: string[]): Promise<void> {
  await pool.query(
    `INSERT INTO rollup_dirty_hours (project_id, hour)
     SELECT DISTINCT $1, date_trunc('hour', ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
     FROM unnest($2::timestamptz[]) AS ts
     ON CONFLICT DO NOTHING`,
    [projectId, timestamps],
  );
}

export async function insertTestTraces(pool: pg.Pool, projectId: string, traces: TestTrace[]) {
  await pool.query(
    `INSERT INTO traces (project_id, id, user_id, timestamp, event_ts)
     SELECT $1, t.id, t.user_id, t.ts, t.ts
     FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS t(id, user_id, ts)`,
    [
      projectId,
      traces.map((trace) => trace.id),
      traces.map((trace) => trace.userId ?? null),
      traces.map((trace) => trace.timestamp),
    ],
  );
  await markDirty(
    pool,
    projectId,
    traces.map((trace) => trace.timestamp),
  );
}

export async function insertTestObservations(
  pool: pg.Pool,
  projectId: string,
  observations: TestObservation[],
) {
  const column = <T>(pick: (o: TestObservation) => T) => observations.map(pick);
  await pool.query(
    `INSERT INTO observations (project_id, id, trace_id, type, start_time, end_time, model,
                               level, input_tokens, output_tokens, total_tokens, total_cost,
                               event_ts)
     SELECT $1, o.id, o.trace_id, o.type::"ObservationType", o.start_time, o.end_time, o.model,
            o.level::"ObservationLevel", o.input_tokens, o.output_tokens,
            o.input_tokens + o.output_tokens, o.total_cost, o.start_time
     FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[],
                 $7::text[], $8::text[], $9::int[], $10::int[], $11::numeric[])
       AS o(id, trace_id, type, start_time, end_time, model, level, input_tokens,
            output_tokens, total_cost)`,
    [
      projectId,
      column((o) => o.id),
      column((o) => o.traceId),
      column((o) => o.type ?? "GENERATION"),
      column((o) => o.startTime),
      column((o) => o.endTime ?? null),
      column((o) => (o.model === undefined ? "gpt-4o" : o.model)),
      column((o) => o.level ?? "DEFAULT"),
      column((o) => o.inputTokens ?? null),
      column((o) => o.outputTokens ?? null),
      column((o) => o.totalCost ?? null),
    ],
  );
  await markDirty(
    pool,
    projectId,
    column((o) => o.startTime),
  );
}

export async function insertTestScores(pool: pg.Pool, projectId: string, scores: TestScore[]) {
  await pool.query(
    `INSERT INTO scores (project_id, id, trace_id, name, value, data_type, timestamp, event_ts)
     SELECT $1, s.id, s.trace_id, s.name, s.value, s.data_type::"ScoreDataType", s.ts, s.ts
     FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::text[],
                 $7::timestamptz[]) AS s(id, trace_id, name, value, data_type, ts)`,
    [
      projectId,
      scores.map((score) => score.id),
      scores.map((score) => score.traceId),
      scores.map((score) => score.name),
      scores.map((score) => score.value),
      scores.map((score) => score.dataType ?? "BOOLEAN"),
      scores.map((score) => score.timestamp),
    ],
  );
  await markDirty(
    pool,
    projectId,
    scores.map((score) => score.timestamp),
  );
}
