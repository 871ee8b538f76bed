import type { BucketGranularity } from "./format";
import { getTimeZoneOffsetMinutes } from "./zones";

/**
 * Time windows of the dashboards. Rollups are hourly, so a resolved window starts and ends on
 * whole UTC hours and is half-open: [from, to).
 */

export const TIME_RANGE_PRESETS = ["24h", "7d", "30d"] as const;
export type TimeRangePreset = (typeof TIME_RANGE_PRESETS)[number];

export const MAX_WINDOW_DAYS = 400;
/** Windows up to this many hours get hour buckets; longer ones get day buckets. */
export const MAX_HOURLY_WINDOW_HOURS = 48;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type TimeWindowRequest = { preset: TimeRangePreset } | { from: Date; to: Date };

export interface ResolvedTimeWindow {
  from: Date;
  to: Date;
  granularity: BucketGranularity;
}

export function floorToHour(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);
}

export function ceilToHour(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / HOUR_MS) * HOUR_MS);
}

function getLocalDateParts(instant: Date, timeZone: string): [number, number, number] {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return [value("year"), value("month"), value("day")];
}

/** The instant at which the local calendar day (year, month 1–12, day) starts in `timeZone`. */
export function getLocalDayStart(year: number, month: number, day: number, timeZone: string): Date {
  const wallClockAsUtc = Date.UTC(year, month - 1, day);
  const firstOffset = getTimeZoneOffsetMinutes(timeZone, new Date(wallClockAsUtc));
  const guess = wallClockAsUtc - firstOffset * 60_000;
  // The offset at the guess differs from the first one only across a DST change that day.
  const secondOffset = getTimeZoneOffsetMinutes(timeZone, new Date(guess));
  return new Date(wallClockAsUtc - secondOffset * 60_000);
}

/** Start of the local day `daysBack` days before the local day of `instant`. */
export function getLocalDayStartBefore(instant: Date, daysBack: number, timeZone: string): Date {
  const [year, month, day] = getLocalDateParts(instant, timeZone);
  return getLocalDayStart(year, month, day - daysBack, timeZone);
}

/** Parses "YYYY-MM-DD" into the instant that local day starts in `timeZone`; null if invalid. */
export function parseLocalDate(text: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return getLocalDayStart(year, month, day, timeZone);
}

function granularityOf(from: Date, to: Date): BucketGranularity {
  return to.getTime() - from.getTime() <= MAX_HOURLY_WINDOW_HOURS * HOUR_MS ? "hour" : "day";
}

/**
 * Resolves a preset or a custom range to whole UTC hours. "24h" is the 24 hours up to the end
 * of the current hour. "7d" and "30d" start at local midnight 6 or 29 days before today in
 * `timeZone`, so every day bucket is a whole local day (the last one up to now). A day window
 * starts at the first whole hour of its first day, because each hourly rollup counts toward
 * the local day its hour starts in.
 */
export function resolveTimeWindow(
  request: TimeWindowRequest,
  timeZone: string,
  now: Date = new Date(),
): ResolvedTimeWindow {
  if ("preset" in request) {
    const to = ceilToHour(new Date(now.getTime() + 1));
    if (request.preset === "24h") {
      return { from: new Date(to.getTime() - DAY_MS), to, granularity: "hour" };
    }
    const daysBack = request.preset === "7d" ? 6 : 29;
    const from = ceilToHour(getLocalDayStartBefore(now, daysBack, timeZone));
    return { from, to, granularity: "day" };
  }

  const granularity = granularityOf(request.from, request.to);
  const from = granularity === "hour" ? floorToHour(request.from) : ceilToHour(request.from);
  return { from, to: ceilToHour(request.to), granularity };
}

/** Null when the custom range is usable; otherwise what is wrong with it. */
export function validateCustomWindow(from: Date, to: Date): string | null {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    return "from and to must be dates";
  if (from.getTime() >= to.getTime()) return "from must be before to";
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    return `the range may span at most ${MAX_WINDOW_DAYS} days; narrow it`;
  }
  return null;
}

/**
 * The window from the start of local day `fromText` to the end of local day `toText` (both
 * "YYYY-MM-DD", inclusive) in `timeZone`; null when either date is invalid or to is before from.
 */
export function getLocalDatesWindow(
  fromText: string,
  toText: string,
  timeZone: string,
): { from: Date; to: Date } | null {
  const from = parseLocalDate(fromText, timeZone);
  const lastDayStart = parseLocalDate(toText, timeZone);
  if (!from || !lastDayStart) return null;
  const to = getLocalDayStartBefore(new Date(lastDayStart.getTime() + 12 * HOUR_MS), -1, timeZone);
  return from.getTime() < to.getTime() ? { from, to } : null;
}
