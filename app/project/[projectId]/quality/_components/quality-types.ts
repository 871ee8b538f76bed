import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type QualityOutputs = inferRouterOutputs<AppRouter>["quality"];

export type QualitySeries = QualityOutputs["series"];
export type QualityPoint = QualitySeries["points"][number];
export type QualityBreakdownRow = QualityOutputs["breakdown"][number];
export type FlagCount = QualityOutputs["flags"][number];
export type WorstOutput = QualityOutputs["worst"][number];
export type WorstOrder = "toxicity" | "perplexity" | "consistency" | "flags";

export interface QueryState<T> {
  data: T | undefined;
  isPending: boolean;
  error: { message: string } | null;
}

/** The Quality page's model and prompt filters; null means all. */
export interface QualityFilters {
  model: string | null;
  promptName: string | null;
  promptVersion: number | null;
}

export { SAFETY_FLAG_LABELS as FLAG_LABELS } from "@/components/quality/flag-labels";
