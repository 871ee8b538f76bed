import { describe, expect, it } from "vitest";
import { chiSquareHomogeneity, chiSquareSurvival } from "./chi-square";
import { logGamma, regularizedGammaP, regularizedGammaQ } from "./gamma";
import { jensenShannonDivergence } from "./jensen-shannon";
import {
  kolmogorovSmirnovFromCounts,
  kolmogorovSmirnovTwoSample,
  kolmogorovSurvival,
} from "./kolmogorov-smirnov";
import { erfc, normalCdf, normalSurvival } from "./normal";
import { twoMeanZTest, twoProportionZTest } from "./proportions";
import { populationStabilityIndex } from "./psi";
import { median, medianAbsoluteDeviation, robustZScore } from "./robust-z";

// Reference values, unless a case names another source, were computed with SciPy 1.17.1
// (Python 3.11): math.lgamma, scipy.special.gammainc/gammaincc, scipy.stats.norm, chi2,
// chi2_contingency (correction=False), kstwobign, ks_2samp (method="exact"),
// median_abs_deviation, and scipy.spatial.distance.jensenshannon(base=2) squared.

function expectRelativelyClose(actual: number | undefined, expected: number, tolerance = 1e-10) {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    Math.abs(expected) * tolerance + 1e-300,
  );
}

describe("logGamma", () => {
  it.each([
    [0.5, 0.5723649429247004],
    [0.1, 2.2527126517342055],
    [1, 0],
    [10.3, 13.48203678613836],
    [171.5, 709.1431630309282],
  ])("ln Γ(%d)", (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 12);
  });
});

describe("regularized incomplete gamma", () => {
  it.each([
    [0.5, 0.3, 0.5614219739190003, 0.4385780260809997],
    [1, 1, 0.6321205588285577, 0.36787944117144245],
    [2.5, 1.7, 0.36143007689620493, 0.6385699231037951],
    [10, 3, 0.0011024881301154815, 0.9988975118698845],
    [10, 15, 0.9301463393005901, 0.06985366069940986],
    [50, 60, 0.9155933189063082, 0.08440668109369177],
    [0.5, 25, 0.9999999999984626, 1.537459794428033e-12],
  ])("P and Q at a=%d, x=%d", (a, x, lower, upper) => {
    expectRelativelyClose(regularizedGammaP(a, x), lower, 1e-12);
    expectRelativelyClose(regularizedGammaQ(a, x), upper, 1e-10);
  });

  it("is 0 and 1 at x = 0", () => {
    expect(regularizedGammaP(3, 0)).toBe(0);
    expect(regularizedGammaQ(3, 0)).toBe(1);
  });
});

describe("normal distribution", () => {
  it.each([
    [-10, 7.61985302416047e-24],
    [-3, 0.0013498980316300933],
    [-1.96, 0.024997895148220435],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [1.6448536269514722, 0.95],
    [3, 0.9986501019683699],
  ])("Φ(%d)", (z, expected) => {
    expectRelativelyClose(normalCdf(z), expected, 1e-12);
  });

  it("keeps precision in the upper tail", () => {
    expectRelativelyClose(normalSurvival(8), 6.22096057427174e-16, 1e-10);
    expectRelativelyClose(normalSurvival(3), 0.0013498980316300933, 1e-12);
  });

  it("erfc is symmetric around 1", () => {
    expect(erfc(0)).toBeCloseTo(1, 15);
    expect(erfc(-0.7) + erfc(0.7)).toBeCloseTo(2, 15);
  });
});

describe("chiSquareSurvival", () => {
  it.each([
    [3.841458820694124, 1, 0.04999999999999989],
    [0.5, 3, 0.9188914116546758],
    [100, 50, 3.454931382984871e-5],
    [12.5, 4, 0.013995792487650894],
    [300, 10, 1.5546747543803087e-58],
  ])("P(χ² ≥ %d | df=%d)", (x, df, expected) => {
    expectRelativelyClose(chiSquareSurvival(x, df), expected, 1e-9);
  });
});

