import { describe, expect, it } from "vitest";
import { longestCommonSubsequence, measureConsistency, rougeL } from "./rouge";

// The example of Lin (2004), section 3.1: reference "police killed the gunman".
const REFERENCE = "police killed the gunman";

describe("rougeL", () => {
  it("scores Lin's S2 at 3/4", () => {
    expect(rougeL("police kill the gunman", REFERENCE)).toBeCloseTo(0.75, 10);
  });

  it("scores Lin's S3 at 1/2", () => {
    expect(rougeL("the gunman kill police", REFERENCE)).toBeCloseTo(0.5, 10);
  });

  it("is the F1 of recall and precision for unequal lengths", () => {
    // LCS "a b c" = 3; recall 3/3, precision 3/6, F1 = 2/3.
    expect(rougeL("a x b y c z", "a b c")).toBeCloseTo(2 / 3, 10);
  });

  it("ignores case and punctuation", () => {
    expect(rougeL("Police killed the gunman!", REFERENCE)).toBe(1);
  });

  it("is 0 without common words and 1 for two empty texts", () => {
    expect(rougeL("hello there", REFERENCE)).toBe(0);
    expect(rougeL("", "")).toBe(1);
  });
});

describe("longestCommonSubsequence", () => {
  it("finds a subsequence that is not contiguous", () => {
    expect(longestCommonSubsequence(["a", "b", "c", "d"], ["a", "c", "d", "b"])).toBe(3);
  });
});

describe("measureConsistency", () => {
  it("averages ROUGE-L over earlier answers", () => {
    const value = measureConsistency(REFERENCE, [
      "police kill the gunman",
      "the gunman kill police",
    ]);
    expect(value).toBeCloseTo(0.625, 10);
  });

  it("is null without earlier answers", () => {
    expect(measureConsistency(REFERENCE, [])).toBeNull();
  });
});
