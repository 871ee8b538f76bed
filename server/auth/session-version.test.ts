import { describe, expect, it } from "vitest";
import { isWithinSessionLifetime } from "./session-version";

// The default lifetime is 12 hours (DRIFTWATCH_SESSION_MAX_AGE_HOURS).
const HOUR_SECONDS = 60 * 60;
const NOW_MS = Date.UTC(2026, 0, 2, 12);
const nowSeconds = NOW_MS / 1000;

describe("isWithinSessionLifetime", () => {
  it("accepts a session signed in 11 hours ago", () => {
    expect(isWithinSessionLifetime(nowSeconds - 11 * HOUR_SECONDS, NOW_MS)).toBe(true);
  });

  it("rejects a session signed in 13 hours ago", () => {
    expect(isWithinSessionLifetime(nowSeconds - 13 * HOUR_SECONDS, NOW_MS)).toBe(false);
  });

  it("accepts a cookie without a sign-in time", () => {
    expect(isWithinSessionLifetime(undefined, NOW_MS)).toBe(true);
  });
});