describe("chiSquareHomogeneity", () => {
  it.each([
    [[20, 30, 50], [30, 30, 40], 3.1111111111111107, 2, 0.21107208779109024],
    [[120, 90, 40, 10], [80, 95, 60, 25], 18.563706563706564, 3, 0.0003364796678282683],
    [[10, 0, 5], [0, 10, 5], 20.0, 2, 4.539992976248486e-5],
  ])("matches chi2_contingency for %j vs %j", (baseline, current, statistic, df, pValue) => {
    const result = chiSquareHomogeneity(baseline, current);
    expectRelativelyClose(result?.statistic, statistic, 1e-12);
    expect(result?.degreesOfFreedom).toBe(df);
    expectRelativelyClose(result?.pValue, pValue, 1e-9);
  });

  it("reports Cramér's V", () => {
    // V = sqrt(χ² / N) for a 2 × k table: sqrt(20 / 30).
    expect(chiSquareHomogeneity([10, 0, 5], [0, 10, 5])?.cramersV).toBeCloseTo(0.816496580927726);
  });

  it("drops categories empty in both windows", () => {
    const result = chiSquareHomogeneity([20, 0, 30, 50], [30, 0, 30, 40]);
    expect(result?.degreesOfFreedom).toBe(2);
    expectRelativelyClose(result?.statistic, 3.1111111111111107, 1e-12);
  });

  it("returns null for empty or single-category windows", () => {
    expect(chiSquareHomogeneity([], [])).toBeNull();
    expect(chiSquareHomogeneity([0, 0], [3, 4])).toBeNull();
    expect(chiSquareHomogeneity([5, 0], [7, 0])).toBeNull();
  });

  it("rejects vectors of different lengths", () => {
    expect(() => chiSquareHomogeneity([1, 2], [1])).toThrow(RangeError);
  });
});

describe("jensenShannonDivergence", () => {
  it.each([
    [[1, 0, 0], [0, 1, 0], 1.0],
    [[0.5, 0.5], [0.5, 0.5], 0.0],
    [[10, 20, 30, 40], [40, 30, 20, 10], 0.15356065532898452],
    [[5, 1, 0, 2], [1, 1, 6, 0], 0.6312415918818672],
  ])("JS(%j, %j)", (baseline, current, expected) => {
    expect(jensenShannonDivergence(baseline, current)).toBeCloseTo(expected, 12);
  });

  it("returns null when a window is empty", () => {
    expect(jensenShannonDivergence([0, 0], [1, 2])).toBeNull();
    expect(jensenShannonDivergence([], [])).toBeNull();
  });
});

describe("kolmogorovSurvival", () => {
  it.each([
    [0.3, 0.9999906941986655],
    [0.5, 0.9639452436648751],
    [0.8, 0.5441424115741981],
    [1.0, 0.26999967167735456],
    [1.3580986393225507, 0.05],
    [2.0, 0.0006709252557796953],
    [3.0, 3.045995948942526e-8],
  ])("P(K > %d) matches kstwobign.sf", (lambda, expected) => {
    expectRelativelyClose(kolmogorovSurvival(lambda), expected, 1e-10);
  });
});

