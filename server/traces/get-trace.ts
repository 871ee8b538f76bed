import { AppError } from "../errors";
import { EMPTY_AGGREGATES, loadTraceAggregates } from "./aggregates";
import { toTraceSummary } from "./list-traces";
import { loadObservationSummaries, type ObservationSummary } from "./observations";
import { orderObservationTree, type ObservationTreeRow } from "./observation-tree";
import { loadScores, type ScoreRecord } from "./scores";
import { queryRows, rawSql, sql, type SqlClient } from "./sql";
import type { TraceAggregates, TraceSummary } from "./types";

/** A trace with its stored JSON values as text (see ObservationDetail for why). */
export interface TraceRecord extends TraceSummary {
  inputJson: string | null;
  outputJson: string | null;
  metadataJson: string | null;
  public: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface TraceDetail {
  trace: TraceRecord;
  aggregates: TraceAggregates;
  /** Observations in tree order, without input and output (load one with getObservationOrThrow). */
  observations: ObservationTreeRow<ObservationSummary>[];
  scores: ScoreRecord[];
}

interface TraceRecordRow {
  id: string;
  name: string | null;
  user_id: string | null;
  session_id: string | null;
  timestamp: Date;
  tags: string[] | null;
  release: string | null;
  version: string | null;
  environment: string;
  input_json: string | null;
  output_json: string | null;
  metadata_json: string | null;
  public: boolean;
  created_at: Date;
  updated_at: Date;
}

const TRACE_IO_COLUMNS = sql`t.input::text AS input_json, t.output::text AS output_json,
  t.metadata::text AS metadata_json`;
const NO_TRACE_IO_COLUMNS = rawSql(
  "NULL::text AS input_json, NULL::text AS output_json, NULL::text AS metadata_json",
);

function traceRecordColumns(withIo: boolean) {
  return sql`t.id, t.name, t.user_id, t.session_id, t.timestamp, t.tags, t.release, t.version,
    t.environment, t.public, t.created_at, t.updated_at,
    ${withIo ? TRACE_IO_COLUMNS : NO_TRACE_IO_COLUMNS}`;
}

export function toTraceRecord(row: TraceRecordRow): TraceRecord {
  return {
    ...toTraceSummary(row),
    inputJson: row.input_json,
    outputJson: row.output_json,
    metadataJson: row.metadata_json,
    public: row.public,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Loads a trace of the project; one of another project is NOT_FOUND like a missing one. */
export async function getTraceRecordOrThrow(
  db: SqlClient,
  projectId: string,
  traceId: string,
): Promise<TraceRecord> {
  const [row] = await queryRows<TraceRecordRow>(
    db,
    sql`SELECT ${traceRecordColumns(true)} FROM traces t
      WHERE t.project_id = ${projectId} AND t.id = ${traceId}`,
  );
  if (!row) throw new AppError("NOT_FOUND", `Trace ${traceId} not found in this project`);
  return toTraceRecord(row);
}

export type TraceRecordScope = { traceIds: string[] } | { sessionId: string; limit: number };

/**
 * Loads trace records by id (in no particular order) or a session's traces oldest first. Input,
 * output and metadata are loaded only when `withIo`, and are null otherwise.
 */
export async function loadTraceRecords(
  db: SqlClient,
  projectId: string,
  scope: TraceRecordScope,
  options: { withIo: boolean },
): Promise<TraceRecord[]> {
  if ("traceIds" in scope && scope.traceIds.length === 0) return [];
  const condition =
    "traceIds" in scope
      ? sql`t.id = ANY(${scope.traceIds}::text[])`
      : sql`t.session_id = ${scope.sessionId} ORDER BY t.timestamp, t.id LIMIT ${scope.limit}`;
  const rows = await queryRows<TraceRecordRow>(
    db,
    sql`SELECT ${traceRecordColumns(options.withIo)} FROM traces t
      WHERE t.project_id = ${projectId} AND ${condition}`,
  );
  return rows.map(toTraceRecord);
}

/** Loads a trace with its observation tree, scores and aggregates. */
export async function getTraceOrThrow(
  db: SqlClient,
  projectId: string,
  traceId: string,
): Promise<TraceDetail> {
  const trace = await getTraceRecordOrThrow(db, projectId, traceId);
  const [observations, scores, aggregates] = await Promise.all([
    loadObservationSummaries(db, projectId, traceId),
    loadScores(db, projectId, { traceIds: [traceId] }),
    loadTraceAggregates(db, projectId, [traceId]),
  ]);
  return {
    trace,
    aggregates: aggregates.get(traceId) ?? EMPTY_AGGREGATES,
    observations: orderObservationTree(observations),
    scores,
  };
}
