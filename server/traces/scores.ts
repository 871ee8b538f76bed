import { queryRows, sql, type Sql, type SqlClient } from "./sql";

export interface ScoreRecord {
  id: string;
  traceId: string | null;
  observationId: string | null;
  sessionId: string | null;
  name: string;
  /** The number of NUMERIC and BOOLEAN scores (0 or 1); null for CATEGORICAL ones. */
  value: number | null;
  stringValue: string | null;
  dataType: "NUMERIC" | "CATEGORICAL" | "BOOLEAN";
  source: "API" | "ANNOTATION" | "EVAL";
  comment: string | null;
  /** Metadata as JSON text; parse it where it is shown, since it may be deeply nested. */
  metadataJson: string | null;
  environment: string;
  authorUserId: string | null;
  timestamp: Date;
  createdAt: Date;
  updatedAt: Date;
}

interface ScoreRow {
  id: string;
  trace_id: string | null;
  observation_id: string | null;
  session_id: string | null;
  name: string;
  value: number | null;
  string_value: string | null;
  data_type: ScoreRecord["dataType"];
  source: ScoreRecord["source"];
  comment: string | null;
  metadata_json: string | null;
  environment: string;
  author_user_id: string | null;
  timestamp: Date;
  created_at: Date;
  updated_at: Date;
}

function toScoreRecord(row: ScoreRow): ScoreRecord {
  return {
    id: row.id,
    traceId: row.trace_id,
    observationId: row.observation_id,
    sessionId: row.session_id,
    name: row.name,
    value: row.value,
    stringValue: row.string_value,
    dataType: row.data_type,
    source: row.source,
    comment: row.comment,
    metadataJson: row.metadata_json,
    environment: row.environment,
    authorUserId: row.author_user_id,
    timestamp: row.timestamp,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type ScoreScope = { traceIds: string[] } | { observationId: string } | { sessionId: string };

function scopeCondition(scope: ScoreScope): Sql {
  if ("traceIds" in scope) return sql`s.trace_id = ANY(${scope.traceIds}::text[])`;
  if ("observationId" in scope) return sql`s.observation_id = ${scope.observationId}`;
  return sql`s.session_id = ${scope.sessionId}`;
}

/**
 * Loads the scores that match `filter`, which must include the project condition, in the order
 * and page that `tail` sets (ORDER BY, LIMIT, OFFSET). Conditions refer to the scores table as `s`.
 */
export async function queryScores(db: SqlClient, filter: Sql, tail: Sql): Promise<ScoreRecord[]> {
  const rows = await queryRows<ScoreRow>(
    db,
    sql`SELECT s.id, s.trace_id, s.observation_id, s.session_id, s.name, s.value, s.string_value,
        s.data_type::text AS data_type, s.source::text AS source, s.comment,
        s.metadata::text AS metadata_json, s.environment, s.author_user_id, s.timestamp,
        s.created_at, s.updated_at
      FROM scores s
      WHERE ${filter}
      ${tail}`,
  );
  return rows.map(toScoreRecord);
}

/** Loads the scores of some traces, one observation or one session, oldest first. */
export async function loadScores(
  db: SqlClient,
  projectId: string,
  scope: ScoreScope,
): Promise<ScoreRecord[]> {
  if ("traceIds" in scope && scope.traceIds.length === 0) return [];
  return queryScores(
    db,
    sql`s.project_id = ${projectId} AND ${scopeCondition(scope)}`,
    sql`ORDER BY s.timestamp, s.id`,
  );
}