describe("kolmogorovSmirnovTwoSample", () => {
  const normalA = [
    0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37,
    1.77, 1.09, -1.28, 2.36, 1.31, 1.05, -0.32, -0.4, 1.06, -2.47,
  ];
  const normalB = [
    2.2, 1.66, 1.38, 0.2, 0.36, 0, 0.96, 1.56, 0.44, 1.5, -0.3, 0.66, 2.31, 3.29, -0.27, -0.37,
    0.38, 0.7, 0.52, -0.71,
  ];

  it("matches the exact p-value on 25 vs 20 values", () => {
    const result = kolmogorovSmirnovTwoSample(normalA, normalB);
    expect(result?.method).toBe("exact");
    expect(result?.statistic).toBeCloseTo(0.23, 12);
    expectRelativelyClose(result?.pValue, 0.5286364448145011, 1e-9);
  });

  it("matches exact p-values of tiny samples", () => {
    const separated = kolmogorovSmirnovTwoSample([1, 2, 3], [4, 5, 6]);
    expect(separated?.statistic).toBe(1);
    expectRelativelyClose(separated?.pValue, 0.1, 1e-12);
    const interleaved = kolmogorovSmirnovTwoSample([1, 2, 3, 4, 5], [1.5, 2.5, 3.5]);
    expect(interleaved?.statistic).toBeCloseTo(0.4, 12);
    expectRelativelyClose(interleaved?.pValue, 0.8571428571428572, 1e-12);
  });

  it("matches the exact p-value on 400 vs 300 values", () => {
    const baseline = Array.from({ length: 400 }, (_, i) => (i + 0.5) / 400);
    const current = Array.from({ length: 300 }, (_, j) => ((j + 0.5) / 300) ** 1.25);
    const result = kolmogorovSmirnovTwoSample(baseline, current);
    expect(result?.method).toBe("exact");
    expect(result?.statistic).toBeCloseTo(0.08416666666666667, 12);
    expectRelativelyClose(result?.pValue, 0.16779577045997965, 1e-8);
  });

  it("approximates large samples within 2%", () => {
    const baseline = Array.from({ length: 3000 }, (_, i) => (i + 0.5) / 3000);
    const current = Array.from({ length: 2000 }, (_, j) => ((j + 0.5) / 2000) ** 1.1);
    const result = kolmogorovSmirnovTwoSample(baseline, current);
    expect(result?.method).toBe("asymptotic");
    expect(result?.statistic).toBeCloseTo(0.035333333333333335, 12);
    // Exact value from ks_2samp(method="exact"); the limiting distribution is an approximation.
    expectRelativelyClose(result?.pValue, 0.09828978770326639, 0.02);
  });

  it("gives p = 1 for identical samples", () => {
    const result = kolmogorovSmirnovTwoSample([3, 1, 2], [2, 3, 1]);
    expect(result?.statistic).toBe(0);
    expect(result?.pValue).toBe(1);
  });

  it("returns null for an empty window", () => {
    expect(kolmogorovSmirnovTwoSample([], [1, 2])).toBeNull();
    expect(kolmogorovSmirnovTwoSample([1], [])).toBeNull();
  });

  it("handles single observations", () => {
    const result = kolmogorovSmirnovTwoSample([1], [2]);
    expect(result?.statistic).toBe(1);
    // Two orderings of one value each are equally likely: P(D ≥ 1) = 1.
    expect(result?.pValue).toBeCloseTo(1, 12);
  });
});

describe("kolmogorovSmirnovFromCounts", () => {
  it("matches the raw-sample test with ties", () => {
    // Values 1..4; the baseline has 1,1,2,3,3,3,4 and the current window 2,2,4,4,4.
    const fromCounts = kolmogorovSmirnovFromCounts([2, 1, 3, 1], [0, 2, 0, 3]);
    const fromSamples = kolmogorovSmirnovTwoSample([1, 1, 2, 3, 3, 3, 4], [2, 2, 4, 4, 4]);
    expect(fromCounts).toEqual(fromSamples);
  });

  it("matches the exact p-value of separated samples", () => {
    const result = kolmogorovSmirnovFromCounts([1, 1, 1, 0, 0, 0], [0, 0, 0, 1, 1, 1]);
    expect(result?.statistic).toBe(1);
    expectRelativelyClose(result?.pValue, 0.1, 1e-12);
  });

  it("uses the limiting distribution for large counts", () => {
    const result = kolmogorovSmirnovFromCounts([600_000, 400_000], [400_000, 600_000]);
    expect(result?.method).toBe("asymptotic");
    expect(result?.statistic).toBeCloseTo(0.2, 12);
    expect(result?.pValue).toBe(0);
  });

  it("returns null for an empty window", () => {
    expect(kolmogorovSmirnovFromCounts([0, 0], [1, 2])).toBeNull();
  });
});

describe("populationStabilityIndex", () => {
  it("matches the textbook formula", () => {
    // Σ (c − b) ln(c / b) on the shares, computed with NumPy 2 from the same counts.
    const index = populationStabilityIndex([100, 200, 300, 250, 150], [80, 150, 300, 300, 170]);
    expect(index).toBeCloseTo(0.03046631534765111, 12);
  });

  it("is 0 for identical shares", () => {
    expect(populationStabilityIndex([10, 20, 30], [20, 40, 60])).toBeCloseTo(0, 15);
  });

  it("stays finite with an empty bin", () => {
    const index = populationStabilityIndex([50, 50, 0], [40, 40, 20]);
    // (0.2 − 0.0001) · ln(0.2 / 0.0001) + 2 · (0.4 − 0.5) · ln(0.4 / 0.5)
    expect(index).toBeCloseTo(0.1999 * Math.log(2000) + 2 * -0.1 * Math.log(0.8), 12);
  });

  it("returns null when a window is empty", () => {
    expect(populationStabilityIndex([0, 0], [1, 1])).toBeNull();
  });
});

