import { robustZScore, median } from "../statistics/robust-z";
import {
  MIN_SAMPLES_PER_WINDOW,
  MIN_USER_HISTORY_DAYS,
  MIN_USER_REQUESTS_PER_DAY,
  REPEATED_SAFETY_FAILURES,
  ROBUST_Z_THRESHOLD,
} from "../thresholds";
import type { WindowPair } from "../sql";
import type { DriftFinding, FlaggedUser } from "../types";
import type { UserFailures, UserVolume } from "../user-queries";
import { notEnoughData, severityFor } from "../verdict";

/**
 * Reports users with REPEATED_SAFETY_FAILURES or more failed safety checks in the current
 * window. A count, not a test: one user retrying a jailbreak is worth a look at any volume.
 */
export function detectRepeatedSafetyFailures(
  users: UserFailures[],
  generations: WindowPair<number>,
): DriftFinding {
  const base = {
    kind: "behaviour" as const,
    metric: "repeated_safety_failures",
    method: "count_per_user",
    pValueThreshold: null,
    effectSizeThreshold: REPEATED_SAFETY_FAILURES,
  };
  if (generations.current < MIN_SAMPLES_PER_WINDOW) {
    return notEnoughData(base, generations, MIN_SAMPLES_PER_WINDOW, "generations");
  }
  const top = users[0];
  const isDrift = top !== undefined;
  const maxFailures = top?.failures ?? 0;
  const flagged: FlaggedUser[] = users.map((user) => ({
    userId: user.userId,
    value: user.failures,
    traceIds: user.traceIds,
  }));
  return {
    ...base,
    status: isDrift ? "drift" : "no_drift",
    severity: isDrift ? severityFor(maxFailures, REPEATED_SAFETY_FAILURES) : null,
    statistic: users.length,
    pValue: null,
    effectSize: maxFailures,
    baselineCount: generations.baseline,
    currentCount: generations.current,
    summary: isDrift
      ? `${users.length} user${users.length === 1 ? "" : "s"} failed safety checks ` +
        `${REPEATED_SAFETY_FAILURES} or more times; the most, ${maxFailures}, by ` +
        `${top.userId}.`
      : `No user failed safety checks ${REPEATED_SAFETY_FAILURES} or more times.`,
    details: { users: flagged },
  };
}

/**
 * Returns the modified z-score of a daily volume against the user's history. A history of one
 * constant level c > 0 has no spread, so there the Poisson standard deviation √c stands in:
 * counts of independent requests vary at least that much.
 */
function scoreVolume(perDay: number, history: number[]): number | null {
  const z = robustZScore(perDay, history);
  if (z !== null) return z;
  const level = median(history);
  return level > 0 ? (perDay - level) / Math.sqrt(level) : null;
}

export interface VolumeTest {
  users: UserVolume[];
  generations: WindowPair<number>;
  historyDays: number;
  currentDays: number;
}

/**
 * Compares each active user's requests per day in the current window with the same user's
 * daily counts in the baseline (modified z-score on median and MAD). Drift when a user sends
 * at least MIN_USER_REQUESTS_PER_DAY a day and scores ROBUST_Z_THRESHOLD or more.
 * NOTE: a user without baseline activity has no spread to compare with and is not judged.
 */
export function detectUserVolumeSpikes(test: VolumeTest): DriftFinding {
  const base = {
    kind: "behaviour" as const,
    metric: "user_volume",
    method: "robust_z_score",
    pValueThreshold: null,
    effectSizeThreshold: ROBUST_Z_THRESHOLD,
  };
  const { generations } = test;
  if (Math.min(generations.baseline, generations.current) < MIN_SAMPLES_PER_WINDOW) {
    return notEnoughData(base, generations, MIN_SAMPLES_PER_WINDOW, "generations");
  }
  if (test.historyDays < MIN_USER_HISTORY_DAYS) {
    return notEnoughData(
      base,
      { baseline: test.historyDays, current: 1 },
      MIN_USER_HISTORY_DAYS,
      "days",
    );
  }
  const scored = test.users.map((user) => {
    const perDay = user.currentRequests / test.currentDays;
    return { user, perDay, z: scoreVolume(perDay, user.dailyHistory) };
  });
  const spikes = scored
    .filter(
      ({ perDay, z }) =>
        perDay >= MIN_USER_REQUESTS_PER_DAY && z !== null && z >= ROBUST_Z_THRESHOLD,
    )
    .sort((a, b) => b.z! - a.z!);
  const top = spikes[0];
  const isDrift = top !== undefined;
  const topZ = top?.z ?? null;
  return {
    ...base,
    status: isDrift ? "drift" : "no_drift",
    severity: isDrift ? severityFor(topZ!, ROBUST_Z_THRESHOLD) : null,
    statistic: topZ,
    pValue: null,
    effectSize: topZ,
    baselineCount: test.generations.baseline,
    currentCount: test.generations.current,
    summary: isDrift
      ? `${spikes.length} user${spikes.length === 1 ? "" : "s"} sent far more requests than ` +
        `usual: ${top.user.userId} ${top.perDay.toFixed(0)} a day against a ` +
        `median of ${median(top.user.dailyHistory)} (robust z = ${topZ!.toFixed(1)}).`
      : `No user's request volume stands out against their own history.`,
    details: {
      users: spikes.map(({ user, perDay, z }) => ({
        userId: user.userId,
        value: perDay,
        baselineMedian: median(user.dailyHistory),
        robustZ: z,
        traceIds: user.traceIds,
      })),
      method: {
        activeUsers: test.users.length,
        usersWithoutHistory: scored.filter(({ z }) => z === null).length,
      },
    },
  };
}
