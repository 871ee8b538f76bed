import { ALPHA } from "./thresholds";
import type { DriftFinding, DriftSeverity, DriftStatus } from "./types";

/**
 * Returns the status of a test that must pass both gates: p below ALPHA and an effect at or
 * above its threshold, both in the direction of harm (callers pass the signed effect).
 */
export function decideStatus(pValue: number, effect: number, effectThreshold: number): DriftStatus {
  return pValue < ALPHA && effect >= effectThreshold ? "drift" : "no_drift";
}

/** Returns "high" when the effect is twice its threshold or more, else "medium". */
export function severityFor(effect: number, effectThreshold: number): DriftSeverity {
  return effect >= 2 * effectThreshold ? "high" : "medium";
}

/** Formats a p-value for summaries: three significant digits, or "< 0.001". */
export function formatPValue(pValue: number): string {
  return pValue < 0.001 ? "p < 0.001" : `p = ${pValue.toPrecision(3)}`;
}

export type FindingBase = Pick<DriftFinding, "kind" | "metric" | "method"> &
  Partial<Pick<DriftFinding, "pValueThreshold" | "effectSizeThreshold">>;

/** Builds the finding of a test whose windows are too small to decide anything. */
export function notEnoughData(
  base: FindingBase,
  counts: { baseline: number; current: number },
  minimum: number,
  unit: string,
): DriftFinding {
  return {
    pValueThreshold: null,
    effectSizeThreshold: null,
    ...base,
    status: "not_enough_data",
    severity: null,
    statistic: null,
    pValue: null,
    effectSize: null,
    baselineCount: counts.baseline,
    currentCount: counts.current,
    summary:
      `Not enough data: ${counts.baseline} ${unit} in the baseline and ${counts.current} in ` +
      `the current window; each needs at least ${minimum}.`,
    details: {},
  };
}
