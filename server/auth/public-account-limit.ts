import type { Db } from "../db/client";
import { AppError } from "../errors";
import { consumeRateLimit } from "./rate-limit";

/**
 * The limit of the public account procedures (sign-up, password reset with a link): each runs
 * scrypt with 128 MiB of memory, so an address gets PUBLIC_ACCOUNT_CALLS_PER_WINDOW calls per
 * window. Server callers without an address (tests, server components) are not limited.
 */

export const PUBLIC_ACCOUNT_WINDOW_SECONDS = 15 * 60;
export const PUBLIC_ACCOUNT_CALLS_PER_WINDOW = 20;

export async function limitPublicAccountCall(db: Db, clientAddress: string | undefined) {
  if (!clientAddress) return;
  const result = await consumeRateLimit(db, [
    {
      key: `account:ip:${clientAddress}`,
      limit: PUBLIC_ACCOUNT_CALLS_PER_WINDOW,
      windowSeconds: PUBLIC_ACCOUNT_WINDOW_SECONDS,
    },
  ]);
  if (result.allowed) return;
  const minutes = Math.ceil(result.retryAfterSeconds / 60);
  throw new AppError(
    "RATE_LIMITED",
    `Too many account requests from this address; try again in ${minutes} minute` +
      (minutes === 1 ? "" : "s"),
  );
}
