/**
 * Tests whether the value at `index` is a number with no number on either side. A line chart joins
 * neighbouring values only, so such a point draws nothing unless it gets a dot.
 */
export function isIsolatedPoint(values: ReadonlyArray<unknown>, index: number): boolean {
  if (typeof values[index] !== "number") return false;
  return typeof values[index - 1] !== "number" && typeof values[index + 1] !== "number";
}
