import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { parseStoredRules, samplingRulesSchema, type SamplingRule } from "./rules";

/** Review queue settings of one project; a project that never saved any gets the defaults. */
export interface ReviewSettingsView {
  /** Share of generations sampled into the queue, 0 to 100 percent. */
  samplePercent: number;
  /** Share of queued items that need a second, independent review, 0 to 100 percent. */
  doubleReviewPercent: number;
  /** Toxicity (0 to 1) at or above which a generation is queued as high_toxicity. */
  toxicityThreshold: number;
  /** NUMERIC feedback at or below this value is negative; null counts BOOLEAN 0 only. */
  lowRatingMax: number | null;
  /** How long a claim keeps an item away from other reviewers. */
  claimMinutes: number;
  rules: SamplingRule[];
  updatedAt: Date | null;
  updatedByUserId: string | null;
}

/** The defaults, equal to the column defaults of review_settings. */
export const DEFAULT_REVIEW_SETTINGS: ReviewSettingsView = {
  samplePercent: 30,
  doubleReviewPercent: 10,
  toxicityThreshold: 0.7,
  lowRatingMax: 0,
  claimMinutes: 30,
  rules: [],
  updatedAt: null,
  updatedByUserId: null,
};

export const reviewSettingsPatchSchema = z.object({
  samplePercent: z.number().int().min(0).max(100).optional(),
  doubleReviewPercent: z.number().int().min(0).max(100).optional(),
  toxicityThreshold: z.number().min(0).max(1).optional(),
  lowRatingMax: z.number().finite().nullable().optional(),
  claimMinutes: z.number().int().min(1).max(1440).optional(),
  rules: samplingRulesSchema.optional(),
});

export type ReviewSettingsPatch = z.infer<typeof reviewSettingsPatchSchema>;

type SettingsClient = Db | Prisma.TransactionClient;

type SettingsRow = NonNullable<Awaited<ReturnType<Db["reviewSettings"]["findUnique"]>>>;

function toSettingsView(row: SettingsRow | null): ReviewSettingsView {
  if (!row) return DEFAULT_REVIEW_SETTINGS;
  return {
    samplePercent: row.samplePercent,
    doubleReviewPercent: row.doubleReviewPercent,
    toxicityThreshold: row.toxicityThreshold,
    lowRatingMax: row.lowRatingMax,
    claimMinutes: row.claimMinutes,
    rules: parseStoredRules(row.rules),
    updatedAt: row.updatedAt,
    updatedByUserId: row.updatedByUserId,
  };
}

export async function getReviewSettings(
  db: SettingsClient,
  projectId: string,
): Promise<ReviewSettingsView> {
  return toSettingsView(await db.reviewSettings.findUnique({ where: { projectId } }));
}

/** Settings of several projects at once, for the sampling listener. */
export async function getReviewSettingsByProject(
  db: Db,
  projectIds: string[],
): Promise<Map<string, ReviewSettingsView>> {
  const rows = await db.reviewSettings.findMany({ where: { projectId: { in: projectIds } } });
  const byProject = new Map(rows.map((row) => [row.projectId, toSettingsView(row)]));
  for (const projectId of projectIds) {
    if (!byProject.has(projectId)) byProject.set(projectId, DEFAULT_REVIEW_SETTINGS);
  }
  return byProject;
}

/** Saves the given fields and returns the settings before and after, for the audit log. */
export async function saveReviewSettings(
  db: SettingsClient,
  projectId: string,
  patch: ReviewSettingsPatch,
  userId: string | null,
): Promise<{ before: ReviewSettingsView; after: ReviewSettingsView }> {
  const before = await getReviewSettings(db, projectId);
  const data = { ...patch, updatedByUserId: userId, updatedAt: new Date() };
  const row = await db.reviewSettings.upsert({
    where: { projectId },
    create: { projectId, ...data },
    update: data,
  });
  return { before, after: toSettingsView(row) };
}
