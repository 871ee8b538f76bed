import { LOG_BINS_PER_UNIT, type Histogram } from "../measure-queries";
import { kolmogorovSmirnovFromCounts } from "../statistics/kolmogorov-smirnov";
import { populationStabilityIndex } from "../statistics/psi";
import {
  ALPHA,
  KS_DISTANCE_THRESHOLD,
  MIN_SAMPLES_PER_WINDOW,
  PSI_BIN_COUNT,
  PSI_MODERATE,
  PSI_SIGNIFICANT,
} from "../thresholds";
import type { DriftFinding, DriftKind, DriftSeverity } from "../types";
import { decideStatus, formatPValue, notEnoughData, severityFor } from "../verdict";

/** Converts a log bin back to the value it stands for; `offset` 1 undoes ln(1 + x). */
export function binValue(bin: number, offset: 0 | 1): number {
  return Math.exp(bin / LOG_BINS_PER_UNIT) - offset;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Returns the median bin of one window's counts, or null when it is empty. */
export function medianBin(bins: readonly number[], counts: readonly number[]): number | null {
  const total = sum(counts);
  if (total === 0) return null;
  let seen = 0;
  for (const [i, bin] of bins.entries()) {
    seen += counts[i]!;
    if (seen * 2 >= total) return bin;
  }
  return bins.at(-1) ?? null;
}

export interface DistributionTest {
  kind: DriftKind;
  metric: string;
  /** The unit of a value, plural, e.g. "output words". */
  unit: string;
  /** 1 when the histogram binned ln(1 + x), 0 when it binned ln(x). */
  offset: 0 | 1;
  histogram: Histogram;
}

function formatMedian(bin: number | null, offset: 0 | 1): string {
  if (bin === null) return "none";
  const value = binValue(bin, offset);
  return value >= 100 ? Math.round(value).toString() : value.toPrecision(3);
}

/**
 * Tests whether a measure's distribution moved, with the two-sample Kolmogorov-Smirnov test on
 * its histogram (exact D over the log bins). Drift needs p < ALPHA and D ≥ 0.1.
 */
export function detectDistributionShift(test: DistributionTest): DriftFinding {
  const { histogram } = test;
  const counts = { baseline: sum(histogram.baseline), current: sum(histogram.current) };
  const base = {
    kind: test.kind,
    metric: test.metric,
    method: "kolmogorov_smirnov",
    pValueThreshold: ALPHA,
    effectSizeThreshold: KS_DISTANCE_THRESHOLD,
  };
  const result = kolmogorovSmirnovFromCounts(histogram.baseline, histogram.current);
  if (!result || Math.min(counts.baseline, counts.current) < MIN_SAMPLES_PER_WINDOW) {
    return notEnoughData(base, counts, MIN_SAMPLES_PER_WINDOW, "generations");
  }

  const baselineMedian = medianBin(histogram.bins, histogram.baseline);
  const currentMedian = medianBin(histogram.bins, histogram.current);
  const status = decideStatus(result.pValue, result.statistic, KS_DISTANCE_THRESHOLD);
  const direction = (currentMedian ?? 0) >= (baselineMedian ?? 0) ? "rose" : "fell";
  const medians =
    `median ${formatMedian(baselineMedian, test.offset)} → ` +
    `${formatMedian(currentMedian, test.offset)} ${test.unit}`;
  return {
    ...base,
    status,
    severity: status === "drift" ? severityFor(result.statistic, KS_DISTANCE_THRESHOLD) : null,
    statistic: result.statistic,
    pValue: result.pValue,
    effectSize: result.statistic,
    baselineCount: counts.baseline,
    currentCount: counts.current,
    summary:
      status === "drift"
        ? `Distribution of ${test.unit} ${direction}: ${medians} ` +
          `(KS D = ${result.statistic.toFixed(3)}, ${formatPValue(result.pValue)}).`
        : `No shift in ${test.unit}: ${medians} (KS D = ${result.statistic.toFixed(3)}, ` +
          `${formatPValue(result.pValue)}).`,
    details: {
      baselineValue: baselineMedian === null ? null : binValue(baselineMedian, test.offset),
      currentValue: currentMedian === null ? null : binValue(currentMedian, test.offset),
      method: { ksMethod: result.method },
    },
  };
}

/**
 * Groups log bins into PSI_BIN_COUNT bins at the baseline's deciles. A bin goes wholly to the
 * decile of its baseline mid-rank, so heavy ties make fewer groups; bins seen only in the
 * current window join the group of the baseline bin before them.
 */
export function groupByBaselineDeciles(histogram: Histogram): {
  baseline: number[];
  current: number[];
} {
  const baselineTotal = sum(histogram.baseline);
  const baseline = new Array<number>(PSI_BIN_COUNT).fill(0);
  const current = new Array<number>(PSI_BIN_COUNT).fill(0);
  let seen = 0;
  let group = 0;
  for (const [i, baselineCount] of histogram.baseline.entries()) {
    if (baselineCount > 0) {
      const midRank = seen + baselineCount / 2;
      group = Math.min(PSI_BIN_COUNT - 1, Math.floor((midRank / baselineTotal) * PSI_BIN_COUNT));
      seen += baselineCount;
    }
    baseline[group]! += baselineCount;
    current[group]! += histogram.current[i]!;
  }
  return { baseline, current };
}

function psiSeverity(index: number): DriftSeverity {
  if (index >= 2 * PSI_SIGNIFICANT) return "high";
  return index >= PSI_SIGNIFICANT ? "medium" : "low";
}

/**
 * Population stability index over the baseline's deciles. Drift from PSI 0.1 (moderate
 * shift), medium severity from 0.25 (significant shift), high from 0.5. PSI has no p-value.
 */
export function detectStabilityShift(test: DistributionTest): DriftFinding {
  const { histogram } = test;
  const counts = { baseline: sum(histogram.baseline), current: sum(histogram.current) };
  const base = {
    kind: test.kind,
    metric: test.metric,
    method: "population_stability_index",
    effectSizeThreshold: PSI_MODERATE,
  };
  if (Math.min(counts.baseline, counts.current) < MIN_SAMPLES_PER_WINDOW) {
    return notEnoughData(base, counts, MIN_SAMPLES_PER_WINDOW, "generations");
  }
  const groups = groupByBaselineDeciles(histogram);
  const index = populationStabilityIndex(groups.baseline, groups.current) ?? 0;
  const isDrift = index >= PSI_MODERATE;
  return {
    ...base,
    pValueThreshold: null,
    status: isDrift ? "drift" : "no_drift",
    severity: isDrift ? psiSeverity(index) : null,
    statistic: index,
    pValue: null,
    effectSize: index,
    baselineCount: counts.baseline,
    currentCount: counts.current,
    summary: isDrift
      ? `Share of ${test.unit} across the baseline's deciles shifted (PSI = ${index.toFixed(3)}).`
      : `No shift of ${test.unit} across the baseline's deciles (PSI = ${index.toFixed(3)}).`,
    details: { method: { bins: PSI_BIN_COUNT } },
  };
}
