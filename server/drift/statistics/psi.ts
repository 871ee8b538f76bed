/**
 * Floor for a bin's share in either window, so an empty bin adds a large but finite term
 * instead of an infinite one. The value is this project's choice, not a standard.
 */
export const PSI_MIN_SHARE = 0.0001;

/**
 * Population stability index over the same bins in two windows:
 * PSI = Σ (current share − baseline share) · ln(current share / baseline share).
 * The usual rule of thumb from credit scoring: below 0.1 no significant shift, 0.1 to 0.25 a
 * moderate shift, above 0.25 a significant shift.
 * Returns null when either window is empty.
 */
export function populationStabilityIndex(
  baselineCounts: readonly number[],
  currentCounts: readonly number[],
): number | null {
  if (baselineCounts.length !== currentCounts.length) {
    throw new RangeError("baselineCounts and currentCounts must have the same length");
  }
  const baselineTotal = baselineCounts.reduce((sum, count) => sum + count, 0);
  const currentTotal = currentCounts.reduce((sum, count) => sum + count, 0);
  if (baselineTotal === 0 || currentTotal === 0) return null;

  let index = 0;
  for (let i = 0; i < baselineCounts.length; i++) {
    const baselineShare = Math.max(baselineCounts[i]! / baselineTotal, PSI_MIN_SHARE);
    const currentShare = Math.max(currentCounts[i]! / currentTotal, PSI_MIN_SHARE);
    index += (currentShare - baselineShare) * Math.log(currentShare / baselineShare);
  }
  return index;
}
