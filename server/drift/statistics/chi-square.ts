import { regularizedGammaQ } from "./gamma";

/** Returns P(X ≥ x) for X chi-square distributed with `degreesOfFreedom`. */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom <= 0) throw new RangeError("degreesOfFreedom must be positive");
  return regularizedGammaQ(degreesOfFreedom / 2, x / 2);
}

export interface ChiSquareResult {
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
  /** Cramér's V, the effect size in 0..1: sqrt(χ² / (N · (min(rows, columns) − 1))). */
  cramersV: number;
}

/**
 * Pearson's chi-square test of homogeneity for two windows over the same categories (a 2 × k
 * contingency table), without Yates' continuity correction. Categories empty in both windows
 * are dropped. Returns null when a window is empty or fewer than two categories remain.
 * The approximation wants expected counts of about 5 or more, so callers pool rare categories.
 */
export function chiSquareHomogeneity(
  baselineCounts: readonly number[],
  currentCounts: readonly number[],
): ChiSquareResult | null {
  if (baselineCounts.length !== currentCounts.length) {
    throw new RangeError("baselineCounts and currentCounts must have the same length");
  }
  const columns = baselineCounts
    .map((baseline, i) => [baseline, currentCounts[i]!] as const)
    .filter(([baseline, current]) => baseline + current > 0);
  const baselineTotal = columns.reduce((sum, [baseline]) => sum + baseline, 0);
  const currentTotal = columns.reduce((sum, [, current]) => sum + current, 0);
  const total = baselineTotal + currentTotal;
  if (columns.length < 2 || baselineTotal === 0 || currentTotal === 0) return null;

  let statistic = 0;
  for (const [baseline, current] of columns) {
    const columnTotal = baseline + current;
    const expectedBaseline = (columnTotal * baselineTotal) / total;
    const expectedCurrent = (columnTotal * currentTotal) / total;
    statistic += (baseline - expectedBaseline) ** 2 / expectedBaseline;
    statistic += (current - expectedCurrent) ** 2 / expectedCurrent;
  }
  const degreesOfFreedom = columns.length - 1;

  return {
    statistic,
    degreesOfFreedom,
    pValue: chiSquareSurvival(statistic, degreesOfFreedom),
    // A 2 × k table has min(rows, columns) − 1 = 1.
    cramersV: Math.sqrt(statistic / total),
  };
}
