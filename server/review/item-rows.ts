import { sql, type Sql } from "../traces/sql";
import type { ReviewItemView, ReviewObjectType, ReviewReason, ReviewStatus } from "./types";

/**
 * The one definition of an item's visible status, used by the list, its counts and the claim
 * queries alike: completed items are completed, a pending item with an unexpired claim is
 * in review, any other pending item is pending. Conditions on the raw columns keep the
 * queries on their indexes.
 */
export const STATUS_CONDITION_SQL: Record<ReviewStatus, Sql> = {
  completed: sql`ri.status = 'COMPLETED'`,
  in_review: sql`(ri.status = 'PENDING' AND ri.claimed_until > now())`,
  pending: sql`(ri.status = 'PENDING' AND (ri.claimed_until IS NULL OR ri.claimed_until <= now()))`,
};

export const ITEM_STATUS_SQL: Sql = sql`CASE
  WHEN ${STATUS_CONDITION_SQL.completed} THEN 'completed'
  WHEN ${STATUS_CONDITION_SQL.in_review} THEN 'in_review'
  ELSE 'pending' END`;

export const ITEM_COLUMNS_SQL: Sql = sql`ri.id, ri.object_type, ri.object_id, ri.trace_id,
  ri.observation_id, ri.session_id, ri.trace_name, ri.observation_name, ri.model,
  ri.prompt_name, ri.prompt_version, ri.reasons, ri.failed_checks, ri.reviews_required,
  ri.review_count, ri.assignee_id, ri.verdict, ri.labels, ri.comment, ri.corrected_output,
  ri.reviewed_by, ri.reviewed_at, ri.completed_at, ri.created_at,
  CASE WHEN ri.claimed_until > now() THEN ri.claimed_by END AS claimed_by,
  CASE WHEN ri.claimed_until > now() THEN ri.claimed_until END AS claimed_until,
  ${ITEM_STATUS_SQL} AS display_status`;

export interface ItemRow {
  id: string;
  object_type: ReviewObjectType;
  object_id: string;
  trace_id: string | null;
  observation_id: string | null;
  session_id: string | null;
  trace_name: string | null;
  observation_name: string | null;
  model: string | null;
  prompt_name: string | null;
  prompt_version: number | null;
  reasons: string[];
  failed_checks: string[];
  reviews_required: number;
  review_count: number;
  assignee_id: string | null;
  claimed_by: string | null;
  claimed_until: Date | string | null;
  verdict: "PASS" | "FAIL" | null;
  labels: string[];
  comment: string | null;
  corrected_output: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | string | null;
  completed_at: Date | string | null;
  created_at: Date | string;
  display_status: ReviewStatus;
}

function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

function toVerdictValue(verdict: ItemRow["verdict"]): ReviewItemView["verdict"] {
  if (verdict === null) return null;
  return verdict === "PASS" ? "pass" : "fail";
}

/** Maps a row selected with ITEM_COLUMNS_SQL, directly or through json_agg. */
export function toItemView(row: ItemRow): ReviewItemView {
  return {
    id: row.id,
    objectType: row.object_type,
    objectId: row.object_id,
    traceId: row.trace_id,
    observationId: row.observation_id,
    sessionId: row.session_id,
    traceName: row.trace_name,
    observationName: row.observation_name,
    model: row.model,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    reasons: row.reasons as ReviewReason[],
    failedChecks: row.failed_checks,
    status: row.display_status,
    reviewsRequired: row.reviews_required,
    reviewCount: row.review_count,
    assigneeId: row.assignee_id,
    claimedBy: row.claimed_by,
    claimedUntil: toDate(row.claimed_until),
    verdict: toVerdictValue(row.verdict),
    labels: row.labels,
    comment: row.comment,
    correctedOutput: row.corrected_output,
    reviewedBy: row.reviewed_by,
    reviewedAt: toDate(row.reviewed_at),
    completedAt: toDate(row.completed_at),
    createdAt: new Date(row.created_at),
  };
}
