import type { MeasureBucket } from "./measure-queries";
import type { ScoreBucket } from "./score-queries";
import type { SeriesPoint } from "./types";

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

type MeasureSeries = {
  label: string;
  value: (bucket: MeasureBucket) => number | null;
  count: (bucket: MeasureBucket) => number;
};
type ScoreSeries = {
  label: string;
  value: (bucket: ScoreBucket) => number | null;
  count: (bucket: ScoreBucket) => number;
};

const generations = (bucket: MeasureBucket) => bucket.generations;

const MEASURE_SERIES: Record<string, MeasureSeries> = {
  input_terms: { label: "generations", value: generations, count: generations },
  new_terms: { label: "generations", value: generations, count: generations },
  prompt_length: {
    label: "mean input characters",
    value: (b) => b.meanInputChars,
    count: generations,
  },
  output_length: {
    label: "mean output words",
    value: (b) => b.meanOutputWords,
    count: generations,
  },
  output_length_psi: {
    label: "mean output words",
    value: (b) => b.meanOutputWords,
    count: generations,
  },
  perplexity: {
    label: "mean perplexity",
    value: (b) => b.meanPerplexity,
    count: (b) => b.perplexityCount,
  },
  toxicity_rate: {
    label: "toxic share",
    value: (b) => ratio(b.toxic, b.generations),
    count: generations,
  },
  refusal_rate: {
    label: "refusal share",
    value: (b) => ratio(b.refusals, b.generations),
    count: generations,
  },
  jailbreak_rate: {
    label: "jailbreak-pattern share",
    value: (b) => ratio(b.jailbreaks, b.generations),
    count: generations,
  },
  repeated_safety_failures: { label: "generations", value: generations, count: generations },
  user_volume: { label: "generations", value: generations, count: generations },
};

const SCORE_SERIES: Record<string, ScoreSeries> = {
  helpful_share: {
    label: "helpful share",
    value: (b) => ratio(b.helpfulVotes, b.votes),
    count: (b) => b.votes,
  },
  rating: { label: "mean rating", value: (b) => b.ratingMean, count: (b) => b.ratings },
  review_fail_rate: {
    label: "review fail share",
    value: (b) => ratio(b.failedReviews, b.reviews),
    count: (b) => b.reviews,
  },
};

/** Returns the chart series of a metric and what its values are, or null for unknown metrics. */
export function buildSeries(
  metric: string,
  measureBuckets: MeasureBucket[],
  scoreBuckets: ScoreBucket[],
): { label: string; points: SeriesPoint[] } | null {
  const measure = MEASURE_SERIES[metric];
  if (measure) {
    const points = measureBuckets.map((bucket) => ({
      bucketStart: bucket.bucketStart,
      value: measure.value(bucket),
      count: measure.count(bucket),
    }));
    return { label: measure.label, points };
  }
  const score = SCORE_SERIES[metric];
  if (!score) return null;
  const points = scoreBuckets.map((bucket) => ({
    bucketStart: bucket.bucketStart,
    value: score.value(bucket),
    count: score.count(bucket),
  }));
  return { label: score.label, points };
}
