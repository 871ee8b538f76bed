import { AppError } from "../errors";
import { loadScores, type ScoreRecord } from "./scores";
import { andSql, queryRows, sql, type Sql, type SqlClient } from "./sql";
import type { NumberedPage, ObservationLevel, ObservationType } from "./types";

/** An observation without its input, output and metadata, for trees and lists. */
export interface ObservationSummary {
  id: string;
  traceId: string;
  parentObservationId: string | null;
  type: ObservationType;
  name: string | null;
  startTime: Date;
  /** True while the start time is only the timestamp of an update event. */
  startTimeEstimated: boolean;
  endTime: Date | null;
  completionStartTime: Date | null;
  model: string | null;
  level: ObservationLevel;
  statusMessage: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  totalTokens: number | null;
  usageEstimated: boolean;
  /** USD; null when neither provided nor computable. */
  totalCost: number | null;
}

/**
 * An observation with everything stored. JSON values that clients send (input, output,
 * metadata, model parameters) stay JSON text: they may be nested deeper than JSON.stringify or a
 * recursive renderer can handle, so they are parsed only where they are shown.
 */
export interface ObservationDetail extends ObservationSummary {
  requestModel: string | null;
  modelParametersJson: string | null;
  inputJson: string | null;
  outputJson: string | null;
  metadataJson: string | null;
  version: string | null;
  environment: string;
  usageDetails: Record<string, number>;
  inputCost: number | null;
  outputCost: number | null;
  costDetails: Record<string, number>;
  /** "provided" when the client sent the cost, "computed" when a price produced it. */
  costSource: string | null;
  /** The price that produced a computed cost: a ModelPrice id or a shipped default's key. */
  priceId: string | null;
  promptName: string | null;
  promptVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export const OBSERVATION_SUMMARY_COLUMNS = sql`o.id, o.trace_id, o.parent_observation_id,
  o.type::text AS type, o.name, o.start_time, o.start_time_estimated, o.end_time,
  o.completion_start_time, o.model, o.level::text AS level, o.status_message, o.input_tokens,
  o.output_tokens, o.total_tokens, o.usage_estimated, o.total_cost::float8 AS total_cost`;

export const OBSERVATION_DETAIL_COLUMNS = sql`${OBSERVATION_SUMMARY_COLUMNS}, o.request_model,
  o.model_parameters::text AS model_parameters_json, o.input::text AS input_json,
  o.output::text AS output_json, o.metadata::text AS metadata_json, o.version, o.environment,
  o.usage_details, o.input_cost::float8 AS input_cost, o.output_cost::float8 AS output_cost,
  o.cost_details, o.cost_source, o.price_id, o.prompt_name, o.prompt_version, o.created_at,
  o.updated_at`;

export interface ObservationSummaryRow {
  id: string;
  trace_id: string;
  parent_observation_id: string | null;
  type: ObservationType;
  name: string | null;
  start_time: Date;
  start_time_estimated: boolean;
  end_time: Date | null;
  completion_start_time: Date | null;
  model: string | null;
  level: ObservationLevel;
  status_message: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  total_tokens: number | null;
  usage_estimated: boolean;
  total_cost: number | null;
}

interface ObservationDetailRow extends ObservationSummaryRow {
  request_model: string | null;
  model_parameters_json: string | null;
  input_json: string | null;
  output_json: string | null;
  metadata_json: string | null;
  version: string | null;
  environment: string;
  usage_details: unknown;
  input_cost: number | null;
  output_cost: number | null;
  cost_details: unknown;
  cost_source: string | null;
  price_id: string | null;
  prompt_name: string | null;
  prompt_version: number | null;
  created_at: Date;
  updated_at: Date;
  total_items?: number;
}

export function toObservationSummary(row: ObservationSummaryRow): ObservationSummary {
  return {
    id: row.id,
    traceId: row.trace_id,
    parentObservationId: row.parent_observation_id,
    type: row.type,
    name: row.name,
    startTime: row.start_time,
    startTimeEstimated: row.start_time_estimated,
    endTime: row.end_time,
    completionStartTime: row.completion_start_time,
    model: row.model,
    level: row.level,
    statusMessage: row.status_message,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    totalTokens: row.total_tokens,
    usageEstimated: row.usage_estimated,
    totalCost: row.total_cost,
  };
}

/** Keeps the numeric entries of a usage or cost map; anything else was not a count. */
function toNumberMap(value: unknown): Record<string, number> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const result: Record<string, number> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === "number" && Number.isFinite(entry)) result[key] = entry;
  }
  return result;
}