describe("twoProportionZTest", () => {
  it.each([
    [45, 100, 30, 100, 4.8, 0.028459736916310638],
    [480, 1000, 440, 1000, 3.2206119162640903, 0.07271644227975656],
  ])("matches the 2×2 chi-square for %d/%d vs %d/%d", (s1, n1, s2, n2, chiSquare, pValue) => {
    const result = twoProportionZTest({ successes: s1, total: n1 }, { successes: s2, total: n2 });
    expect(result?.statistic).toBeCloseTo(-Math.sqrt(chiSquare), 12);
    expectRelativelyClose(result?.pValue, pValue, 1e-10);
  });

  it("halves the p-value for a one-sided drop", () => {
    const result = twoProportionZTest(
      { successes: 45, total: 100 },
      { successes: 30, total: 100 },
      "less",
    );
    expectRelativelyClose(result?.pValue, 0.028459736916310638 / 2, 1e-10);
    expect(result?.baselineRate).toBe(0.45);
    expect(result?.currentRate).toBe(0.3);
  });

  it("gives p near 1 for a rise tested as a drop", () => {
    const result = twoProportionZTest(
      { successes: 30, total: 100 },
      { successes: 45, total: 100 },
      "less",
    );
    expect(result?.pValue).toBeCloseTo(1 - 0.028459736916310638 / 2, 10);
  });

  it("returns p = 1 when both rates are 0", () => {
    const result = twoProportionZTest({ successes: 0, total: 10 }, { successes: 0, total: 10 });
    expect(result?.statistic).toBe(0);
    expect(result?.pValue).toBe(1);
  });

  it("returns null for an empty window", () => {
    expect(twoProportionZTest({ successes: 0, total: 0 }, { successes: 1, total: 2 })).toBeNull();
  });
});

describe("twoMeanZTest", () => {
  it("matches the normal tail of the Welch statistic", () => {
    // z = (3.8 − 4.1) / sqrt(1.2²/200 + 1.3²/150); p from scipy.stats.norm.
    const baseline = { count: 200, mean: 4.1, variance: 1.2 ** 2 };
    const current = { count: 150, mean: 3.8, variance: 1.3 ** 2 };
    const drop = twoMeanZTest(baseline, current, "less");
    expect(drop?.statistic).toBeCloseTo(-2.2076336220909205, 12);
    expectRelativelyClose(drop?.pValue, 0.013634911699251654, 1e-10);
    expectRelativelyClose(twoMeanZTest(baseline, current)?.pValue, 0.02726982339850331, 1e-10);
  });

  it("returns null below two observations", () => {
    const one = { count: 1, mean: 3, variance: 0 };
    expect(twoMeanZTest(one, { count: 50, mean: 3, variance: 1 })).toBeNull();
  });

  it("handles zero variance", () => {
    const same = { count: 5, mean: 2, variance: 0 };
    expect(twoMeanZTest(same, same)?.pValue).toBe(1);
    expect(twoMeanZTest(same, { count: 5, mean: 1, variance: 0 }, "less")?.pValue).toBe(0);
  });
});

describe("robust z-score", () => {
  it("matches median_abs_deviation", () => {
    const history = [1, 1, 2, 2, 4, 6, 9];
    expect(median(history)).toBe(2);
    expect(medianAbsoluteDeviation(history)).toBe(1);
    // scale="normal" gives MAD / 0.6745 = 1.482602218505602, so z = (x − 2) / 1.4826...
    expect(robustZScore(9, history)).toBeCloseTo(7 / 1.482602218505602, 12);
  });

  it("uses the mean of the middle pair for even counts", () => {
    const history = [12, 15, 11, 14, 13, 40, 12, 16];
    expect(median(history)).toBe(13.5);
    expect(medianAbsoluteDeviation(history)).toBe(1.5);
    expect(robustZScore(60, history)).toBeCloseTo((0.6744897501960817 * 46.5) / 1.5, 12);
  });

  it("falls back to the mean absolute deviation when MAD is 0", () => {
    // Median 5, MAD 0, mean absolute deviation 5/6.
    const history = [5, 5, 5, 5, 5, 10];
    expect(robustZScore(15, history)).toBeCloseTo(10 / (1.2533141373155001 * (5 / 6)), 12);
  });

  it("is undefined against a constant history", () => {
    expect(robustZScore(9, [4, 4, 4])).toBeNull();
    expect(robustZScore(4, [4, 4, 4])).toBe(0);
    expect(robustZScore(4, [])).toBeNull();
  });
});
