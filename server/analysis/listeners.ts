import type { Db } from "../db/client";
import { reviewSamplingListener } from "../review/sample-generations";
import type { AnalyzedGeneration } from "./types";

/**
 * Work that follows the analysis of generations, such as queueing flagged outputs for review.
 * A listener is called once per analysed chunk, after its measures are stored, and may be
 * called again for the same generation when it is re-analysed after an update, so it must be
 * idempotent. An error in one listener is logged and does not stop the others.
 */
export type AnalysisListener = (db: Db, generations: AnalyzedGeneration[]) => Promise<void>;

export const analysisListeners: AnalysisListener[] = [reviewSamplingListener];
