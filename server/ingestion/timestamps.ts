/**
 * Timestamp rule of every ingest door: an ISO 8601 string without an offset is UTC, an offset is
 * converted to UTC, and fractions finer than a millisecond (micro- or nanoseconds) are truncated
 * to the millisecond that Postgres `timestamptz(3)` stores. Years outside 0001-9999 are invalid.
 */

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export class InvalidTimestampError extends Error {}

function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset === "Z" || offset === "z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 23 || minutes > 59) throw new InvalidTimestampError(`invalid offset ${offset}`);
  return sign * (hours * 60 + minutes);
}

function parseIsoTimestamp(text: string): Date {
  const match = ISO_TIMESTAMP.exec(text.trim());
  if (!match) throw new InvalidTimestampError(`"${text.slice(0, 64)}" is not an ISO 8601 time`);
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", offset] = match;
  const parts = [year, month, day, hour, minute, second].map(Number) as number[];
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  const milliseconds = Number(fraction.slice(0, 3).padEnd(3, "0"));
  // setUTCFullYear, unlike Date.UTC, keeps years 1-99 as they are.
  const check = new Date(0);
  check.setUTCFullYear(y, mo - 1, d);
  check.setUTCHours(h, mi, s, milliseconds);
  // Dates roll 2026-02-30 over to March; a rolled-over date was not a real calendar date.
  const isRealDate =
    y >= 1 &&
    check.getUTCFullYear() === y &&
    check.getUTCMonth() === mo - 1 &&
    check.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60;
  if (!isRealDate) throw new InvalidTimestampError(`"${text.slice(0, 64)}" is not a real date`);
  return new Date(check.getTime() - offsetMinutes(offset) * 60_000);
}

function checkDate(date: Date): Date {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1 || year > 9999) {
    throw new InvalidTimestampError("time is outside the years 0001-9999");
  }
  return new Date(Math.trunc(date.getTime()));
}

/**
 * Parses an ISO 8601 string or a Date into a Date at millisecond precision, in UTC. Throws
 * InvalidTimestampError for anything else.
 */
export function parseTimestamp(value: unknown): Date {
  if (value instanceof Date) return checkDate(value);
  if (typeof value === "string") return checkDate(parseIsoTimestamp(value));
  throw new InvalidTimestampError(`expected an ISO 8601 string, got ${typeof value}`);
}
