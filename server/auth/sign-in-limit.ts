import type { Db } from "../db/client";
import { moduleLogger } from "../logger";
import { normalizeEmail } from "./credentials";
import {
  clearRateLimit,
  consumeRateLimit,
  refundRateLimit,
  type RateLimitRule,
} from "./rate-limit";

/**
 * The sign-in rate limit: at most SIGN_IN_ATTEMPTS_PER_EMAIL attempts per email and
 * SIGN_IN_ATTEMPTS_PER_IP per client address in each window. Every attempt is counted before
 * the password check; a successful one is then taken back (see clearSignInLimit).
 */

const log = moduleLogger("auth");

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_ATTEMPTS_PER_EMAIL = 10;
export const SIGN_IN_ATTEMPTS_PER_IP = 100;

const CREDENTIALS_CALLBACK_SUFFIX = "/callback/credentials";

export function emailLimitKey(email: string): string {
  return `sign-in:email:${normalizeEmail(email)}`;
}

/**
 * The client address: the last X-Forwarded-For entry, which a reverse proxy appends and Next.js
 * fills from the socket when the header is absent.
 * NOTE: without a proxy in front, a client can send its own X-Forwarded-For and so pick its
 * address bucket. The per-email limit applies either way.
 */
export function getClientAddress(request: Request): string {
  return getAddressFromForwardedFor(request.headers.get("x-forwarded-for"));
}

export function getAddressFromForwardedFor(header: string | null | undefined): string {
  const last = header?.split(",").at(-1)?.trim();
  return last || "unknown";
}

export function addressLimitKey(address: string): string {
  return `sign-in:ip:${address}`;
}

async function readEmail(request: Request): Promise<string | null> {
  try {
    const form = await request.clone().formData();
    const email = form.get("email");
    return typeof email === "string" && email.length > 0 ? email.slice(0, 320) : null;
  } catch {
    return null;
  }
}

function buildRules(email: string | null, address: string): RateLimitRule[] {
  const rules: RateLimitRule[] = [
    {
      key: addressLimitKey(address),
      limit: SIGN_IN_ATTEMPTS_PER_IP,
      windowSeconds: SIGN_IN_WINDOW_SECONDS,
    },
  ];
  if (email) {
    rules.push({
      key: emailLimitKey(email),
      limit: SIGN_IN_ATTEMPTS_PER_EMAIL,
      windowSeconds: SIGN_IN_WINDOW_SECONDS,
    });
  }
  return rules;
}

/**
 * Counts a credentials sign-in request and returns a 429 response when it is over the limit,
 * or null to let NextAuth handle it. The body carries `url` with the message in its `error`
 * parameter, which is where NextAuth's `signIn()` reads the error from.
 */
export async function limitSignInRequest(db: Db, request: Request): Promise<Response | null> {
  const url = new URL(request.url);
  if (request.method !== "POST" || !url.pathname.endsWith(CREDENTIALS_CALLBACK_SUFFIX)) {
    return null;
  }
  const email = await readEmail(request);
  const address = getClientAddress(request);
  const result = await consumeRateLimit(db, buildRules(email, address));
  if (result.allowed) return null;

  const minutes = Math.ceil(result.retryAfterSeconds / 60);
  const scope = result.rejectedBy?.key.startsWith("sign-in:ip:")
    ? "from this address"
    : "for this email";
  const message = `Too many sign-in attempts ${scope}; try again in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  log.warn({ scope, retryAfterSeconds: result.retryAfterSeconds }, "sign-in rate limited");
  const errorUrl = new URL("/sign-in", url.origin);
  errorUrl.searchParams.set("error", message);
  return Response.json(
    { url: errorUrl.toString(), error: message },
    { status: 429, headers: { "retry-after": String(result.retryAfterSeconds) } },
  );
}

/**
 * Forgets a successful sign-in's count: the email's count is cleared and the address's attempt
 * is given back, so the address limit counts failures only and a busy office (or a test suite)
 * signing in correctly never reaches it.
 */
export async function clearSignInLimit(db: Db, email: string, address: string): Promise<void> {
  await clearRateLimit(db, emailLimitKey(email));
  await refundRateLimit(db, {
    key: addressLimitKey(address),
    windowSeconds: SIGN_IN_WINDOW_SECONDS,
  });
}
