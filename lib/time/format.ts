import { UTC_TIME_ZONE } from "./zones";

/** Placeholder text for a missing value. */
export const MISSING_VALUE = "–";

type Instant = Date | string | number;

function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value);
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function getFormatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { ...options, timeZone, hourCycle: "h23" });
    formatterCache.set(key, formatter);
  }
  return formatter;
}

function getParts(value: Instant, timeZone: string): Record<string, string> {
  const parts = getFormatter(timeZone, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(toDate(value));
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/** "2026-06-28 17:30:05" in `timeZone`: sortable, and the same in every browser locale. */
export function formatTimestamp(value: Instant | null | undefined, timeZone = UTC_TIME_ZONE) {
  if (value === null || value === undefined) return MISSING_VALUE;
  const p = getParts(value, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "2026-06-28" in `timeZone`. */
export function formatDate(value: Instant, timeZone = UTC_TIME_ZONE): string {
  const p = getParts(value, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

export type BucketGranularity = "hour" | "day";

/**
 * The label of a chart bucket that starts at `bucketStart`, in `timeZone`: "Jun 28" for days,
 * "Jun 28 14:00" for hours. Axis ticks and tooltips both use it, so they always agree.
 */
export function formatBucketLabel(
  bucketStart: Instant,
  granularity: BucketGranularity,
  timeZone = UTC_TIME_ZONE,
): string {
  const date = toDate(bucketStart);
  const day = getFormatter(timeZone, { month: "short", day: "numeric" }).format(date);
  if (granularity === "day") return day;
  const p = getParts(date, timeZone);
  return `${day} ${p.hour}:${p.minute}`;
}

/** "850 ms", "1.2 s", "2 m 05 s", "1 h 02 m"; negative or missing durations show "–". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return MISSING_VALUE;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours === 0) return `${minutes} m ${String(seconds).padStart(2, "0")} s`;
  return `${hours} h ${String(minutes).padStart(2, "0")} m`;
}

/** A short duration for chart axes: "850ms", "12s", "1.5m", "2h". */
export function formatCompactDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return MISSING_VALUE;
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  if (ms < 3_600_000) return `${Number((ms / 60_000).toFixed(1))}m`;
  return `${Number((ms / 3_600_000).toFixed(1))}h`;
}

/** Label of a cost whose price is unknown. "$0.00" would wrongly claim the call was free. */
export const UNKNOWN_COST_LABEL = "no price";

/**
 * US dollars with a precision that fits the size: "$1,234.56", "$0.50", "$0.0075",
 * "$0.000123". `null` (no price known) shows "no price". Accepts numeric strings, as Postgres
 * `numeric` columns arrive.
 */
export function formatCost(usd: number | string | null | undefined): string {
  if (usd === null || usd === undefined) return UNKNOWN_COST_LABEL;
  const value = typeof usd === "string" ? Number(usd) : usd;
  if (!Number.isFinite(value)) return UNKNOWN_COST_LABEL;
  if (value === 0) return "$0";
  const sign = value < 0 ? "-" : "";
  const size = Math.abs(value);
  if (size < 0.000001) return `${sign}<$0.000001`;
  if (size >= 1) {
    const text = size.toLocaleString("en-US", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    return `${sign}$${text}`;
  }
  // About three significant digits below $1, but never fewer than two decimals ("$0.50").
  const decimals = Math.max(2, Math.ceil(-Math.log10(size)) + 2);
  const text = size.toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, "$1");
  return `${sign}$${text}`;
}

/** Integer counts with grouping ("12,345"); `compact` gives "8.5K", "1.2M" for axes and tiles. */
export function formatCount(value: number | null | undefined, compact = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING_VALUE;
  if (compact && Math.abs(value) >= 1000) {
    return value.toLocaleString("en-US", { notation: "compact", maximumFractionDigits: 1 });
  }
  return Math.round(value).toLocaleString("en-US");
}

/**
 * Returns `noun` for a count of exactly one, else `plural`, which defaults to `noun` + "s"
 * ("1 trace", "0 traces"). Pass `plural` for irregular nouns ("1 entry", "2 entries").
 */
export function pluralize(count: number, noun: string, plural = `${noun}s`): string {
  return count === 1 ? noun : plural;
}

/** Formats a count with its noun in the right number: "1 session", "12,345 sessions". */
export function formatCountOf(
  count: number,
  noun: string,
  options: { plural?: string; compact?: boolean } = {},
): string {
  return `${formatCount(count, options.compact)} ${pluralize(count, noun, options.plural)}`;
}

/** Token counts: "812", "12,345", and compact from 100k ("1.2M") so tiles stay narrow. */
export function formatTokens(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING_VALUE;
  if (Math.abs(value) >= 100_000) {
    return value.toLocaleString("en-US", { notation: "compact", maximumFractionDigits: 1 });
  }
  return Math.round(value).toLocaleString("en-US");
}

/** A ratio in [0, 1] as a percentage: 0.1234 → "12.3%"; `null` (nothing to divide) → "–". */
export function formatPercent(ratio: number | null | undefined, fractionDigits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return MISSING_VALUE;
  return `${(ratio * 100).toFixed(fractionDigits)}%`;
}
