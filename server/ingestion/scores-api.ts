import type pg from "pg";
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { queryScores, type ScoreRecord } from "../traces/scores";
import { andSql, queryRows, sql, type Sql } from "../traces/sql";
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

function buildFilter(projectId: string, query: ListScoresQuery): Sql {
  const conditions = [sql`s.project_id = ${projectId}`];
  if (query.traceId) conditions.push(sql`s.trace_id = ${query.traceId}`);
  if (query.observationId) conditions.push(sql`s.observation_id = ${query.observationId}`);
  if (query.sessionId) conditions.push(sql`s.session_id = ${query.sessionId}`);
  if (query.name) conditions.push(sql`s.name = ${query.name}`);
  if (query.dataType) conditions.push(sql`s.data_type = ${query.dataType}::"ScoreDataType"`);
  if (query.source) conditions.push(sql`s.source = ${query.source}::"ScoreSource"`);
  if (query.fromTimestamp) conditions.push(sql`s.timestamp >= ${query.fromTimestamp}`);
  if (query.toTimestamp) conditions.push(sql`s.timestamp < ${query.toTimestamp}`);
  if (query.userId) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM traces AS t
        WHERE t.project_id = s.project_id AND t.id = s.trace_id AND t.user_id = ${query.userId})`,
    );
  }
  return andSql(conditions);
}

/** Shapes a score as the langfuse SDK reads it, with its metadata parsed. */
function toApiScore(score: ScoreRecord) {
  const { metadataJson, ...rest } = score;
  return {
    ...rest,
    metadata: metadataJson === null ? null : (JSON.parse(metadataJson) as unknown),
  };
}

/**
 * Lists a project's scores, newest first (timestamp, then id, both descending, so pages never
 * overlap), with Langfuse's page meta.
 */
export async function listScores(pool: pg.Pool, projectId: string, url: URL) {
  const query = parseQuery(url);
  const filter = buildFilter(projectId, query);
  const offset = (query.page - 1) * query.limit;
  const [scores, count] = await Promise.all([
    queryScores(
      pool,
      filter,
      sql`ORDER BY s.timestamp DESC, s.id DESC LIMIT ${query.limit} OFFSET ${offset}`,
    ),
    queryRows<{ total: number }>(
      pool,
      sql`SELECT count(*)::int AS total FROM scores AS s WHERE ${filter}`,
    ),
  ]);
  const totalItems = count[0]?.total ?? 0;
  return {
    data: scores.map(toApiScore),
    meta: {
      page: query.page,
      limit: query.limit,
      totalItems,
      totalPages: Math.ceil(totalItems / query.limit),
    },
  };
}