function toObservationDetail(row: ObservationDetailRow): ObservationDetail {
  return {
    ...toObservationSummary(row),
    requestModel: row.request_model,
    modelParametersJson: row.model_parameters_json,
    inputJson: row.input_json,
    outputJson: row.output_json,
    metadataJson: row.metadata_json,
    version: row.version,
    environment: row.environment,
    usageDetails: toNumberMap(row.usage_details),
    inputCost: row.input_cost,
    outputCost: row.output_cost,
    costDetails: toNumberMap(row.cost_details),
    costSource: row.cost_source,
    priceId: row.price_id,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Loads the observations of one trace without their input and output. */
export async function loadObservationSummaries(
  db: SqlClient,
  projectId: string,
  traceId: string,
): Promise<ObservationSummary[]> {
  const rows = await queryRows<ObservationSummaryRow>(
    db,
    sql`SELECT ${OBSERVATION_SUMMARY_COLUMNS} FROM observations o
      WHERE o.project_id = ${projectId} AND o.trace_id = ${traceId}
      ORDER BY o.start_time, o.id`,
  );
  return rows.map(toObservationSummary);
}

/** Loads the observations of some traces with everything stored, by start time. */
export async function loadObservationDetails(
  db: SqlClient,
  projectId: string,
  traceIds: string[],
): Promise<ObservationDetail[]> {
  if (traceIds.length === 0) return [];
  const rows = await queryRows<ObservationDetailRow>(
    db,
    sql`SELECT ${OBSERVATION_DETAIL_COLUMNS} FROM observations o
      WHERE o.project_id = ${projectId} AND o.trace_id = ANY(${traceIds}::text[])
      ORDER BY o.start_time, o.id`,
  );
  return rows.map(toObservationDetail);
}

export interface ObservationWithScores extends ObservationDetail {
  scores: ScoreRecord[];
}

export async function getObservationOrThrow(
  db: SqlClient,
  projectId: string,
  observationId: string,
): Promise<ObservationWithScores> {
  const [row] = await queryRows<ObservationDetailRow>(
    db,
    sql`SELECT ${OBSERVATION_DETAIL_COLUMNS} FROM observations o
      WHERE o.project_id = ${projectId} AND o.id = ${observationId}`,
  );
  if (!row) {
    throw new AppError("NOT_FOUND", `Observation ${observationId} not found in this project`);
  }
  const scores = await loadScores(db, projectId, { observationId });
  return { ...toObservationDetail(row), scores };
}

/** Observation list filters; unset fields do not filter. */
export interface ObservationFilters {
  traceId?: string;
  parentObservationId?: string;
  name?: string;
  /** Observations of traces with this user id. */
  userId?: string;
  type?: ObservationType;
  level?: ObservationLevel;
  /** Inclusive lower bound on the start time. */
  fromStartTime?: Date;
  /** Exclusive upper bound on the start time. */
  toStartTime?: Date;
  environments?: string[];
  version?: string;
}

function buildObservationConditions(projectId: string, filters: ObservationFilters): Sql {
  const conditions: Sql[] = [sql`o.project_id = ${projectId}`];
  if (filters.traceId !== undefined) conditions.push(sql`o.trace_id = ${filters.traceId}`);
  if (filters.parentObservationId !== undefined) {
    conditions.push(sql`o.parent_observation_id = ${filters.parentObservationId}`);
  }
  if (filters.name !== undefined) conditions.push(sql`o.name = ${filters.name}`);
  if (filters.type !== undefined) conditions.push(sql`o.type::text = ${filters.type}`);
  if (filters.level !== undefined) conditions.push(sql`o.level::text = ${filters.level}`);
  if (filters.fromStartTime) conditions.push(sql`o.start_time >= ${filters.fromStartTime}`);
  if (filters.toStartTime) conditions.push(sql`o.start_time < ${filters.toStartTime}`);
  if (filters.version !== undefined) conditions.push(sql`o.version = ${filters.version}`);
  if (filters.environments?.length) {
    conditions.push(sql`o.environment = ANY(${filters.environments}::text[])`);
  }
  if (filters.userId !== undefined) {
    conditions.push(sql`o.trace_id IN (
      SELECT t.id FROM traces t WHERE t.project_id = ${projectId} AND t.user_id = ${filters.userId})`);
  }
  return andSql(conditions);
}

/**
 * Lists observations with everything stored, newest first (start time, then id, descending),
 * with the exact total of the filter.
 */
export async function listObservations(
  db: SqlClient,
  projectId: string,
  filters: ObservationFilters,
  pagination: { page: number; limit: number },
): Promise<NumberedPage<ObservationDetail>> {
  const { page, limit } = pagination;
  const conditions = buildObservationConditions(projectId, filters);
  const rows = await queryRows<ObservationDetailRow>(
    db,
    sql`WITH total AS (SELECT count(*)::int AS total_items FROM observations o WHERE ${conditions})
      SELECT total.total_items, p.* FROM total LEFT JOIN (
        SELECT ${OBSERVATION_DETAIL_COLUMNS} FROM observations o
        WHERE ${conditions}
        ORDER BY o.start_time DESC, o.id DESC
        LIMIT ${limit} OFFSET ${(page - 1) * limit}
      ) p ON TRUE`,
  );
  const totalItems = rows[0]?.total_items ?? 0;
  return {
    rows: rows.filter((r) => r.id !== null).map(toObservationDetail),
    page,
    limit,
    totalItems,
    totalPages: Math.ceil(totalItems / limit),
  };
}
