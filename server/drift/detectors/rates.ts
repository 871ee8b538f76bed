import type { PerplexityStats } from "../measure-queries";
import type { WindowPair } from "../sql";
import { twoMeanZTest, twoProportionZTest, type ProportionSample } from "../statistics/proportions";
import { ALPHA, MIN_SAMPLES_PER_WINDOW, RATING_EFFECT_THRESHOLD } from "../thresholds";
import type { DriftFinding, DriftKind } from "../types";
import { decideStatus, formatPValue, notEnoughData, severityFor } from "../verdict";

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export interface RateTest {
  kind: DriftKind;
  metric: string;
  /** The counted events, plural, e.g. "toxic outputs". */
  label: string;
  /** The sampled objects, plural, e.g. "generations" or "reviews". */
  unit: string;
  baseline: ProportionSample;
  current: ProportionSample;
  /** The harmful direction: "greater" for failure rates, "less" for success rates. */
  harm: "greater" | "less";
  /** Smallest change of the rate, in share points, that counts as drift. */
  changeThreshold: number;
  minSamples?: number;
}

/**
 * Tests a rate for a change in its harmful direction with the one-sided two-proportion z-test.
 * Drift needs p < ALPHA and a change of at least `changeThreshold` share points.
 */
export function detectRateChange(test: RateTest): DriftFinding {
  const minSamples = test.minSamples ?? MIN_SAMPLES_PER_WINDOW;
  const counts = { baseline: test.baseline.total, current: test.current.total };
  const base = {
    kind: test.kind,
    metric: test.metric,
    method: "two_proportion_z_test",
    pValueThreshold: ALPHA,
    effectSizeThreshold: test.changeThreshold,
  };
  const result = twoProportionZTest(test.baseline, test.current, test.harm);
  if (!result || Math.min(counts.baseline, counts.current) < minSamples) {
    return notEnoughData(base, counts, minSamples, test.unit);
  }

  const change = result.currentRate - result.baselineRate;
  const harmfulChange = test.harm === "greater" ? change : -change;
  const status = decideStatus(result.pValue, harmfulChange, test.changeThreshold);
  const rates = `${percent(result.baselineRate)} → ${percent(result.currentRate)}`;
  const verb = change >= 0 ? "rose" : "fell";
  return {
    ...base,
    status,
    severity: status === "drift" ? severityFor(harmfulChange, test.changeThreshold) : null,
    statistic: result.statistic,
    pValue: result.pValue,
    effectSize: harmfulChange,
    baselineCount: counts.baseline,
    currentCount: counts.current,
    summary:
      status === "drift"
        ? `Share of ${test.label} ${verb}: ${rates} (z = ${result.statistic.toFixed(2)}, ` +
          `${formatPValue(result.pValue)}).`
        : `Share of ${test.label} steady: ${rates} (${formatPValue(result.pValue)}).`,
    details: { baselineValue: result.baselineRate, currentValue: result.currentRate },
  };
}

export interface PerplexityTest {
  stats: WindowPair<PerplexityStats>;
  source: string;
  /** Alert threshold of the rise of the mean, in percent of the baseline mean. */
  alertPercent: number;
}

/**
 * Tests a rise of the mean perplexity with the one-sided two-mean z-test. Drift needs
 * p < ALPHA and a rise of at least `alertPercent` of the baseline mean.
 */
export function detectPerplexityChange(test: PerplexityTest): DriftFinding {
  const { baseline, current } = test.stats;
  const counts = { baseline: baseline.count, current: current.count };
  const threshold = test.alertPercent / 100;
  const base = {
    kind: "output" as const,
    metric: "perplexity",
    method: "two_mean_z_test",
    pValueThreshold: ALPHA,
    effectSizeThreshold: threshold,
  };
  if (
    Math.min(counts.baseline, counts.current) < MIN_SAMPLES_PER_WINDOW ||
    baseline.mean === null ||
    current.mean === null ||
    baseline.mean <= 0
  ) {
    return notEnoughData(base, counts, MIN_SAMPLES_PER_WINDOW, "generations with perplexity");
  }
  const result = twoMeanZTest(
    { count: baseline.count, mean: baseline.mean, variance: baseline.variance ?? 0 },
    { count: current.count, mean: current.mean, variance: current.variance ?? 0 },
    "greater",
  )!;
  const change = (current.mean - baseline.mean) / baseline.mean;
  const status = decideStatus(result.pValue, change, threshold);
  const means = `${baseline.mean.toFixed(2)} → ${current.mean.toFixed(2)}`;
  const signedPercent = `${change >= 0 ? "+" : ""}${(change * 100).toFixed(1)}%`;
  return {
    ...base,
    status,
    severity: status === "drift" ? severityFor(change, threshold) : null,
    statistic: result.statistic,
    pValue: result.pValue,
    effectSize: change,
    baselineCount: counts.baseline,
    currentCount: counts.current,
    summary:
      `Mean perplexity (${test.source}) ${means}, ${signedPercent}; the alert threshold is ` +
      `+${test.alertPercent}% (${formatPValue(result.pValue)}).`,
    details: {
      baselineValue: baseline.mean,
      currentValue: current.mean,
      method: { perplexitySource: test.source },
    },
  };
}

export interface RatingTest {
  baseline: { count: number; mean: number | null; variance: number | null };
  current: { count: number; mean: number | null; variance: number | null };
}

/**
 * Tests a drop of the mean rating with the one-sided two-mean z-test. The effect is the drop
 * in baseline standard deviations; drift needs p < ALPHA and an effect of at least 0.2.
 */
export function detectRatingDrop(test: RatingTest): DriftFinding {
  const counts = { baseline: test.baseline.count, current: test.current.count };
  const base = {
    kind: "performance" as const,
    metric: "rating",
    method: "two_mean_z_test",
    pValueThreshold: ALPHA,
    effectSizeThreshold: RATING_EFFECT_THRESHOLD,
  };
  const { baseline, current } = test;
  if (
    Math.min(counts.baseline, counts.current) < MIN_SAMPLES_PER_WINDOW ||
    baseline.mean === null ||
    current.mean === null
  ) {
    return notEnoughData(base, counts, MIN_SAMPLES_PER_WINDOW, "ratings");
  }
  const result = twoMeanZTest(
    { count: baseline.count, mean: baseline.mean, variance: baseline.variance ?? 0 },
    { count: current.count, mean: current.mean, variance: current.variance ?? 0 },
    "less",
  )!;
  const spread = Math.sqrt(baseline.variance ?? 0);
  const drop = baseline.mean - current.mean;
  // A constant baseline makes any drop infinitely many standard deviations.
  let effect = drop > 0 ? Infinity : 0;
  if (spread > 0) effect = drop / spread;
  const status = decideStatus(result.pValue, effect, RATING_EFFECT_THRESHOLD);
  const means = `${baseline.mean.toFixed(2)} → ${current.mean.toFixed(2)}`;
  return {
    ...base,
    status,
    severity: status === "drift" ? severityFor(effect, RATING_EFFECT_THRESHOLD) : null,
    statistic: result.statistic,
    pValue: result.pValue,
    effectSize: Number.isFinite(effect) ? effect : null,
    baselineCount: counts.baseline,
    currentCount: counts.current,
    summary:
      status === "drift"
        ? `Mean rating fell: ${means} (${formatPValue(result.pValue)}).`
        : `Mean rating steady: ${means} (${formatPValue(result.pValue)}).`,
    details: { baselineValue: baseline.mean, currentValue: current.mean },
  };
}
