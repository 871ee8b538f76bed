/** Labels of the weekly audit report. Weeks are ISO weeks in UTC, as the server computes them. */

const DAY_MS = 24 * 60 * 60 * 1000;

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
