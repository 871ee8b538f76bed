import type pg from "pg";
import type { DriftWindows } from "./types";

/** Anything that runs a parameterised query: a pg pool or a client in a transaction. */
export type Queryable = Pick<pg.Pool, "query">;

/**
 * Rows of one project in either window. Parameters: $1 project id, $2 baseline start,
 * $3 baseline end, $4 current start, $5 current end. Both ranges use the
 * (project_id, start_time) index; the baseline ends at or before the current start, so
 * `start_time >= $4` tells the windows apart.
 */
export const MEASURES_IN_WINDOWS = `project_id = $1
  AND ((start_time >= $2 AND start_time < $3) OR (start_time >= $4 AND start_time < $5))`;

export function windowParameters(projectId: string, windows: DriftWindows): unknown[] {
  return [
    projectId,
    windows.baselineStart,
    windows.baselineEnd,
    windows.currentStart,
    windows.currentEnd,
  ];
}

/** A pair of values, one per window. */
export interface WindowPair<T> {
  baseline: T;
  current: T;
}

/** Splits rows that carry `is_current` into the baseline and current row (or undefined). */
export function splitByWindow<T extends { is_current: boolean }>(
  rows: T[],
): WindowPair<T | undefined> {
  return {
    baseline: rows.find((row) => !row.is_current),
    current: rows.find((row) => row.is_current),
  };
}

/**
 * Returns the chart bucket width for a span: an hour up to 2 days, 6 hours up to 3 weeks,
 * else a day, so a chart has between about 24 and 90 points.
 */
export function getBucketInterval(windows: DriftWindows): string {
  const spanHours = (windows.currentEnd.getTime() - windows.baselineStart.getTime()) / 3_600_000;
  if (spanHours <= 48) return "1 hour";
  if (spanHours <= 21 * 24) return "6 hours";
  return "1 day";
}
