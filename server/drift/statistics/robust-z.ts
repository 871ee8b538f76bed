/**
 * Modified z-score of Iglewicz and Hoaglin: 0.6745 · (x − median) / MAD, where MAD is the
 * median absolute deviation and 0.6745 the 0.75 quantile of the standard normal, so the score
 * matches an ordinary z-score on normal data. Iglewicz and Hoaglin suggest |z| > 3.5 as an
 * outlier. When MAD is 0 (over half the history is one value) the score uses the mean absolute
 * deviation scaled by 1.2533 (√(π/2)), so it stays defined.
 */

const NORMAL_QUARTILE = 0.6744897501960817;
const MEAN_ABSOLUTE_DEVIATION_SCALE = 1.2533141373155001;

/** Returns the median, the mean of the two middle values for an even count; NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Returns the median absolute deviation from the median, unscaled. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const center = median(values);
  return median(values.map((value) => Math.abs(value - center)));
}

function meanAbsoluteDeviation(values: readonly number[], center: number): number {
  return values.reduce((sum, value) => sum + Math.abs(value - center), 0) / values.length;
}

/**
 * Returns the modified z-score of `value` against `history`, or null when the history is empty
 * or constant while `value` differs (then no spread exists to measure against; callers compare
 * absolute counts instead).
 */
export function robustZScore(value: number, history: readonly number[]): number | null {
  if (history.length === 0) return null;
  const center = median(history);
  const mad = medianAbsoluteDeviation(history);
  if (mad > 0) return (NORMAL_QUARTILE * (value - center)) / mad;

  const meanDeviation = meanAbsoluteDeviation(history, center);
  if (meanDeviation > 0) return (value - center) / (MEAN_ABSOLUTE_DEVIATION_SCALE * meanDeviation);
  return value === center ? 0 : null;
}
