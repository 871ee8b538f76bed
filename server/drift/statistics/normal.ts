import { regularizedGammaQ } from "./gamma";

/**
 * Returns the complementary error function erfc(x), using erfc(x) = Q(1/2, x²) for x ≥ 0 and
 * erfc(−x) = 2 − erfc(x). Accurate far into the tails, where 1 − erf(x) would cancel to 0.
 */
export function erfc(x: number): number {
  if (x >= 0) return regularizedGammaQ(0.5, x * x);
  return 2 - regularizedGammaQ(0.5, x * x);
}

/** Returns the standard normal cumulative distribution function Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Returns the standard normal survival function 1 − Φ(z), exact in the upper tail. */
export function normalSurvival(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
