import { z } from "zod";
import { andSql, queryRows, sql, type Sql, type SqlClient } from "../traces/sql";
import { ITEM_COLUMNS_SQL, STATUS_CONDITION_SQL, toItemView, type ItemRow } from "./item-rows";
import {
  REVIEW_LABELS,
  REVIEW_REASONS,
  REVIEW_STATUSES,
  type ReviewCounts,
  type ReviewItemView,
} from "./types";

export const MAX_ITEMS_PAGE_SIZE = 100;
/** Filter value that selects items without an assignee. */
export const UNASSIGNED = "none";

export const reviewItemFiltersSchema = z.object({
  status: z.enum(REVIEW_STATUSES).optional(),
  reason: z.enum(REVIEW_REASONS).optional(),
  /** A user id, or "none" for unassigned items. */
  assigneeId: z.string().min(1).max(64).optional(),
  label: z.enum(REVIEW_LABELS).optional(),
});

export type ReviewItemFilters = z.infer<typeof reviewItemFiltersSchema>;

export interface ReviewItemPage {
  items: ReviewItemView[];
  page: number;
  limit: number;
  /** Items matching every filter; equals the count of the filtered status in `counts`. */
  totalItems: number;
  totalPages: number;
  /** Counts by status under every filter except the status filter. */
  counts: ReviewCounts;
}

function filterConditions(projectId: string, filters: ReviewItemFilters): Sql[] {
  const conditions = [sql`ri.project_id = ${projectId}`];
  if (filters.reason) conditions.push(sql`${filters.reason} = ANY(ri.reasons)`);
  if (filters.label) conditions.push(sql`${filters.label} = ANY(ri.labels)`);
  if (filters.assigneeId === UNASSIGNED) conditions.push(sql`ri.assignee_id IS NULL`);
  else if (filters.assigneeId) conditions.push(sql`ri.assignee_id = ${filters.assigneeId}`);
  return conditions;
}

interface PageRow {
  total: number;
  in_review: number;
  completed: number;
  items: ItemRow[] | null;
}

/**
 * Loads one page of a project's review items, newest first, with counts by status. List and counts
 * come from one statement, so they see the same rows and the same now() even while items
 * change.
 */
export async function listReviewItems(
  db: SqlClient,
  projectId: string,
  filters: ReviewItemFilters,
  pagination: { page: number; limit: number },
): Promise<ReviewItemPage> {
  const offset = (pagination.page - 1) * pagination.limit;
  const conditions = filterConditions(projectId, filters);
  const pageConditions = filters.status
    ? [...conditions, STATUS_CONDITION_SQL[filters.status]]
    : conditions;
  const [row] = await queryRows<PageRow>(
    db,
    sql`WITH page AS (
        SELECT ${ITEM_COLUMNS_SQL} FROM review_items ri
        WHERE ${andSql(pageConditions)}
        ORDER BY ri.created_at DESC, ri.id DESC LIMIT ${pagination.limit} OFFSET ${offset}
      )
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE ${STATUS_CONDITION_SQL.in_review})::int AS in_review,
        count(*) FILTER (WHERE ${STATUS_CONDITION_SQL.completed})::int AS completed,
        (SELECT json_agg(page ORDER BY page.created_at DESC, page.id DESC) FROM page) AS items
      FROM review_items ri
      WHERE ${andSql(conditions)}`,
  );
  const counts: ReviewCounts = {
    total: row!.total,
    pending: row!.total - row!.in_review - row!.completed,
    inReview: row!.in_review,
    completed: row!.completed,
  };
  const totalItems = filters.status ? countOfStatus(counts, filters.status) : counts.total;
  return {
    items: (row!.items ?? []).map(toItemView),
    page: pagination.page,
    limit: pagination.limit,
    totalItems,
    totalPages: Math.ceil(totalItems / pagination.limit),
    counts,
  };
}

function countOfStatus(counts: ReviewCounts, status: NonNullable<ReviewItemFilters["status"]>) {
  if (status === "in_review") return counts.inReview;
  return counts[status];
}

/** Counts by status of a project's whole queue. */
export async function countReviewItems(db: SqlClient, projectId: string): Promise<ReviewCounts> {
  const page = await listReviewItems(db, projectId, {}, { page: 1, limit: 1 });
  return page.counts;
}
