import type { AnalyzedGeneration } from "../analysis/types";
import type { Db } from "../db/client";
import { getPool } from "../db/client";
import { moduleLogger } from "../logger";
import type { SqlClient } from "../traces/sql";
import { resolveSamplePercent } from "./rules";
import { isInSample, needsDoubleReview } from "./sampling";
import { getReviewSettingsByProject, type ReviewSettingsView } from "./settings";
import type { ReviewReason } from "./types";
import { upsertReviewItems, type ReviewCandidate, type UpsertedItem } from "./upsert-items";

const log = moduleLogger("review");

/** Why a generation enters the queue; empty when it is neither flagged nor sampled. */
export function reasonsForGeneration(
  generation: AnalyzedGeneration,
  settings: ReviewSettingsView,
): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (generation.flags.length > 0) reasons.push("failed_check");
  if (generation.toxicity !== null && generation.toxicity >= settings.toxicityThreshold) {
    reasons.push("high_toxicity");
  }
  if (generation.level === "ERROR") reasons.push("error");
  const percent = resolveSamplePercent(settings.rules, settings.samplePercent, generation);
  if (isInSample(generation.projectId, "OBSERVATION", generation.observationId, percent)) {
    reasons.push("sampled");
  }
  return reasons;
}

function toCandidate(
  generation: AnalyzedGeneration,
  reasons: ReviewReason[],
  settings: ReviewSettingsView,
): ReviewCandidate {
  const { projectId, observationId } = generation;
  const double = needsDoubleReview(
    projectId,
    "OBSERVATION",
    observationId,
    settings.doubleReviewPercent,
  );
  return {
    projectId,
    objectType: "OBSERVATION",
    objectId: observationId,
    traceId: generation.traceId,
    observationId,
    sessionId: null,
    traceName: generation.traceName,
    observationName: generation.name,
    model: generation.model,
    promptName: generation.promptName,
    promptVersion: generation.promptVersion,
    reasons,
    failedChecks: [...generation.flags],
    reviewsRequired: double ? 2 : 1,
  };
}

/**
 * Queues the analysed generations that are flagged (failed safety check, high toxicity, error
 * level) or fall in their project's sampled share. Idempotent: a generation analysed again maps
 * to the same item and the same sampling decision.
 */
export async function queueAnalyzedGenerations(
  db: Db,
  sqlClient: SqlClient,
  generations: AnalyzedGeneration[],
): Promise<UpsertedItem[]> {
  if (generations.length === 0) return [];
  const projectIds = [...new Set(generations.map((generation) => generation.projectId))];
  const settingsByProject = await getReviewSettingsByProject(db, projectIds);

  const candidates: ReviewCandidate[] = [];
  for (const generation of generations) {
    const settings = settingsByProject.get(generation.projectId)!;
    const reasons = reasonsForGeneration(generation, settings);
    if (reasons.length > 0) candidates.push(toCandidate(generation, reasons, settings));
  }

  const items = await upsertReviewItems(sqlClient, candidates);
  log.debug(
    { generationCount: generations.length, queuedCount: items.length },
    "analysed generations queued for review",
  );
  return items;
}

/** The analysis listener: queues on the app's connection pool. */
export async function reviewSamplingListener(
  db: Db,
  generations: AnalyzedGeneration[],
): Promise<void> {
  await queueAnalyzedGenerations(db, getPool(), generations);
}
