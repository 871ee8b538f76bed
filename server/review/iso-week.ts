import { AppError } from "../errors";

/** ISO 8601 weeks ("2026-W49"): Monday 00:00 UTC to the next Monday, week 1 contains 4 January. */

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export interface IsoWeek {
  week: string;
  /** Monday 00:00 UTC, inclusive. */
  start: Date;
  /** The next Monday 00:00 UTC, exclusive. */
  end: Date;
}

function mondayOfWeekOne(year: number): Date {
  const januaryFourth = Date.UTC(year, 0, 4);
  const weekday = (new Date(januaryFourth).getUTCDay() + 6) % 7;
  return new Date(januaryFourth - weekday * DAY_MS);
}

function weeksInYear(year: number): number {
  const span = mondayOfWeekOne(year + 1).getTime() - mondayOfWeekOne(year).getTime();
  return Math.round(span / WEEK_MS);
}

function toIsoWeek(year: number, week: number): IsoWeek {
  const start = new Date(mondayOfWeekOne(year).getTime() + (week - 1) * WEEK_MS);
  const label = `${year}-W${String(week).padStart(2, "0")}`;
  return { week: label, start, end: new Date(start.getTime() + WEEK_MS) };
}

/** Parses "YYYY-Www"; throws INVALID_INPUT naming `field` for anything else. */
export function parseIsoWeek(value: string, field = "week"): IsoWeek {
  const match = ISO_WEEK_PATTERN.exec(value);
  if (!match) {
    throw new AppError(
      "INVALID_INPUT",
      `Invalid ISO week "${value.slice(0, 40)}"; use the form YYYY-Www, e.g. 2026-W49`,
      field,
    );
  }
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1970 || week < 1 || week > weeksInYear(year)) {
    throw new AppError(
      "INVALID_INPUT",
      `Invalid ISO week "${value}"; ${year} has weeks 01 to ${weeksInYear(year)}`,
      field,
    );
  }
  return toIsoWeek(year, week);
}

/** The ISO week that contains `date` (in UTC). */
export function isoWeekOf(date: Date): IsoWeek {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - mondayOfWeekOne(year).getTime()) / WEEK_MS) + 1;
  return toIsoWeek(year, week);
}

/** The `count` weeks before `week`, the nearest first. */
export function previousIsoWeeks(week: IsoWeek, count: number): IsoWeek[] {
  return Array.from({ length: count }, (_, i) =>
    isoWeekOf(new Date(week.start.getTime() - (i + 1) * WEEK_MS)),
  );
}
