import { median, medianAbsoluteDeviation } from "../statistics/robust-z";
import type { WindowPair } from "../sql";
import {
  MIN_SAMPLES_PER_WINDOW,
  MIN_USER_HISTORY_DAYS,
  MIN_USER_REQUESTS_PER_DAY,
  REPEATED_SAFETY_FAILURES,
  ROBUST_Z_THRESHOLD,
  USER_FAILURE_PRIOR_TRACES,
  MIN_FAILURE_SHARE,
  USER_VOLUME_MIN_RATIO,
  ALPHA,
} from "../thresholds";
import { regularizedGammaP } from "../statistics/gamma";
import type { DriftFinding, FlaggedUser } from "../types";
import type { SafetyFailureCounts, UserFailures, UserVolume } from "../user-queries";
import { notEnoughData, severityFor } from "../verdict";

// 1 / Φ⁻¹(0.75): scales the MAD to the standard deviation of normal data.
const MAD_TO_STANDARD_DEVIATION = 1.482602218505602;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export interface SafetyFailureTest {
  counts: SafetyFailureCounts;
  generations: WindowPair<number>;
}

/**
 * Returns P(X ≥ k) for X Poisson with mean λ, which equals the regularized lower incomplete
 * gamma function P(k, λ).
 */
export function poissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  return regularizedGammaP(k, mean);
}

/**
 * Returns the share of a user's traces expected to fail a safety check: the user's baseline
 * share shrunk toward the project's by USER_FAILURE_PRIOR_TRACES pseudo-traces (empirical
 * Bayes), so a user with little history is judged by the project's usual share.
 */
function expectedFailureShare(user: UserFailures, counts: SafetyFailureCounts): number {
  const projectShare = Math.max(
    MIN_FAILURE_SHARE,
    counts.projectBaselineFailures / Math.max(counts.projectBaselineTraces, 1),
  );
  return (
    (user.baselineFailures + projectShare * USER_FAILURE_PRIOR_TRACES) /
    (user.baselineTraces + USER_FAILURE_PRIOR_TRACES)
  );
}

/**
 * Reports users with REPEATED_SAFETY_FAILURES or more failed safety checks in the current
 * window that their own history does not explain: a Poisson test of the failures against the
 * expected share times the user's current traces, Bonferroni-corrected over the active users.
 * A user who fails as often as before, relative to their traffic, is known, not drift.
 */
export function detectRepeatedSafetyFailures(test: SafetyFailureTest): DriftFinding {
  const { generations, counts } = test;
  const base = {
    kind: "behaviour" as const,
    metric: "repeated_safety_failures",
    method: "poisson_test_per_user",
    pValueThreshold: ALPHA,
    effectSizeThreshold: REPEATED_SAFETY_FAILURES,
  };
  if (generations.current < MIN_SAMPLES_PER_WINDOW) {
    return notEnoughData(base, generations, MIN_SAMPLES_PER_WINDOW, "generations");
  }
  const tested = Math.max(1, counts.activeUsers);
  const scored = counts.users.map((user) => {
    const expected = expectedFailureShare(user, counts) * user.traces;
    const pValue = Math.min(1, poissonUpperTail(user.failures, expected) * tested);
    return { user, pValue };
  });
  const rising = scored.filter(({ pValue }) => pValue < ALPHA);
  const top = rising[0];
  const flagged: FlaggedUser[] = rising.map(({ user }) => ({
    userId: user.userId,
    value: user.failures,
    traceIds: user.traceIds,
  }));
  const known = scored.length - rising.length;
  const knownNote = known > 0 ? ` ${plural(known, "user")} failed about as often before.` : "";
  const smallestP = top ? Math.min(...rising.map(({ pValue }) => pValue)) : null;
  return {
    ...base,
    status: top ? "drift" : "no_drift",
    severity: top ? severityFor(top.user.failures, REPEATED_SAFETY_FAILURES) : null,
    statistic: rising.length,
    pValue: smallestP,
    effectSize: top?.user.failures ?? 0,
    baselineCount: generations.baseline,
    currentCount: generations.current,
    summary: top
      ? `${plural(rising.length, "user")} newly failed safety checks ` +
        `${REPEATED_SAFETY_FAILURES} or more times; the most, ${top.user.failures}, by ` +
        `${top.user.userId}.${knownNote}`
      : `No user newly failed safety checks ${REPEATED_SAFETY_FAILURES} or more times.${knownNote}`,
    details: { users: flagged },
  };
}

/**
 * Returns the modified z-score of a daily volume against the user's daily history:
 * (x − median) / (1.4826 · MAD). The spread is floored at √median, the Poisson standard
 * deviation, because counts of independent requests vary at least that much. Without the
 * floor, a week of near-constant days would make any small rise an outlier. Returns null
 * without history (median 0 and no spread).
 */
export function scoreDailyVolume(perDay: number, history: number[]): number | null {
  if (history.length === 0) return null;
  const level = median(history);
  const spread = Math.max(
    MAD_TO_STANDARD_DEVIATION * medianAbsoluteDeviation(history),
    Math.sqrt(level),
  );
  return spread > 0 ? (perDay - level) / spread : null;
}

export interface VolumeTest {
  users: UserVolume[];
  generations: WindowPair<number>;
  historyDays: number;
  currentDays: number;
}

/**
 * Compares each active user's requests per day in the current window with the same user's
 * daily counts in the baseline (see scoreDailyVolume). Drift when a user sends at least
 * MIN_USER_REQUESTS_PER_DAY a day, at least three times their median, with a score of
 * ROBUST_Z_THRESHOLD or more.
 * NOTE: a user without baseline activity has no history to compare with and is not judged.
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
    const days = { baseline: test.historyDays, current: Math.ceil(test.currentDays) };
    return notEnoughData(base, days, MIN_USER_HISTORY_DAYS, "days");
  }

  const scored = test.users.map((user) => {
    const perDay = user.currentRequests / test.currentDays;
    const level = median(user.dailyHistory);
    return { user, perDay, level, z: scoreDailyVolume(perDay, user.dailyHistory) };
  });
  const spikes = scored
    .filter(
      ({ perDay, level, z }) =>
        perDay >= MIN_USER_REQUESTS_PER_DAY &&
        perDay >= USER_VOLUME_MIN_RATIO * level &&
        z !== null &&
        z >= ROBUST_Z_THRESHOLD,
    )
    .sort((a, b) => b.z! - a.z!);
  const top = spikes[0];
  const topZ = top?.z ?? null;
  return {
    ...base,
    status: top ? "drift" : "no_drift",
    severity: top ? severityFor(topZ!, ROBUST_Z_THRESHOLD) : null,
    statistic: topZ,
    pValue: null,
    effectSize: topZ,
    baselineCount: generations.baseline,
    currentCount: generations.current,
    summary: top
      ? `${plural(spikes.length, "user")} sent far more requests than usual: ` +
        `${top.user.userId} ${top.perDay.toFixed(0)} a day against a median of ` +
        `${top.level} (robust z = ${topZ!.toFixed(1)}).`
      : `No user's request volume stands out against their own history.`,
    details: {
      users: spikes.map(({ user, perDay, level, z }) => ({
        userId: user.userId,
        value: perDay,
        baselineMedian: level,
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
