/**
 * Timestamp rule of every ingest door: an ISO 8601 string without an offset is UTC, an offset is
 * converted to UTC, and fractions finer than a millisecond (micro- or nanoseconds) are truncated
 * to the millisecond that Postgres `timestamptz(3)` stores. Years outside 0001-9999 are invalid.
 */

const ISO_TIMESTAMP =
  /^\s*(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?\s*$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// 400 Gregorian years are exactly 146,097 days; shifting by them keeps Date.UTC away from its
// two-digit-year rule (Date.UTC(99, ...) means 1999).
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

export class InvalidTimestampError extends Error {}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function offsetMinutes(offset: string | undefined, text: string): number {
  if (!offset || offset === "Z" || offset === "z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 23 || minutes > 59) {
    throw new InvalidTimestampError(`"${text.slice(0, 64)}" has an invalid UTC offset`);
  }
  return sign * (hours * 60 + minutes);
}

function parseIsoTimestamp(text: string): Date {
  const match = ISO_TIMESTAMP.exec(text);
  if (!match) throw new InvalidTimestampError(`"${text.slice(0, 64)}" is not an ISO 8601 time`);
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", offset] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  const isRealTime =
    y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h < 24 && mi < 60;
  // Second 60 (a leap second) is accepted and lands on the next minute, as in Postgres.
  if (!isRealTime || s > 60) {
    throw new InvalidTimestampError(`"${text.slice(0, 64)}" is not a real date and time`);
  }
  const milliseconds = Number(fraction.slice(0, 3).padEnd(3, "0"));
  const local = Date.UTC(y + 400, mo - 1, d, h, mi, s, milliseconds) - FOUR_CENTURIES_MS;
  return checkDate(new Date(local - offsetMinutes(offset, text) * 60_000));
}

function checkDate(date: Date): Date {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new InvalidTimestampError("not a valid date");
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) {
    throw new InvalidTimestampError("time is outside the years 0001-9999");
  }
  return date;
}

/**
 * Parses an ISO 8601 string, or copies a Date, into a Date at millisecond precision. Throws
 * InvalidTimestampError for anything else.
 */
export function parseTimestamp(value: unknown): Date {
  if (value instanceof Date) return checkDate(new Date(Math.trunc(value.getTime())));
  if (typeof value === "string") return parseIsoTimestamp(value);
  throw new InvalidTimestampError(`expected an ISO 8601 string, got ${typeof value}`);
}
