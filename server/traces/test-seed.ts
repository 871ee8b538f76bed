import { queryRows, sql, type SqlClient } from "./sql";

/**
 * Inserts rows straight into the tables for read-side tests, bypassing ingestion, so a test
 * controls every stored value (timestamps, costs, levels, broken parent links).
 */

export interface SeedTrace {
  id: string;
  timestamp: Date;
  name?: string | null;
  userId?: string | null;
  sessionId?: string | null;
  tags?: string[];
  input?: string | null;
  output?: string | null;
  metadata?: string | null;
  environment?: string;
  release?: string | null;
}

export interface SeedObservation {
  id: string;
  traceId: string;
  startTime: Date;
  type?: "SPAN" | "GENERATION" | "EVENT";
  parentObservationId?: string | null;
  name?: string | null;
  endTime?: Date | null;
  completionStartTime?: Date | null;
  model?: string | null;
  level?: "DEBUG" | "DEFAULT" | "WARNING" | "ERROR";
  inputTokens?: number | null;
  outputTokens?: number | null;
  totalTokens?: number | null;
  totalCost?: number | null;
  /** JSON text. */
  input?: string | null;
  output?: string | null;
}

export interface SeedScore {
  id: string;
  name: string;
  traceId?: string | null;
  observationId?: string | null;
  sessionId?: string | null;
  value: number;
  timestamp: Date;
}

export async function seedTraces(db: SqlClient, projectId: string, traces: SeedTrace[]) {
  for (const t of traces) {
    await queryRows(
      db,
      sql`INSERT INTO traces (project_id, id, name, user_id, session_id, timestamp, tags, input,
          output, metadata, environment, release, event_ts)
        VALUES (${projectId}, ${t.id}, ${t.name ?? null}, ${t.userId ?? null},
          ${t.sessionId ?? null}, ${t.timestamp}, ${t.tags ?? []}::text[], ${t.input ?? null}::jsonb,
          ${t.output ?? null}::jsonb, ${t.metadata ?? null}::jsonb, ${t.environment ?? "default"},
          ${t.release ?? null}, ${t.timestamp})`,
    );
  }
}

export async function seedObservations(
  db: SqlClient,
  projectId: string,
  observations: SeedObservation[],
) {
  for (const o of observations) {
    await queryRows(
      db,
      sql`INSERT INTO observations (project_id, id, trace_id, parent_observation_id, type, name,
          start_time, end_time, completion_start_time, model, level, input_tokens, output_tokens,
          total_tokens, total_cost, input, output, event_ts)
        VALUES (${projectId}, ${o.id}, ${o.traceId}, ${o.parentObservationId ?? null},
          ${o.type ?? "SPAN"}::"ObservationType", ${o.name ?? null}, ${o.startTime},
          ${o.endTime ?? null}, ${o.completionStartTime ?? null}, ${o.model ?? null},
          ${o.level ?? "DEFAULT"}::"ObservationLevel", ${o.inputTokens ?? null},
          ${o.outputTokens ?? null}, ${o.totalTokens ?? null}, ${o.totalCost ?? null},
          ${o.input ?? null}::jsonb, ${o.output ?? null}::jsonb, ${o.startTime})`,
    );
  }
}

export async function seedScores(db: SqlClient, projectId: string, scores: SeedScore[]) {
  for (const s of scores) {
    await queryRows(
      db,
      sql`INSERT INTO scores (project_id, id, name, trace_id, observation_id, session_id, value,
          data_type, timestamp, event_ts)
        VALUES (${projectId}, ${s.id}, ${s.name}, ${s.traceId ?? null}, ${s.observationId ?? null},
          ${s.sessionId ?? null}, ${s.value}, 'NUMERIC', ${s.timestamp}, ${s.timestamp})`,
    );
  }
}
