function toProbabilities(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  return counts.map((count) => count / total);
}

function klTermBase2(p: number, m: number): number {
  return p > 0 ? p * Math.log2(p / m) : 0;
}

/**
 * Jensen-Shannon divergence in bits (base-2 logarithm, so 0 ≤ JS ≤ 1) between two count or
 * probability vectors over the same categories; each is normalised to sum to 1 first.
 * JS = ½ KL(P‖M) + ½ KL(Q‖M) with M = ½ (P + Q). Returns null when either vector sums to 0.
 * Its square root is the Jensen-Shannon distance, the value that SciPy's jensenshannon returns.
 */
export function jensenShannonDivergence(
  baseline: readonly number[],
  current: readonly number[],
): number | null {
  if (baseline.length !== current.length) {
    throw new RangeError("baseline and current must have the same length");
  }
  const baselineTotal = baseline.reduce((sum, value) => sum + value, 0);
  const currentTotal = current.reduce((sum, value) => sum + value, 0);
  if (baselineTotal <= 0 || currentTotal <= 0) return null;

  const p = toProbabilities(baseline);
  const q = toProbabilities(current);
  let divergence = 0;
  p.forEach((pi, i) => {
    const qi = q[i]!;
    const m = (pi + qi) / 2;
    divergence += 0.5 * klTermBase2(pi, m) + 0.5 * klTermBase2(qi, m);
  });
  // Rounding can leave a tiny negative value for identical inputs.
  return Math.min(1, Math.max(0, divergence));
}
