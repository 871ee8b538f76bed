import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../db/client";
import { consumeRateLimit } from "./rate-limit";
import {
  clearSignInLimit,
  getClientAddress,
  limitSignInRequest,
  SIGN_IN_ATTEMPTS_PER_EMAIL,
  SIGN_IN_ATTEMPTS_PER_IP,
} from "./sign-in-limit";

const db = getDb();

afterAll(closeDb);

function signInRequest(email: string, address: string): Request {
  return new Request("http://127.0.0.1/api/auth/callback/credentials", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": address,
    },
    body: new URLSearchParams({ email, password: "wrong", json: "true" }).toString(),
  });
}

function uniqueAddress(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

async function attempt(email: string, address: string, times: number): Promise<Response | null> {
  let last: Response | null = null;
  for (let i = 0; i < times; i++)
    last = await limitSignInRequest(db, signInRequest(email, address));
  return last;
}

describe("limitSignInRequest", () => {
  it("returns 429 after the email limit", async () => {
    const email = `limit-${randomBytes(6).toString("hex")}@example.test`;
    expect(await attempt(email, uniqueAddress(), SIGN_IN_ATTEMPTS_PER_EMAIL)).toBeNull();

    const response = await limitSignInRequest(db, signInRequest(email, uniqueAddress()));
    expect(response?.status).toBe(429);
    expect(Number(response?.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await response!.json()) as { url: string; error: string };
    expect(body.error).toMatch(
      /^Too many sign-in attempts for this email; try again in \d+ minute/,
    );
    expect(new URL(body.url).searchParams.get("error")).toBe(body.error);
  });

  it("counts the email case-insensitively", async () => {
    const email = `Case-${randomBytes(6).toString("hex")}@Example.test`;
    await attempt(email, uniqueAddress(), SIGN_IN_ATTEMPTS_PER_EMAIL);
    const response = await limitSignInRequest(db, signInRequest(email.toLowerCase(), "10.0.0.1"));
    expect(response?.status).toBe(429);
  });

  it("a successful sign-in clears the email count", async () => {
    const email = `clear-${randomBytes(6).toString("hex")}@example.test`;
    await attempt(email, uniqueAddress(), SIGN_IN_ATTEMPTS_PER_EMAIL);
    await clearSignInLimit(db, email, uniqueAddress());
    expect(await limitSignInRequest(db, signInRequest(email, uniqueAddress()))).toBeNull();
  });

  it("successful sign-ins never reach the address limit", async () => {
    const address = uniqueAddress();
    for (let i = 0; i <= SIGN_IN_ATTEMPTS_PER_IP; i++) {
      const email = `ok-${i}-${randomBytes(4).toString("hex")}@example.test`;
      expect(await limitSignInRequest(db, signInRequest(email, address))).toBeNull();
      await clearSignInLimit(db, email, address);
    }
  });

  it("returns 429 after the address limit", async () => {
    const address = uniqueAddress();
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_IP; i++) {
      const email = `ip-${i}-${randomBytes(4).toString("hex")}@example.test`;
      expect(await limitSignInRequest(db, signInRequest(email, address))).toBeNull();
    }
    const response = await limitSignInRequest(db, signInRequest("fresh@example.test", address));
    expect(response?.status).toBe(429);
    const body = (await response!.json()) as { error: string };
    expect(body.error).toContain("from this address");
  });

  it("holds across concurrent requests", async () => {
    const email = `race-${randomBytes(6).toString("hex")}@example.test`;
    const responses = await Promise.all(
      Array.from({ length: SIGN_IN_ATTEMPTS_PER_EMAIL + 5 }, () =>
        limitSignInRequest(db, signInRequest(email, uniqueAddress())),
      ),
    );
    expect(responses.filter((r) => r === null)).toHaveLength(SIGN_IN_ATTEMPTS_PER_EMAIL);
  });

  it("counts the previous window's failures", async () => {
    const email = `${randomBytes(6).toString("hex")}@example.com`;
    // A window of 100 years puts the previous window's start in 1870, so its weight is the
    // share of 1970–2070 still ahead (0.43 in 2026, never below 0.04 before 2066).
    const windowSeconds = 100 * 365 * 24 * 60 * 60;
    const key = `test:${email}`;
    await db.$executeRaw`
      INSERT INTO rate_limit_counters (key, window_start, count)
      VALUES (${key}, to_timestamp(-${windowSeconds}::float8), 1000)`;

    const result = await consumeRateLimit(db, [{ key, limit: 10, windowSeconds }]);

    expect(result.allowed).toBe(false);
  });

  it("ignores requests other than credentials sign-in", async () => {
    const request = new Request("http://127.0.0.1/api/auth/session");
    expect(await limitSignInRequest(db, request)).toBeNull();
  });
});

describe("getClientAddress", () => {
  it("takes the last forwarded address", () => {
    const request = new Request("http://x/", {
      headers: { "x-forwarded-for": "1.1.1.1, 2.2.2.2" },
    });
    expect(getClientAddress(request)).toBe("2.2.2.2");
  });
});
