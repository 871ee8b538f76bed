import type { BucketGranularity } from "@/lib/time/format";

/**
 * SQL pieces shared by the overview queries. Parameters: $1 project id, $2 window start,
 * $3 window end (exclusive), $4 display zone (IANA name). Rows are hourly rollups keyed by
 * UTC hour, so a row is inside the window when from ≤ hour < to.
 */

export const WINDOW_CONDITION = "r.project_id = $1 AND r.hour >= $2 AND r.hour < $3";

/**
 * The start of the bucket a rollup hour falls in, as timestamptz. Hour buckets are the UTC hours
 * themselves. A day bucket is the local day (in $4) in which the hour starts.
 * NOTE: in zones with a 30 or 45 minute offset (Asia/Kolkata, Asia/Kathmandu) the hour that
 * straddles local midnight counts toward the earlier day, so up to 45 minutes of data per day
 * boundary land in the previous day. Whole-hour zones are exact.
 */
export function getBucketStartSql(granularity: BucketGranularity): string {
  if (granularity === "hour") return "r.hour";
  return "(date_trunc('day', r.hour AT TIME ZONE $4) AT TIME ZONE $4)";
}

/** Every bucket start of the window, so empty buckets come back as zero rather than missing. */
export function getBucketSeriesSql(granularity: BucketGranularity): string {
  if (granularity === "hour") {
    return `SELECT generate_series($2::timestamptz, $3::timestamptz - interval '1 hour',
                                   interval '1 hour') AS bucket_start`;
  }
  return `SELECT local_day AT TIME ZONE $4 AS bucket_start
          FROM generate_series(date_trunc('day', $2::timestamptz AT TIME ZONE $4),
                               ($3::timestamptz - interval '1 hour') AT TIME ZONE $4,
                               interval '1 day') AS local_day`;
}
