import {
  getBucketInterval,
  splitByWindow,
  windowParameters,
  type Queryable,
  type WindowPair,
} from "./sql";
import type { DriftWindows } from "./types";

/**
 * Feedback and review scores per window, read from `scores` by score timestamp (when the
 * feedback or verdict was given) through the (project_id, name, timestamp) index.
 *
 * Which scores count:
 * - helpful share: scores named in HELPFUL_SCORE_NAMES, BOOLEAN or NUMERIC, with value 1
 *   (helpful) or 0 (not helpful); other values are ignored.
 * - rating: NUMERIC scores named in RATING_SCORE_NAMES, any scale.
 * - review fail rate: ANNOTATION scores named "review" of data type BOOLEAN, 1 = pass, 0 = fail.
 */
export const HELPFUL_SCORE_NAMES = ["helpful", "user-feedback"];
export const RATING_SCORE_NAMES = ["rating", "user-rating"];
export const REVIEW_SCORE_NAME = "review";

const SCORE_NAMES = [...HELPFUL_SCORE_NAMES, ...RATING_SCORE_NAMES, REVIEW_SCORE_NAME];

// Parameters: $1..$5 as in MEASURES_IN_WINDOWS, $6 helpful names, $7 rating names, $8 the
// review name, $9 all three lists together.
const SCORES_IN_WINDOWS = `project_id = $1 AND name = ANY($9::text[])
  AND ((timestamp >= $2 AND timestamp < $3) OR (timestamp >= $4 AND timestamp < $5))`;

const IS_HELPFUL_VOTE = `name = ANY($6::text[]) AND data_type IN ('BOOLEAN', 'NUMERIC')
  AND value IN (0, 1)`;
const IS_RATING = `name = ANY($7::text[]) AND data_type = 'NUMERIC' AND value IS NOT NULL`;
const IS_REVIEW = `name = $8 AND source = 'ANNOTATION' AND data_type = 'BOOLEAN'
  AND value IN (0, 1)`;

export interface ScoreTotals {
  votes: number;
  helpfulVotes: number;
  ratings: number;
  ratingMean: number | null;
  ratingVariance: number | null;
  reviews: number;
  failedReviews: number;
}

const EMPTY_SCORE_TOTALS: ScoreTotals = {
  votes: 0,
  helpfulVotes: 0,
  ratings: 0,
  ratingMean: null,
  ratingVariance: null,
  reviews: 0,
  failedReviews: 0,
};

function scoreParameters(projectId: string, windows: DriftWindows): unknown[] {
  return [
    ...windowParameters(projectId, windows),
    HELPFUL_SCORE_NAMES,
    RATING_SCORE_NAMES,
    REVIEW_SCORE_NAME,
    SCORE_NAMES,
  ];
}

const SCORE_AGGREGATES = `count(*) FILTER (WHERE ${IS_HELPFUL_VOTE})::int AS votes,
  count(*) FILTER (WHERE ${IS_HELPFUL_VOTE} AND value = 1)::int AS helpful_votes,
  count(*) FILTER (WHERE ${IS_RATING})::int AS ratings,
  avg(value) FILTER (WHERE ${IS_RATING})::float8 AS rating_mean,
  var_samp(value) FILTER (WHERE ${IS_RATING})::float8 AS rating_variance,
  count(*) FILTER (WHERE ${IS_REVIEW})::int AS reviews,
  count(*) FILTER (WHERE ${IS_REVIEW} AND value = 0)::int AS failed_reviews`;

interface ScoreRow {
  votes: number;
  helpful_votes: number;
  ratings: number;
  rating_mean: number | null;
  rating_variance: number | null;
  reviews: number;
  failed_reviews: number;
}

function toScoreTotals(row: ScoreRow | undefined): ScoreTotals {
  if (!row) return EMPTY_SCORE_TOTALS;
  return {
    votes: row.votes,
    helpfulVotes: row.helpful_votes,
    ratings: row.ratings,
    ratingMean: row.rating_mean,
    ratingVariance: row.rating_variance,
    reviews: row.reviews,
    failedReviews: row.failed_reviews,
  };
}

/** Returns feedback, rating and review counts of both windows. */
export async function loadScoreTotals(
  db: Queryable,
  projectId: string,
  windows: DriftWindows,
): Promise<WindowPair<ScoreTotals>> {
  const result = await db.query<ScoreRow & { is_current: boolean }>(
    `SELECT (timestamp >= $4) AS is_current, ${SCORE_AGGREGATES}
     FROM scores WHERE ${SCORES_IN_WINDOWS}
     GROUP BY 1`,
    scoreParameters(projectId, windows),
  );
  const pair = splitByWindow(result.rows);
  return { baseline: toScoreTotals(pair.baseline), current: toScoreTotals(pair.current) };
}

export interface ScoreBucket extends ScoreTotals {
  bucketStart: string;
}

/** Returns the same counts per chart bucket over both windows. */
export async function loadScoreSeries(
  db: Queryable,
  projectId: string,
  windows: DriftWindows,
): Promise<ScoreBucket[]> {
  const result = await db.query<ScoreRow & { bucket_start: Date }>(
    `SELECT date_bin($10::interval, timestamp, $2) AS bucket_start, ${SCORE_AGGREGATES}
     FROM scores WHERE ${SCORES_IN_WINDOWS}
     GROUP BY 1
     ORDER BY 1`,
    [...scoreParameters(projectId, windows), getBucketInterval(windows)],
  );
  return result.rows.map((row) => ({
    bucketStart: row.bucket_start.toISOString(),
    ...toScoreTotals(row),
  }));
}
