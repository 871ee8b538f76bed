import { describe, expect, it } from "vitest";
import { hashPercentile, isInSample, needsDoubleReview } from "./sampling";

describe("hashPercentile", () => {
  it("is stable for one key", () => {
    expect(hashPercentile("a")).toBe(hashPercentile("a"));
  });

  it("stays within [0, 100)", () => {
    for (let i = 0; i < 1000; i += 1) {
      const value = hashPercentile(`key-${i}`);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(100);
    }
  });
});

describe("isInSample", () => {
  it("samples nothing at 0 and everything at 100", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `obs-${i}`);
    expect(ids.filter((id) => isInSample("p", "OBSERVATION", id, 0))).toEqual([]);
    expect(ids.filter((id) => isInSample("p", "OBSERVATION", id, 100))).toHaveLength(200);
  });

  it("decides apart from the double-review share", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `obs-${i}`);
    const both = ids.filter(
      (id) =>
        isInSample("p", "OBSERVATION", id, 50) && needsDoubleReview("p", "OBSERVATION", id, 50),
    );
    // Independent halves overlap on about a quarter; equal hashes would overlap on a half.
    expect(both.length).toBeGreaterThan(400);
    expect(both.length).toBeLessThan(600);
  });
});
