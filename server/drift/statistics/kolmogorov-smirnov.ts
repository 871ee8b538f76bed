/**
 * Two-sample Kolmogorov-Smirnov test (two-sided). The p-value is exact when n · m is at most
 * EXACT_MAX_PRODUCT: the share of monotone lattice paths from (0, 0) to (n, m) that reach
 * |i/n − j/m| ≥ D. Larger samples use the limiting Kolmogorov distribution with Stephens'
 * small-sample correction λ = (√N + 0.12 + 0.11/√N) · D, where N = nm/(n + m).
 */

export const EXACT_MAX_PRODUCT = 1_000_000;
const KOLMOGOROV_TERMS = 100;

export interface KolmogorovSmirnovResult {
  /** D = max |F_baseline(x) − F_current(x)|, in 0..1. */
  statistic: number;
  pValue: number;
  method: "exact" | "asymptotic";
}

/**
 * Returns P(K > λ) for the Kolmogorov distribution. For λ ≥ 1 it sums the alternating series
 * 2 Σ_{k≥1} (−1)^(k−1) exp(−2k²λ²). Below 1 that series converges slowly, so it uses the
 * equivalent form of the distribution function √(2π)/λ Σ_{k≥1} exp(−(2k−1)²π²/(8λ²)).
 */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda <= 0) return 1;
  let sum = 0;
  if (lambda < 1) {
    for (let k = 1; k <= KOLMOGOROV_TERMS; k++) {
      const term = Math.exp((-((2 * k - 1) ** 2) * Math.PI ** 2) / (8 * lambda * lambda));
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
  }
  for (let k = 1; k <= KOLMOGOROV_TERMS; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * Returns max |i·m − j·n| over the merged sorted samples, the statistic D scaled by n·m so the
 * exact path count can compare integers. Ties advance through both samples before comparing.
 */
function maxScaledDistance(sortedA: Float64Array, sortedB: Float64Array): number {
  const n = sortedA.length;
  const m = sortedB.length;
  let i = 0;
  let j = 0;
  let maxDistance = 0;
  while (i < n && j < m) {
    const value = Math.min(sortedA[i]!, sortedB[j]!);
    while (i < n && sortedA[i] === value) i++;
    while (j < m && sortedB[j] === value) j++;
    maxDistance = Math.max(maxDistance, Math.abs(i * m - j * n));
  }
  return maxDistance;
}

/**
 * Returns the probability that a uniformly random lattice path from (0, 0) to (n, m) touches a
 * point with |i·m − j·n| ≥ scaledD. Probability mass flows along the path's Markov chain: from
 * (i, j) the next step goes to i + 1 with probability (n − i) / (n − i + m − j). The mass that
 * enters a boundary point is absorbed and summed, so small p-values keep their precision.
 */
function exactExceedanceProbability(n: number, m: number, scaledD: number): number {
  if (scaledD <= 0) return 1;
  let row = new Float64Array(m + 1);
  row[0] = 1;
  let absorbed = 0;
  for (let i = 0; i <= n; i++) {
    const next = new Float64Array(m + 1);
    for (let j = 0; j <= m; j++) {
      const mass = row[j]!;
      if (mass === 0) continue;
      if (Math.abs(i * m - j * n) >= scaledD) {
        absorbed += mass;
        continue;
      }
      const remaining = n - i + (m - j);
      if (remaining === 0) continue;
      if (i < n) next[j]! += (mass * (n - i)) / remaining;
      if (j < m) row[j + 1]! += (mass * (m - j)) / remaining;
    }
    row = next;
  }
  return Math.min(1, absorbed);
}

function toSortedArray(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

function testFromScaledDistance(n: number, m: number, scaledD: number): KolmogorovSmirnovResult {
  const statistic = scaledD / (n * m);
  if (n * m <= EXACT_MAX_PRODUCT) {
    return { statistic, pValue: exactExceedanceProbability(n, m, scaledD), method: "exact" };
  }
  const effectiveN = Math.sqrt((n * m) / (n + m));
  const lambda = (effectiveN + 0.12 + 0.11 / effectiveN) * statistic;
  return { statistic, pValue: kolmogorovSurvival(lambda), method: "asymptotic" };
}

/**
 * Two-sample KS test on raw samples. Returns null when either sample is empty. With ties the
 * exact p-value assumes continuous data and is then conservative (too large).
 */
export function kolmogorovSmirnovTwoSample(
  baseline: readonly number[],
  current: readonly number[],
): KolmogorovSmirnovResult | null {
  const n = baseline.length;
  const m = current.length;
  if (n === 0 || m === 0) return null;
  return testFromScaledDistance(
    n,
    m,
    maxScaledDistance(toSortedArray(baseline), toSortedArray(current)),
  );
}

/**
 * The same test on a histogram: counts of each window per distinct value, in ascending value
 * order. It gives the result of the raw samples without holding them, so a database can do
 * the counting (GROUP BY value).
 */
export function kolmogorovSmirnovFromCounts(
  baselineCounts: readonly number[],
  currentCounts: readonly number[],
): KolmogorovSmirnovResult | null {
  if (baselineCounts.length !== currentCounts.length) {
    throw new RangeError("baselineCounts and currentCounts must have the same length");
  }
  const n = baselineCounts.reduce((sum, count) => sum + count, 0);
  const m = currentCounts.reduce((sum, count) => sum + count, 0);
  if (n === 0 || m === 0) return null;

  let i = 0;
  let j = 0;
  let maxDistance = 0;
  for (let k = 0; k < baselineCounts.length; k++) {
    i += baselineCounts[k]!;
    j += currentCounts[k]!;
    maxDistance = Math.max(maxDistance, Math.abs(i * m - j * n));
  }
  return testFromScaledDistance(n, m, maxDistance);
}
