/**
 * Log-spaced latency histograms, so that percentiles can be merged across hours.
 *
 * Bucket 0 contains latencies under 1 ms. Bucket i ≥ 1 contains [g^(i-1), g^i) ms with growth
 * g = 1.1, up to bucket 170 (from about 3 hours), which also takes everything longer. A bucket
 * is estimated by its geometric midpoint g^(i-0.5), so for latencies from 1 ms to about 3 hours
 * an estimated percentile is within √1.1 − 1 ≈ 4.9% of the exact nearest-rank percentile
 * (Postgres `percentile_disc`). Under 1 ms the estimate is 0.
 */
export const LATENCY_BUCKET_GROWTH = 1.1;
export const MAX_LATENCY_BUCKET_INDEX = 170;
export const MAX_LATENCY_RELATIVE_ERROR = Math.sqrt(LATENCY_BUCKET_GROWTH) - 1;

/** SQL for the bucket index of a latency in milliseconds; it must agree with the function below. */
export function getLatencyBucketSql(latencyMsExpression: string): string {
  return (
    `CASE WHEN ${latencyMsExpression} < 1 THEN 0 ELSE LEAST(${MAX_LATENCY_BUCKET_INDEX}, ` +
    `1 + floor(ln(${latencyMsExpression}) / ln(${LATENCY_BUCKET_GROWTH}))::int) END`
  );
}

export function getLatencyBucketIndex(latencyMs: number): number {
  if (latencyMs < 1) return 0;
  const index = 1 + Math.floor(Math.log(latencyMs) / Math.log(LATENCY_BUCKET_GROWTH));
  return Math.min(MAX_LATENCY_BUCKET_INDEX, index);
}

/** Returns the latency in milliseconds that represents every value in bucket `index`. */
export function getLatencyBucketEstimate(index: number): number {
  if (index <= 0) return 0;
  return LATENCY_BUCKET_GROWTH ** (index - 0.5);
}

/** Counts per bucket index. */
export type LatencyHistogram = Map<number, number>;

export function addToHistogram(histogram: LatencyHistogram, index: number, count: number): void {
  histogram.set(index, (histogram.get(index) ?? 0) + count);
}

export function mergeHistograms(histograms: Iterable<LatencyHistogram>): LatencyHistogram {
  const merged: LatencyHistogram = new Map();
  for (const histogram of histograms) {
    for (const [index, count] of histogram) addToHistogram(merged, index, count);
  }
  return merged;
}

/**
 * Estimates the nearest-rank percentile `quantile` (0 < quantile ≤ 1): the bucket holding the
 * ceil(quantile · n)-th smallest latency, as `percentile_disc` picks it. Null for no latencies.
 */
export function estimateLatencyPercentile(
  histogram: LatencyHistogram,
  quantile: number,
): number | null {
  const total = [...histogram.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;

  const rank = Math.max(1, Math.ceil(quantile * total));
  let seen = 0;
  for (const index of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(index) ?? 0;
    if (seen >= rank) return getLatencyBucketEstimate(index);
  }
  return getLatencyBucketEstimate(MAX_LATENCY_BUCKET_INDEX);
}

export interface LatencyPercentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export function estimateLatencyPercentiles(histogram: LatencyHistogram): LatencyPercentiles {
  return {
    p50: estimateLatencyPercentile(histogram, 0.5),
    p95: estimateLatencyPercentile(histogram, 0.95),
    p99: estimateLatencyPercentile(histogram, 0.99),
  };
}
