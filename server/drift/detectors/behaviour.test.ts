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
  const test = { generations: GENERATIONS, activeUsers: 10, baselineDays: 7, currentDays: 1 };

  it("flags a user who newly fails checks", () => {
    const finding = detectRepeatedSafetyFailures({
      ...test,
      users: [{ userId: "new", failures: 4, baselineFailures: 0, traceIds: ["t"] }],
    });
    expect(finding.status).toBe("drift");
    expect(finding.statistic).toBe(1);
  });

  it("does not flag a user who failed as often before", () => {
    // 3 failures in 7 baseline days: P(X ≥ 3 | λ = 3/7) = 0.0095, times 10 users tested.
    const finding = detectRepeatedSafetyFailures({
      ...test,
      users: [{ userId: "known", failures: 3, baselineFailures: 3, traceIds: ["t"] }],
    });
    expect(finding.status).toBe("no_drift");
    expect(finding.summary).toContain("1 user failed about as often before");
  });

  it("gives not enough data for an empty window", () => {
    const finding = detectRepeatedSafetyFailures({
      ...test,
      generations: { baseline: 0, current: 0 },
      users: [],
    });
    expect(finding.status).toBe("not_enough_data");
  });
});
