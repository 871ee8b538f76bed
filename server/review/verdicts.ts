import type pg from "pg";
import { z } from "zod";
import type { Db } from "../db/client";
import { getPool } from "../db/client";
import { AppError } from "../errors";
import { ingestEvents, type IngestionEvent } from "../ingestion";
import { moduleLogger } from "../logger";
import { getItemRowOrThrow } from "./claims";
import { toItemView, type ItemRow } from "./item-rows";
import {
  REVIEW_LABELS,
  REVIEW_LABEL_SCORE_NAME,
  REVIEW_SCORE_NAME,
  type ReviewItemView,
} from "./types";

const log = moduleLogger("review");

export const MAX_COMMENT_CHARS = 5_000;
export const MAX_CORRECTED_OUTPUT_CHARS = 50_000;

export const verdictInputSchema = z.object({
  verdict: z.enum(["pass", "fail"]),
  labels: z.array(z.enum(REVIEW_LABELS)).max(REVIEW_LABELS.length).default([]),
  comment: z.string().trim().max(MAX_COMMENT_CHARS).nullish(),
  correctedOutput: z.string().max(MAX_CORRECTED_OUTPUT_CHARS).nullish(),
});

export type VerdictInput = z.infer<typeof verdictInputSchema>;

interface UpdatedItem {
  id: string;
}

/**
 * Counts the verdict on the item if this reviewer may give one now: the item is pending, not
 * claimed by anyone else, not assigned to anyone else. The first verdict is copied onto the
 * item; every verdict adds its labels. Completes the item at its required review count.
 */
async function applyVerdictToItem(
  client: pg.PoolClient,
  projectId: string,
  itemId: string,
  userId: string,
  input: VerdictInput,
): Promise<boolean> {
  const value = input.verdict === "pass" ? "PASS" : "FAIL";
  const result = await client.query<UpdatedItem>(
    `UPDATE review_items SET
       review_count = review_count + 1,
       status = CASE WHEN review_count + 1 >= reviews_required THEN 'COMPLETED'::"ReviewItemStatus"
         ELSE 'PENDING'::"ReviewItemStatus" END,
       completed_at = CASE WHEN review_count + 1 >= reviews_required THEN now() END,
       verdict = COALESCE(verdict, $4::"ReviewVerdictValue"),
       comment = CASE WHEN review_count = 0 THEN $5 ELSE comment END,
       corrected_output = CASE WHEN review_count = 0 THEN $6 ELSE corrected_output END,
       reviewed_by = COALESCE(reviewed_by, $3),
       reviewed_at = COALESCE(reviewed_at, now()),
       labels = ARRAY(SELECT DISTINCT l FROM unnest(labels || $7::text[]) l ORDER BY l),
       claimed_by = NULL, claimed_until = NULL, assignee_id = NULL, updated_at = now()
     WHERE project_id = $1 AND id = $2 AND status = 'PENDING'
       AND (claimed_until IS NULL OR claimed_until <= now() OR claimed_by = $3)
       AND (assignee_id IS NULL OR assignee_id = $3)
     RETURNING id`,
    [
      projectId,
      itemId,
      userId,
      value,
      input.comment || null,
      input.correctedOutput || null,
      input.labels,
    ],
  );
  if (result.rowCount === 0) return false;
  await client.query(
    `INSERT INTO review_verdicts (project_id, item_id, reviewer_id, verdict, labels, comment,
       corrected_output) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      projectId,
      itemId,
      userId,
      value,
      input.labels,
      input.comment || null,
      input.correctedOutput || null,
    ],
  );
  return true;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "23505";
}

/** Explains why a verdict was not accepted, from the item as it is now. */
function rejectionFor(row: ItemRow, userId: string): AppError {
  if (row.display_status === "completed") {
    return new AppError("CONFLICT", `Review item ${row.id} is already completed`, "itemId");
  }
  if (row.assignee_id && row.assignee_id !== userId) {
    return new AppError(
      "CONFLICT",
      `Review item ${row.id} is assigned to another reviewer`,
      "itemId",
    );
  }
  return new AppError(
    "CONFLICT",
    `Review item ${row.id} is claimed by another reviewer until ` +
      `${new Date(row.claimed_until!).toISOString()}; claim the next item instead`,
    "itemId",
  );
}

async function storeVerdict(
  pool: pg.Pool,
  projectId: string,
  itemId: string,
  userId: string,
  input: VerdictInput,
): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const applied = await applyVerdictToItem(client, projectId, itemId, userId, input);
    await client.query(applied ? "COMMIT" : "ROLLBACK");
    return applied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `You already reviewed item ${itemId}`, "itemId");
    }
    throw error;
  } finally {
    client.release();
  }
}

/** The item fields that place a verdict's scores. */
export type VerdictTarget = Pick<
  ReviewItemView,
  "id" | "objectType" | "traceId" | "observationId" | "sessionId"
>;

/**
 * Builds the ANNOTATION score events of a verdict. Score ids are fixed per item and reviewer,
 * so a retry overwrites the scores instead of adding more.
 */
export function buildVerdictScoreEvents(
  item: VerdictTarget,
  userId: string,
  input: VerdictInput,
  at: Date,
): IngestionEvent[] {
  const target = {
    traceId: item.traceId,
    observationId: item.observationId,
    sessionId: item.objectType === "SESSION" ? item.sessionId : null,
  };
  const common = {
    ...target,
    source: "ANNOTATION" as const,
    authorUserId: userId,
    timestamp: at,
    metadata: { reviewItemId: item.id },
  };
  const baseId = `review:${item.id}:${userId}`;
  const verdictScore: IngestionEvent = {
    entity: "score",
    eventId: baseId,
    timestamp: at,
    body: {
      ...common,
      id: baseId,
      name: REVIEW_SCORE_NAME,
      dataType: "BOOLEAN",
      value: input.verdict === "pass" ? 1 : 0,
      comment: input.comment || null,
    },
  };
  const labelScores: IngestionEvent[] = input.labels.map((label) => ({
    entity: "score",
    eventId: `${baseId}:${label}`,
    timestamp: at,
    body: {
      ...common,
      id: `review-label:${item.id}:${userId}:${label}`,
      name: REVIEW_LABEL_SCORE_NAME,
      dataType: "CATEGORICAL",
      value: label,
    },
  }));
  return [verdictScore, ...labelScores];
}

/**
 * Records a reviewer's verdict on an item and writes it as ANNOTATION scores through the
 * ingestion service, so score lists and rollups count it like any score. A reviewer gives at
 * most one verdict per item; an item that needs two reviews stays pending for someone else.
 */
export async function submitVerdict(
  db: Db,
  projectId: string,
  itemId: string,
  userId: string,
  input: VerdictInput,
  pool: pg.Pool = getPool(),
): Promise<ReviewItemView> {
  await getItemRowOrThrow(pool, projectId, itemId);
  const applied = await storeVerdict(pool, projectId, itemId, userId, input);
  if (!applied) {
    throw rejectionFor(await getItemRowOrThrow(pool, projectId, itemId), userId);
  }

  const item = toItemView(await getItemRowOrThrow(pool, projectId, itemId));
  // The verdict commits before its scores are written. If writing them fails, the caller gets
  // the error and restoreMissingVerdictScores (a job) writes them later.
  const events = buildVerdictScoreEvents(item, userId, input, new Date());
  const result = await ingestEvents(db, projectId, events, { pool });
  if (result.errors.length > 0) {
    log.error({ projectId, itemId, errorCount: result.errors.length }, "verdict scores rejected");
  }
  log.debug({ projectId, itemId, verdict: input.verdict }, "review verdict stored");
  return item;
}
