import { describe, expect, it } from "vitest";
import { evaluateSlidingWindow } from "./rate-limit";

const FIFTEEN_MINUTES = 15 * 60;

describe("evaluateSlidingWindow", () => {
  it("allows requests under the limit", () => {
    const counts = { windowSeconds: 900, elapsedSeconds: 10, previousCount: 0, currentCount: 10 };

    expect(evaluateSlidingWindow(counts, 10)).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it("rejects a burst just after a full window", () => {
    // Ten failures (and one rejected try) at the end of one window, then one 52 s later.
    const counts = {
      windowSeconds: FIFTEEN_MINUTES,
      elapsedSeconds: 52,
      previousCount: 11,
      currentCount: 1,
    };
    const result = evaluateSlidingWindow(counts, 10);

    expect(result.allowed).toBe(false);
    // 11 × (1 − (52 + t) / 900) + 2 ≤ 10 is first true at t ≈ 193 s.
    expect(result.retryAfterSeconds).toBe(194);
  });

  it("allows again once the previous window has slid out", () => {
    const counts = {
      windowSeconds: FIFTEEN_MINUTES,
      elapsedSeconds: 600,
      previousCount: 11,
      currentCount: 1,
    };

    expect(evaluateSlidingWindow(counts, 10).allowed).toBe(true);
  });

  it("waits into the next window when this one is full", () => {
    const counts = {
      windowSeconds: FIFTEEN_MINUTES,
      elapsedSeconds: 100,
      previousCount: 0,
      currentCount: 11,
    };
    const result = evaluateSlidingWindow(counts, 10);

    expect(result.allowed).toBe(false);
    // 800 s to the window's end, then until 11 × (1 − s / 900) + 1 ≤ 10: s ≈ 163.6 s.
    expect(result.retryAfterSeconds).toBe(964);
  });
});
