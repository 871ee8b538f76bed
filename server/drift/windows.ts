import { AppError } from "../errors";
import type { DriftPeriod, DriftWindows } from "./types";

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Longest window a run on demand may use, so one request cannot scan a project's whole past. */
export const MAX_WINDOW_DAYS = 92;

// Daily: yesterday against the 7 days before it. Weekly: the last 7 days against the 7 before.
const WINDOW_DAYS: Record<Exclude<DriftPeriod, "custom">, { current: number; baseline: number }> = {
  daily: { current: 1, baseline: 7 },
  weekly: { current: 7, baseline: 7 },
};

/** Returns midnight UTC at or before `time`. */
export function startOfUtcDay(time: Date): Date {
  return new Date(Math.floor(time.getTime() / DAY_MS) * DAY_MS);
}

/**
 * Returns the windows of a daily or weekly report whose current window ends at `end`. The
 * baseline ends where the current window starts.
 */
export function getPeriodWindows(period: "daily" | "weekly", end: Date): DriftWindows {
  const days = WINDOW_DAYS[period];
  const currentStart = new Date(end.getTime() - days.current * DAY_MS);
  return {
    baselineStart: new Date(currentStart.getTime() - days.baseline * DAY_MS),
    baselineEnd: currentStart,
    currentStart,
    currentEnd: end,
  };
}

function checkWindow(start: Date, end: Date, name: "baseline" | "current"): void {
  if (!(start < end)) {
    throw new AppError("INVALID_INPUT", `${name}Start must be before ${name}End`, `${name}Start`);
  }
  if (end.getTime() - start.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new AppError(
      "INVALID_INPUT",
      `The ${name} window is longer than ${MAX_WINDOW_DAYS} days; choose a shorter one`,
      `${name}End`,
    );
  }
}

/** Checks custom windows: each non-empty and bounded, the baseline before the current one. */
export function checkCustomWindows(windows: DriftWindows): DriftWindows {
  checkWindow(windows.baselineStart, windows.baselineEnd, "baseline");
  checkWindow(windows.currentStart, windows.currentEnd, "current");
  if (windows.baselineEnd > windows.currentStart) {
    throw new AppError(
      "INVALID_INPUT",
      "baselineEnd must not be after currentStart: the windows may not overlap",
      "baselineEnd",
    );
  }
  return windows;
}

/** Returns the length of a window in days, as a fraction for windows shorter than a day. */
export function windowDays(start: Date, end: Date): number {
  return (end.getTime() - start.getTime()) / DAY_MS;
}
