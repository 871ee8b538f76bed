import { describe, expect, it } from "vitest";
import { summarizeAgreement, type VerdictPair } from "./agreement";

function pairs(counts: Record<"pp" | "pf" | "fp" | "ff", number>): VerdictPair[] {
  const make = (first: "pass" | "fail", second: "pass" | "fail", n: number) =>
    Array.from({ length: n }, () => ({ first, second }));
  return [
    ...make("pass", "pass", counts.pp),
    ...make("pass", "fail", counts.pf),
    ...make("fail", "pass", counts.fp),
    ...make("fail", "fail", counts.ff),
  ];
}

describe("summarizeAgreement", () => {
  it("computes kappa for a textbook table", () => {
    // 20/5/10/15: observed 0.7, chance 0.5, kappa 0.4.
    const summary = summarizeAgreement(pairs({ pp: 20, pf: 5, fp: 10, ff: 15 }));
    expect(summary.percentAgreement).toBeCloseTo(0.7, 10);
    expect(summary.cohensKappa).toBeCloseTo(0.4, 10);
    expect(summary.itemCount).toBe(50);
    expect(summary.agreeCount).toBe(35);
  });

  it("gives 1 for full agreement on both verdicts", () => {
    expect(summarizeAgreement(pairs({ pp: 3, pf: 0, fp: 0, ff: 2 })).cohensKappa).toBeCloseTo(1);
  });

  it("leaves kappa undefined when everyone passed", () => {
    const summary = summarizeAgreement(pairs({ pp: 4, pf: 0, fp: 0, ff: 0 }));
    expect(summary.percentAgreement).toBe(1);
    expect(summary.cohensKappa).toBeNull();
  });

  it("returns nulls without items", () => {
    const summary = summarizeAgreement([]);
    expect(summary.percentAgreement).toBeNull();
    expect(summary.cohensKappa).toBeNull();
  });
});
