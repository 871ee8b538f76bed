import { describe, expect, it } from "vitest";
import {
  poissonUpperTail,
  detectRepeatedSafetyFailures,
  detectUserVolumeSpikes,
  scoreDailyVolume,
} from "./behaviour";

const GENERATIONS = { baseline: 700, current: 100 };

function volumeUser(userId: string, currentRequests: number, dailyHistory: number[]) {
  return { userId, currentRequests, dailyHistory, traceIds: [`trace-${userId}`] };
}

describe("scoreDailyVolume", () => {
  it("uses the scaled MAD when it is larger", () => {
    // Median 20, MAD 10 → spread 14.826, above √20.
    const history = [5, 10, 15, 20, 30, 35, 40];
    expect(scoreDailyVolume(50, history)).toBeCloseTo(30 / (1.482602218505602 * 10), 12);
  });

  it("floors the spread at the Poisson deviation", () => {
    expect(scoreDailyVolume(29, [25, 25, 25, 25, 25, 25, 25])).toBeCloseTo(4 / 5, 12);
  });

  it("returns null without history", () => {
    expect(scoreDailyVolume(40, [0, 0, 0, 0, 0, 0, 0])).toBeNull();
    expect(scoreDailyVolume(40, [])).toBeNull();
  });
});

describe("detectUserVolumeSpikes", () => {
  const test = { generations: GENERATIONS, historyDays: 7, currentDays: 1 };

  it("flags a user far above their history", () => {
    const finding = detectUserVolumeSpikes({
      ...test,
      users: [volumeUser("heavy", 160, [25, 24, 26, 25, 25, 23, 27])],
    });
    expect(finding.status).toBe("drift");
    expect(finding.details.users?.[0]?.userId).toBe("heavy");
  });

  it("ignores a modest rise of a steady user", () => {
    const finding = detectUserVolumeSpikes({
      ...test,
      users: [volumeUser("steady", 27, [21, 21, 20, 22, 21, 21, 21])],
    });
    expect(finding.status).toBe("no_drift");
  });

  it("needs a week of history", () => {
    const finding = detectUserVolumeSpikes({ ...test, historyDays: 3, users: [] });
    expect(finding.status).toBe("not_enough_data");
  });
});

describe("poissonUpperTail", () => {
  it("matches the Poisson survival function", () => {
    // scipy.stats.poisson.sf(k - 1, mu), SciPy 1.17.1.
    expect(poissonUpperTail(3, 3 / 7)).toBeCloseTo(0.009546739059925684, 12);
    expect(poissonUpperTail(4, 0.5 / 7)).toBeCloseTo(1.0244469002325431e-6, 15);
    expect(poissonUpperTail(0, 2)).toBe(1);
  });
});

describe("detectRepeatedSafetyFailures", () => {
  // Project baseline: 30 of 1 500 traces failed (2%); 15 users active today.
  const counts = { projectBaselineFailures: 30, projectBaselineTraces: 1500, activeUsers: 15 };

  function failingUser(
    failures: number,
    traces: number,
    baselineFailures: number,
    baselineTraces: number,
  ) {
    return { userId: "u", failures, traces, baselineFailures, baselineTraces, traceIds: ["t"] };
  }

  it("flags a new user who fails repeatedly", () => {
    const finding = detectRepeatedSafetyFailures({
      generations: GENERATIONS,
      counts: { ...counts, users: [failingUser(4, 4, 0, 0)] },
    });
    // Expected share 2% of 4 traces: P(X ≥ 4 | λ = 0.08) · 15 ≈ 2e-5.
    expect(finding.status).toBe("drift");
    expect(finding.pValue).toBeLessThan(0.001);
  });

  it("does not flag a user who fails as often as before", () => {
    // 6 of 350 baseline traces; 6 of 80 today: λ = 80 · 6.4 / 370 = 1.38, p · 15 > 0.01.
    const finding = detectRepeatedSafetyFailures({
      generations: GENERATIONS,
      counts: { ...counts, users: [failingUser(6, 80, 6, 350)] },
    });
    expect(finding.status).toBe("no_drift");
    expect(finding.summary).toContain("1 user failed about as often before");
  });

  it("gives not enough data for an empty window", () => {
    const finding = detectRepeatedSafetyFailures({
      generations: { baseline: 0, current: 0 },
      counts: { ...counts, users: [] },
    });
    expect(finding.status).toBe("not_enough_data");
  });
});
