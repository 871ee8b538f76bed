/** Display form of a cost cell: a value, a partial value, "no price", or "–" for nothing to price. */
export type CostDisplay = "value" | "partial" | "unpriced" | "nothing-to-price";

/**
 * Decides how to show a cost. `unpricedCount` is the number of generations left out because
 * they had no price; 0 from a caller that counted means there was nothing to price at all, and
 * undefined means the caller does not know.
 */
export function getCostDisplay(usd: number | null, unpricedCount?: number): CostDisplay {
  if (usd === null) return unpricedCount === 0 ? "nothing-to-price" : "unpriced";
  return unpricedCount ? "partial" : "value";
}
