import { z } from "zod";
import { recordAuditEvent } from "../../audit/record";
import { getPool } from "../../db/client";
import { addItemsInputSchema, addReviewItems } from "../../review/add-items";
import { assignItems, listReviewers } from "../../review/assign";
import { getAudit, listAudits, MAX_LISTED_AUDITS, runAudit } from "../../review/audits";
import { claimNextItem, releaseItem, skipItem } from "../../review/claims";
import { exportWeekCsv } from "../../review/export-csv";
import { getReviewItemOrThrow } from "../../review/get-item";
import { isoWeekOf, parseIsoWeek } from "../../review/iso-week";
import {
  listReviewItems,
  MAX_ITEMS_PAGE_SIZE,
  reviewItemFiltersSchema,
} from "../../review/list-items";
import {
  getReviewSettings,
  reviewSettingsPatchSchema,
  saveReviewSettings,
} from "../../review/settings";
import { submitVerdict, verdictInputSchema } from "../../review/verdicts";
import { createTRPCRouter, projectProcedure, projectProcedureWithRole } from "../trpc";

const itemId = z.string().min(1).max(64);
const memberProcedure = projectProcedureWithRole("MEMBER");
const adminProcedure = projectProcedureWithRole("ADMIN");

const settingsRouter = createTRPCRouter({
  /** The project's review settings, defaults included. */
  get: projectProcedure.query(({ ctx, input }) => getReviewSettings(ctx.db, input.projectId)),

  /** Saves the given settings and records the change in the audit log, in one transaction. */
  update: adminProcedure
    .input(reviewSettingsPatchSchema)
    .mutation(({ ctx, input: { projectId, ...patch } }) =>
      ctx.db.$transaction(async (tx) => {
        const { before, after } = await saveReviewSettings(tx, projectId, patch, ctx.user.id);
        await recordAuditEvent(tx, {
          organizationId: ctx.project.organizationId,
          projectId,
          actor: { userId: ctx.user.id },
          action: "review_settings.update",
          resourceType: "review_settings",
          resourceId: projectId,
          before,
          after,
        });
        return after;
      }),
    ),
});

const isoWeek = z.string().min(1).max(16);

const auditsRouter = createTRPCRouter({
  /** Stored weekly reports, newest week first. */
  list: projectProcedure
    .input(z.object({ limit: z.number().int().min(1).max(MAX_LISTED_AUDITS).default(26) }))
    .query(({ ctx, input }) => listAudits(ctx.db, input.projectId, input.limit)),

  /** The report of an ISO week ("2026-W49"); weeks not yet final are recomputed. */
  get: projectProcedure
    .input(z.object({ week: isoWeek }))
    .query(({ ctx, input }) => getAudit(ctx.db, getPool(), input.projectId, input.week)),

  /** Recomputes and stores the report of a week, the current week by default. */
  run: memberProcedure.input(z.object({ week: isoWeek.optional() })).mutation(({ ctx, input }) => {
    const week = input.week ? parseIsoWeek(input.week) : isoWeekOf(new Date());
    return runAudit(ctx.db, getPool(), input.projectId, week);
  }),

  /** Every verdict of the week as CSV text, one row per verdict. */
  exportCsv: projectProcedure.input(z.object({ week: isoWeek })).query(async ({ input }) => {
    const week = parseIsoWeek(input.week);
    const csv = await exportWeekCsv(getPool(), input.projectId, week);
    return { filename: `review-${week.week}.csv`, csv };
  }),
});

export const reviewRouter = createTRPCRouter({
  /** One page of queue items with counts by status under the same filters. */
  list: projectProcedure
    .input(
      z.object({
        filters: reviewItemFiltersSchema.default({}),
        page: z.number().int().min(1).max(100_000).default(1),
        limit: z.number().int().min(1).max(MAX_ITEMS_PAGE_SIZE).default(50),
      }),
    )
    .query(({ input }) =>
      listReviewItems(getPool(), input.projectId, input.filters, {
        page: input.page,
        limit: input.limit,
      }),
    ),

  /** An item with its verdicts and context (trace tree, observation IO, session, scores). */
  get: projectProcedure
    .input(z.object({ itemId }))
    .query(({ ctx, input }) =>
      getReviewItemOrThrow(ctx.db, getPool(), input.projectId, input.itemId),
    ),

  /** Claims the next item for the caller; `item` is null when none is free for them. */
  claimNext: memberProcedure.mutation(({ ctx, input }) =>
    claimNextItem(ctx.db, getPool(), input.projectId, ctx.user.id),
  ),

  /** Records the caller's verdict; it becomes ANNOTATION scores "review" and "review-label". */
  submitVerdict: memberProcedure
    .input(verdictInputSchema.extend({ itemId }))
    .mutation(({ ctx, input: { projectId, itemId: id, ...verdict } }) =>
      submitVerdict(ctx.db, projectId, id, ctx.user.id, verdict),
    ),

  /** Skips an item for the caller and releases their claim on it. */
  skip: memberProcedure
    .input(z.object({ itemId }))
    .mutation(({ ctx, input }) => skipItem(getPool(), input.projectId, input.itemId, ctx.user.id)),

  /** Releases the caller's claim on an item. */
  release: memberProcedure
    .input(z.object({ itemId }))
    .mutation(({ ctx, input }) =>
      releaseItem(getPool(), input.projectId, input.itemId, ctx.user.id),
    ),

  /** Assigns pending items to a reviewer of the project, or unassigns them (null). */
  assign: memberProcedure
    .input(
      z.object({
        itemIds: z.array(itemId).min(1).max(MAX_ITEMS_PAGE_SIZE),
        assigneeId: z.string().min(1).max(64).nullable(),
      }),
    )
    .mutation(({ ctx, input }) =>
      assignItems(ctx.db, getPool(), input.projectId, input.itemIds, input.assigneeId),
    ),

  /** Members who may review (MEMBER role or higher), for the assign menu. */
  reviewers: projectProcedure.query(({ ctx, input }) =>
    listReviewers(ctx.db, input.projectId, ctx.project.organizationId),
  ),

  /** Adds traces, observations or sessions; returns a result per reference. */
  addItems: memberProcedure
    .input(addItemsInputSchema)
    .mutation(({ ctx, input }) => addReviewItems(ctx.db, getPool(), input.projectId, input.items)),

  settings: settingsRouter,
  audits: auditsRouter,
});
