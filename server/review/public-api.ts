import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { pageParams, parseQuery, readQueryParams } from "../traces/public-api/query-params";
import type { SqlClient } from "../traces/sql";
import { addItemsInputSchema, addReviewItems, type AddItemsResult } from "./add-items";
import { getAudit, type StoredAudit } from "./audits";
import { exportWeekCsv } from "./export-csv";
import { parseIsoWeek } from "./iso-week";
import { listReviewItems, reviewItemFiltersSchema } from "./list-items";
import type { ReviewCounts, ReviewItemView } from "./types";

const reviewItemsQuery = reviewItemFiltersSchema.extend(pageParams);

export interface PublicReviewItemPage {
  data: ReviewItemView[];
  meta: { page: number; limit: number; totalItems: number; totalPages: number };
  counts: ReviewCounts;
}

/** GET /api/public/review-items: filters status, reason, assigneeId ("none": unassigned),
 * label; pages with page and limit; newest first, with counts by status. */
export async function listPublicReviewItems(
  db: SqlClient,
  projectId: string,
  url: URL,
): Promise<PublicReviewItemPage> {
  const { page, limit, ...filters } = parseQuery(reviewItemsQuery, readQueryParams(url, []));
  const result = await listReviewItems(db, projectId, filters, { page, limit });
  return {
    data: result.items,
    meta: {
      page: result.page,
      limit: result.limit,
      totalItems: result.totalItems,
      totalPages: result.totalPages,
    },
    counts: result.counts,
  };
}

/** POST /api/public/review-items with `{items: [{traceId} | {observationId} | {sessionId}]}`. */
export async function addPublicReviewItems(
  db: Db,
  sqlClient: SqlClient,
  projectId: string,
  body: unknown,
): Promise<AddItemsResult> {
  const parsed = addItemsInputSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "items";
    const hint = 'send {"items": [{"traceId": "..."}, {"observationId": "..."}]}';
    throw new AppError("INVALID_INPUT", `Invalid ${field}: ${issue.message}; ${hint}`, field);
  }
  return addReviewItems(db, sqlClient, projectId, parsed.data.items);
}

const auditQuery = z.object({ format: z.enum(["json", "csv"]).default("json") });

/** GET /api/public/audits/{week}: the week's report, or its verdicts as CSV with format=csv. */
export async function readPublicAudit(
  db: Db,
  sqlClient: SqlClient,
  projectId: string,
  weekText: string,
  url: URL,
): Promise<{ format: "json"; audit: StoredAudit } | { format: "csv"; csv: string; week: string }> {
  const week = parseIsoWeek(weekText);
  const { format } = parseQuery(auditQuery, readQueryParams(url, []));
  if (format === "csv") {
    return { format, csv: await exportWeekCsv(sqlClient, projectId, week), week: week.week };
  }
  return { format, audit: await getAudit(db, sqlClient, projectId, week.week) };
}
