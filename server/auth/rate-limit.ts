import type { Db } from "../db/client";

/**
 * Sliding-window rate limits counted in Postgres, so every app process shares one count. A
 * request increments its counter before the work it guards, so parallel requests cannot slip
 * past the limit between a read and a write. Counts are kept per fixed window, and the previous
 * window's count is weighted by how much of it still lies in the sliding window. Without that
 * weight a client could spend one limit at the end of a window and another at the start of the
 * next, twice the limit within seconds.
 */

export interface RateLimitRule {
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** The rule that rejected the request, when one did. */
  rejectedBy?: RateLimitRule;
  retryAfterSeconds: number;
}

// Counters of windows older than this are deleted; it must exceed twice the longest window.
const COUNTER_RETENTION_SECONDS = 24 * 60 * 60;

export interface WindowCounts {
  windowSeconds: number;
  /** Seconds since the current fixed window started. */
  elapsedSeconds: number;
  previousCount: number;
  /** The current window's count, this request included. */
  currentCount: number;
}

/**
 * Decides one request from the counts of the current and the previous fixed window. The
 * estimate of requests in the last windowSeconds weights the previous window by the share of
 * it the sliding window still covers. A rejected request gets the seconds until one more would
 * be allowed.
 */
export function evaluateSlidingWindow(
  counts: WindowCounts,
  limit: number,
): Omit<RateLimitResult, "rejectedBy"> {
  const { windowSeconds, elapsedSeconds, previousCount, currentCount } = counts;
  const previousWeight = Math.max(0, 1 - elapsedSeconds / windowSeconds);
  if (previousCount * previousWeight + currentCount <= limit) {
    return { allowed: true, retryAfterSeconds: 0 };
  }
  // Room the previous window may still take for the next request to fit in this window.
  const room = limit - currentCount - 1;
  let waitSeconds: number;
  if (room >= 0 && previousCount > 0) {
    waitSeconds = windowSeconds * (1 - room / previousCount) - elapsedSeconds;
  } else {
    // Not before the next window, where this window's count becomes the weighted one.
    const intoNextWindow = windowSeconds * Math.max(0, 1 - (limit - 1) / currentCount);
    waitSeconds = windowSeconds - elapsedSeconds + intoNextWindow;
  }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
}

async function incrementCounter(db: Db, rule: RateLimitRule): Promise<WindowCounts> {
  const [row] = await db.$queryRaw<
    { count: number; elapsed_seconds: number; previous_count: number }[]
  >`
    WITH counted AS (
      INSERT INTO rate_limit_counters (key, window_start, count)
      VALUES (
        ${rule.key},
        to_timestamp(floor(extract(epoch FROM now()) / ${rule.windowSeconds}) * ${rule.windowSeconds}),
        1
      )
      ON CONFLICT (key, window_start)
        DO UPDATE SET count = rate_limit_counters.count + 1
      RETURNING key, window_start, count
    )
    SELECT counted.count,
      extract(epoch FROM now() - counted.window_start)::float8 AS elapsed_seconds,
      COALESCE(previous.count, 0) AS previous_count
    FROM counted
    LEFT JOIN rate_limit_counters previous ON previous.key = counted.key
      AND previous.window_start = counted.window_start - ${rule.windowSeconds} * interval '1 second'`;
  return {
    windowSeconds: rule.windowSeconds,
    elapsedSeconds: Number(row!.elapsed_seconds),
    previousCount: Number(row!.previous_count),
    currentCount: Number(row!.count),
  };
}

/** Counts one request against every rule; rejected when any estimate passes its limit. */
export async function consumeRateLimit(db: Db, rules: RateLimitRule[]): Promise<RateLimitResult> {
  let result: RateLimitResult = { allowed: true, retryAfterSeconds: 0 };
  for (const rule of rules) {
    const counts = await incrementCounter(db, rule);
    if (counts.currentCount === 1) await deleteExpiredCounters(db);
    const decision = evaluateSlidingWindow(counts, rule.limit);
    if (!decision.allowed && result.allowed) result = { ...decision, rejectedBy: rule };
  }
  return result;
}

/** Takes one request back from the key's count in the current window. */
export async function refundRateLimit(
  db: Db,
  rule: Pick<RateLimitRule, "key" | "windowSeconds">,
): Promise<void> {
  await db.$executeRaw`
    UPDATE rate_limit_counters SET count = count - 1
    WHERE key = ${rule.key} AND count > 0
      AND window_start = to_timestamp(
        floor(extract(epoch FROM now()) / ${rule.windowSeconds}) * ${rule.windowSeconds})`;
}

/** Forgets the counts of one key, e.g. an email after a successful sign-in. */
export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { key } });
}

async function deleteExpiredCounters(db: Db): Promise<void> {
  await db.$executeRaw`
    DELETE FROM rate_limit_counters
    WHERE window_start < now() - make_interval(secs => ${COUNTER_RETENTION_SECONDS})`;
}
