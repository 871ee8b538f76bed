import { describe, expect, it } from "vitest";
import { isIsolatedPoint } from "./isolated-points";

describe("isIsolatedPoint", () => {
  it("accepts a value between gaps", () => {
    expect(isIsolatedPoint([null, 5, null], 1)).toBe(true);
  });

  it("accepts a lone value at either end", () => {
    expect(isIsolatedPoint([5, null], 0)).toBe(true);
    expect(isIsolatedPoint([null, 5], 1)).toBe(true);
  });

  it("accepts the only value of a one-bucket series", () => {
    expect(isIsolatedPoint([5], 0)).toBe(true);
  });

  it("rejects a value with a neighbour", () => {
    expect(isIsolatedPoint([null, 5, 6], 1)).toBe(false);
    expect(isIsolatedPoint([4, 5, null], 1)).toBe(false);
  });

  it("rejects a gap", () => {
    expect(isIsolatedPoint([null, null, null], 1)).toBe(false);
  });

  it("counts zero as a value", () => {
    expect(isIsolatedPoint([0, 5, null], 1)).toBe(false);
  });
});
