import type { Db } from "../db/client";
import { AppError } from "../errors";
import { moduleLogger } from "../logger";
import { queryRows, sql, type Sql, type SqlClient } from "../traces/sql";
import { ITEM_COLUMNS_SQL, toItemView, type ItemRow } from "./item-rows";
import { countReviewItems } from "./list-items";
import { getReviewSettings } from "./settings";
import type { ReviewCounts, ReviewItemView } from "./types";

const log = moduleLogger("review");

/**
 * A claim is a lease: `claimed_until` in the future keeps the item from other reviewers, and an
 * expired claim frees it without any clean-up. Claims are taken with a conditional UPDATE over
 * rows locked with FOR UPDATE SKIP LOCKED, so concurrent reviewers never get the same item.
 */

/**
 * A claim attempt can come back empty although items are free: when a concurrent claim changed
 * the chosen row, Postgres re-checks it and drops it instead of taking the next one.
 */
const MAX_CLAIM_ATTEMPTS = 5;

/** Items this user may claim: pending, not claimed by someone else, not assigned to someone
 * else, not skipped by and not yet reviewed by this user. */
function claimableCondition(projectId: string, userId: string): Sql {
  return sql`ri.project_id = ${projectId} AND ri.status = 'PENDING'
    AND (ri.claimed_until IS NULL OR ri.claimed_until <= now() OR ri.claimed_by = ${userId})
    AND (ri.assignee_id IS NULL OR ri.assignee_id = ${userId})
    AND NOT (${userId} = ANY(ri.skipped_by))
    AND NOT EXISTS (SELECT 1 FROM review_verdicts v
      WHERE v.item_id = ri.id AND v.reviewer_id = ${userId})`;
}

/**
 * Lists where claimNext looks, in order: the item the user already holds, items assigned to them,
 * then unassigned items, flagged before sampled and oldest first. Separate stages let each
 * query walk an index instead of sorting the whole queue. Items queued by one statement share
 * created_at, so the order among them is arbitrary.
 */
function claimStages(projectId: string, userId: string): Sql[] {
  const claimable = claimableCondition(projectId, userId);
  return [
    sql`${claimable} AND ri.claimed_by = ${userId} AND ri.claimed_until > now()`,
    sql`${claimable} AND ri.assignee_id = ${userId}`,
    sql`${claimable} AND ri.assignee_id IS NULL`,
  ];
}

async function claimFirstMatching(
  db: SqlClient,
  condition: Sql,
  userId: string,
  claimMinutes: number,
): Promise<ItemRow | null> {
  const [row] = await queryRows<ItemRow>(
    db,
    sql`WITH next AS (
        SELECT ri.id FROM review_items ri WHERE ${condition}
        ORDER BY ri.priority, ri.created_at
        LIMIT 1 FOR UPDATE SKIP LOCKED
      )
      UPDATE review_items ri SET claimed_by = ${userId},
        claimed_until = now() + make_interval(mins => ${claimMinutes}), updated_at = now()
      FROM next WHERE ri.id = next.id
      RETURNING ${ITEM_COLUMNS_SQL}`,
  );
  return row ?? null;
}

async function claimOnce(
  db: SqlClient,
  projectId: string,
  userId: string,
  claimMinutes: number,
): Promise<ItemRow | null> {
  for (const stage of claimStages(projectId, userId)) {
    const row = await claimFirstMatching(db, stage, userId, claimMinutes);
    if (row) return row;
  }
  return null;
}

export interface ClaimResult {
  /** The claimed item, or null when none is free for this user. */
  item: ReviewItemView | null;
  counts: ReviewCounts;
}

/**
 * Claims the next item for the user: the one they already hold, then items assigned to them,
 * then flagged before sampled items, oldest first. Renews the claim when they already hold one.
 */
export async function claimNextItem(
  db: Db,
  sqlClient: SqlClient,
  projectId: string,
  userId: string,
): Promise<ClaimResult> {
  const { claimMinutes } = await getReviewSettings(db, projectId);
  let row: ItemRow | null = null;
  for (let attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS && !row; attempt += 1) {
    row = await claimOnce(sqlClient, projectId, userId, claimMinutes);
    if (!row && !(await hasClaimableItem(sqlClient, projectId, userId))) break;
  }
  if (row) log.debug({ projectId, itemId: row.id }, "review item claimed");
  return {
    item: row ? toItemView(row) : null,
    counts: await countReviewItems(sqlClient, projectId),
  };
}

async function hasClaimableItem(db: SqlClient, projectId: string, userId: string) {
  const rows = await queryRows(
    db,
    sql`SELECT 1 FROM review_items ri WHERE ${claimableCondition(projectId, userId)} LIMIT 1`,
  );
  return rows.length > 0;
}

/** Loads an item of the project as the queue shows it; another project's is NOT_FOUND. */
export async function getItemRowOrThrow(
  db: SqlClient,
  projectId: string,
  itemId: string,
): Promise<ItemRow> {
  const [row] = await queryRows<ItemRow>(
    db,
    sql`SELECT ${ITEM_COLUMNS_SQL} FROM review_items ri
      WHERE ri.project_id = ${projectId} AND ri.id = ${itemId}`,
  );
  if (!row) throw new AppError("NOT_FOUND", `Review item ${itemId} not found`, "itemId");
  return row;
}

/** Gives up the user's claim on an item. Releasing an item one does not hold changes nothing. */
export async function releaseItem(
  db: SqlClient,
  projectId: string,
  itemId: string,
  userId: string,
): Promise<ReviewItemView> {
  await getItemRowOrThrow(db, projectId, itemId);
  await db.query(
    `UPDATE review_items SET claimed_by = NULL, claimed_until = NULL, updated_at = now()
     WHERE project_id = $1 AND id = $2 AND claimed_by = $3`,
    [projectId, itemId, userId],
  );
  return toItemView(await getItemRowOrThrow(db, projectId, itemId));
}

/**
 * Skips an item for this user: the claim is released and claimNext no longer offers it to
 * them. The item stays pending for everyone else.
 */
export async function skipItem(
  db: SqlClient,
  projectId: string,
  itemId: string,
  userId: string,
): Promise<ReviewItemView> {
  const row = await getItemRowOrThrow(db, projectId, itemId);
  if (row.display_status === "completed") {
    throw new AppError("CONFLICT", `Review item ${itemId} is already completed`, "itemId");
  }
  await db.query(
    `UPDATE review_items SET
       skipped_by = CASE WHEN $3 = ANY(skipped_by) THEN skipped_by ELSE skipped_by || $3::text END,
       claimed_by = CASE WHEN claimed_by = $3 THEN NULL ELSE claimed_by END,
       claimed_until = CASE WHEN claimed_by = $3 THEN NULL ELSE claimed_until END,
       updated_at = now()
     WHERE project_id = $1 AND id = $2`,
    [projectId, itemId, userId],
  );
  return toItemView(await getItemRowOrThrow(db, projectId, itemId));
}
