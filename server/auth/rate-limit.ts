import type { Db } from "../db/client";

/**
 * Fixed-window rate limits counted in Postgres, so every app process shares one count. A
 * request increments its counter before the work it guards, so parallel requests cannot slip
 * past the limit between a read and a write.
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

// Counters of windows older than this are deleted; it must exceed the longest window.
const COUNTER_RETENTION_SECONDS = 24 * 60 * 60;

async function incrementCounter(db: Db, rule: RateLimitRule) {
  const [row] = await db.$queryRaw<{ count: number; retry_after_seconds: number }[]>`
    INSERT INTO rate_limit_counters (key, window_start, count)
    VALUES (
      ${rule.key},
      to_timestamp(floor(extract(epoch FROM now()) / ${rule.windowSeconds}) * ${rule.windowSeconds}),
      1
    )
    ON CONFLICT (key, window_start)
      DO UPDATE SET count = rate_limit_counters.count + 1
    RETURNING count,
      ceil(extract(epoch FROM window_start) + ${rule.windowSeconds} - extract(epoch FROM now()))::int
        AS retry_after_seconds`;
  return row!;
}

/** Counts one request against every rule; rejected when any count passes its limit. */
export async function consumeRateLimit(db: Db, rules: RateLimitRule[]): Promise<RateLimitResult> {
  let result: RateLimitResult = { allowed: true, retryAfterSeconds: 0 };
  for (const rule of rules) {
    const counter = await incrementCounter(db, rule);
    if (counter.count === 1) await deleteExpiredCounters(db);
    if (counter.count > rule.limit && result.allowed) {
      result = {
        allowed: false,
        rejectedBy: rule,
        retryAfterSeconds: Math.max(1, counter.retry_after_seconds),
      };
    }
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
