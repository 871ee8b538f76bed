/** Labels of the weekly audit report. Weeks are ISO weeks in UTC, as the server computes them. */

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

/**
 * Returns the ISO 8601 week of `date` in UTC, e.g. "2026-W49": weeks start on Monday and week
 * 1 contains the year's first Thursday. server/review/iso-week.ts computes the same, and a
 * test compares the two.
 */
export function getIsoWeekKey(date: Date): string {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - weekday) * DAY_MS);
  // The Thursday of a week decides its year; its day of that year decides the week number.
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

const ISO_WEEK_KEY_PATTERN = /^(\d{4})-W(\d{2})$/;

/**
 * Returns the first Monday (inclusive) and the Monday after the last day (exclusive) of an ISO
 * week key such as "2026-W49", or null when the text is no valid week.
 */
export function getIsoWeekBounds(key: string): { start: Date; end: Date } | null {
  const match = ISO_WEEK_KEY_PATTERN.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const januaryFourth = Date.UTC(year, 0, 4);
  const weekOneMonday = januaryFourth - ((new Date(januaryFourth).getUTCDay() + 6) % 7) * DAY_MS;
  const start = new Date(weekOneMonday + (Number(match[2]) - 1) * WEEK_MS);
  if (getIsoWeekKey(start) !== key) return null;
  return { start, end: new Date(start.getTime() + WEEK_MS) };
}

/** Returns the ISO week `offset` weeks after the one that contains `date` (before, if negative). */
export function shiftIsoWeekKey(date: Date, offset: number): string {
  return getIsoWeekKey(new Date(date.getTime() + offset * WEEK_MS));
}

const monthDay = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

/**
 * Formats a week as its first and last day: "Nov 30 – Dec 6, 2026". `end` is exclusive (the
 * next Monday), so the last day shown is the Sunday before it.
 */
export function formatWeekRange(start: Date, end: Date): string {
  const lastDay = new Date(end.getTime() - DAY_MS);
  const startYear = start.getUTCFullYear();
  const endYear = lastDay.getUTCFullYear();
  const first = monthDay.format(start) + (startYear === endYear ? "" : `, ${startYear}`);
  return `${first} – ${monthDay.format(lastDay)}, ${endYear}`;
}

/** Returns the short axis label of an ISO week: "2026-W49" → "W49". */
export function formatWeekShort(week: string): string {
  const match = /-W(\d{2})$/.exec(week);
  return match ? `W${match[1]}` : week;
}

/**
 * Formats the change between two pass rates in percentage points: "+4.2 pts", "−1.0 pts", "±0 pts",
 * or null when either rate is missing.
 */
export function formatRateChange(current: number | null, previous: number | null) {
  if (current === null || previous === null) return null;
  const points = (current - previous) * 100;
  if (Math.abs(points) < 0.05) return "±0 pts";
  const sign = points > 0 ? "+" : "−";
  return `${sign}${Math.abs(points).toFixed(1)} pts`;
}
