import { normalCdf, normalSurvival } from "./normal";

/** Which change the test looks for: any, a rise of the current window, or a fall. */
export type Alternative = "two-sided" | "greater" | "less";

export interface ZTestResult {
  /** z = (current − baseline) / standard error; positive when the current window is higher. */
  statistic: number;
  pValue: number;
}

/** Returns the p-value of a standard normal statistic for the chosen alternative. */
export function normalPValue(z: number, alternative: Alternative): number {
  if (alternative === "greater") return normalSurvival(z);
  if (alternative === "less") return normalCdf(z);
  return Math.min(1, 2 * normalSurvival(Math.abs(z)));
}

export interface ProportionSample {
  successes: number;
  total: number;
}

export interface TwoProportionResult extends ZTestResult {
  baselineRate: number;
  currentRate: number;
}

/**
 * Two-proportion z-test with the pooled standard error
 * sqrt(p̂(1 − p̂)(1/n₁ + 1/n₂)), p̂ the pooled rate. Its two-sided p-value equals that of
 * Pearson's chi-square on the 2 × 2 table without continuity correction. Returns null when a
 * window is empty. When both windows are all successes or all failures, z is 0 and p is 1.
 */
export function twoProportionZTest(
  baseline: ProportionSample,
  current: ProportionSample,
  alternative: Alternative = "two-sided",
): TwoProportionResult | null {
  if (baseline.total <= 0 || current.total <= 0) return null;
  const baselineRate = baseline.successes / baseline.total;
  const currentRate = current.successes / current.total;
  const pooledRate = (baseline.successes + current.successes) / (baseline.total + current.total);
  const variance = pooledRate * (1 - pooledRate) * (1 / baseline.total + 1 / current.total);
  if (variance <= 0) return { baselineRate, currentRate, statistic: 0, pValue: 1 };

  const statistic = (currentRate - baselineRate) / Math.sqrt(variance);
  return { baselineRate, currentRate, statistic, pValue: normalPValue(statistic, alternative) };
}

export interface MeanSample {
  count: number;
  mean: number;
  /** Sample variance with n − 1 in the denominator. */
  variance: number;
}

/**
 * Two-sample z-test for a difference of means with unpooled variances (the large-sample form of
 * Welch's test): z = (x̄₂ − x̄₁) / sqrt(s₁²/n₁ + s₂²/n₂). Valid for about 30 or more
 * observations per window. Returns null when a window has fewer than 2 observations.
 */
export function twoMeanZTest(
  baseline: MeanSample,
  current: MeanSample,
  alternative: Alternative = "two-sided",
): ZTestResult | null {
  if (baseline.count < 2 || current.count < 2) return null;
  const variance = baseline.variance / baseline.count + current.variance / current.count;
  if (variance <= 0) {
    const same = baseline.mean === current.mean;
    const statistic = same ? 0 : Math.sign(current.mean - baseline.mean) * Infinity;
    return { statistic, pValue: same ? 1 : normalPValue(statistic, alternative) };
  }
  const statistic = (current.mean - baseline.mean) / Math.sqrt(variance);
  return { statistic, pValue: normalPValue(statistic, alternative) };
}
