import type pg from "pg";
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { SCORE_DATA_TYPES, SCORE_SOURCES } from "./columns";
import { toScorePatch } from "./langfuse/convert";
import { EventValidationError } from "./prepare-events";
import { ingestEvents, type IngestOptions } from "./service";
import { InvalidTimestampError, parseTimestamp } from "./timestamps";

/** `POST /api/public/scores` and `GET /api/public/scores`, as the langfuse SDK calls them. */

const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 1_000_000;

/** Stores one score through the ingestion service; the same id again updates that score. */
export async function createScore(
  db: Db,
  projectId: string,
  body: unknown,
  options: IngestOptions = {},
): Promise<{ id: string }> {
  let patch;
  try {
    patch = toScorePatch(body);
  } catch (error) {
    if (error instanceof EventValidationError) {
      throw new AppError("INVALID_INPUT", `Invalid score: ${error.message}`, error.field);
    }
    throw error;
  }
  const event = { eventId: patch.id, timestamp: new Date(), entity: "score" as const, body: patch };
  const result = await ingestEvents(db, projectId, [event], options);
  const failure = result.errors[0];
  if (failure) throw new AppError("INVALID_INPUT", failure.message);
  return { id: patch.id };
}

const optionalText = z.string().min(1).max(1000).optional();
const optionalTime = z
  .string()
  .optional()
  .transform((value, context) => {
    if (value === undefined) return undefined;
    try {
      return parseTimestamp(value);
    } catch (error) {
      if (!(error instanceof InvalidTimestampError)) throw error;
      context.addIssue({ code: "custom", message: `invalid time, ${error.message}` });
      return z.NEVER;
    }
  });

const listScoresQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  traceId: optionalText,
  observationId: optionalText,
  sessionId: optionalText,
  name: optionalText,
  userId: optionalText,
  dataType: z.enum(SCORE_DATA_TYPES).optional(),
  source: z.enum(SCORE_SOURCES).optional(),
  /** Inclusive lower bound of the score timestamp. */
  fromTimestamp: optionalTime,
  /** Exclusive upper bound of the score timestamp. */
  toTimestamp: optionalTime,
});

type ListScoresQuery = z.infer<typeof listScoresQuerySchema>;

function parseQuery(url: URL): ListScoresQuery {
  const parsed = listScoresQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join(".");
  throw new AppError("INVALID_INPUT", `Invalid query parameter ${field}: ${issue.message}`, field);
}

function buildFilter(projectId: string, query: ListScoresQuery) {
  const values: unknown[] = [projectId];
  const conditions = ["s.project_id = $1"];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    conditions.push(sql.replace("?", `$${values.length}`));
  };
  if (query.traceId) add("s.trace_id = ?", query.traceId);
  if (query.observationId) add("s.observation_id = ?", query.observationId);
  if (query.sessionId) add("s.session_id = ?", query.sessionId);
  if (query.name) add("s.name = ?", query.name);
  if (query.dataType) add('s.data_type = ?::"ScoreDataType"', query.dataType);
  if (query.source) add('s.source = ?::"ScoreSource"', query.source);
  if (query.fromTimestamp) add("s.timestamp >= ?", query.fromTimestamp);
  if (query.toTimestamp) add("s.timestamp < ?", query.toTimestamp);
  if (query.userId) {
    add(
      "EXISTS (SELECT 1 FROM traces AS t WHERE t.project_id = s.project_id AND t.id = s.trace_id AND t.user_id = ?)",
      query.userId,
    );
  }
  return { where: conditions.join(" AND "), values };
}

interface ScoreRow {
  id: string;
  trace_id: string | null;
  observation_id: string | null;
  session_id: string | null;
  name: string;
  value: number | null;
  string_value: string | null;
  data_type: string;
  source: string;
  comment: string | null;
  metadata: unknown;
  environment: string;
  author_user_id: string | null;
  timestamp: Date;
  created_at: Date;
  updated_at: Date;
}

function toApiScore(row: ScoreRow) {
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
    metadata: row.metadata,
    environment: row.environment,
    authorUserId: row.author_user_id,
    timestamp: row.timestamp,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Lists a project's scores, newest first (timestamp, then id, both descending, so pages never
 * overlap), with Langfuse's page meta.
 */
export async function listScores(pool: pg.Pool, projectId: string, url: URL) {
  const query = parseQuery(url);
  const { where, values } = buildFilter(projectId, query);
  const offset = (query.page - 1) * query.limit;
  const [rows, count] = await Promise.all([
    pool.query<ScoreRow>(
      `SELECT s.* FROM scores AS s WHERE ${where}
       ORDER BY s.timestamp DESC, s.id DESC LIMIT ${query.limit} OFFSET ${offset}`,
      values,
    ),
    pool.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM scores AS s WHERE ${where}`,
      values,
    ),
  ]);
  const totalItems = count.rows[0]?.total ?? 0;
  return {
    data: rows.rows.map(toApiScore),
    meta: {
      page: query.page,
      limit: query.limit,
      totalItems,
      totalPages: Math.ceil(totalItems / query.limit),
    },
  };
}
