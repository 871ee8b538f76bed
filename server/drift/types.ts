export const DRIFT_KINDS = ["input", "output", "performance", "behaviour"] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export const DRIFT_STATUSES = ["drift", "no_drift", "not_enough_data"] as const;
export type DriftStatus = (typeof DRIFT_STATUSES)[number];

export const DRIFT_PERIODS = ["daily", "weekly", "custom"] as const;
export type DriftPeriod = (typeof DRIFT_PERIODS)[number];

export type DriftSeverity = "high" | "medium" | "low";

/** A baseline window and the current window compared with it; starts inclusive, ends exclusive. */
export interface DriftWindows {
  baselineStart: Date;
  baselineEnd: Date;
  currentStart: Date;
  currentEnd: Date;
}

/** One bucket of a metric's time series, for the chart of a finding. */
export interface SeriesPoint {
  bucketStart: string;
  value: number | null;
  count: number;
}

/** A term whose share of inputs changed between the windows. */
export interface MovedTerm {
  term: string;
  baselineCount: number;
  currentCount: number;
  /** Share of the window's generations whose input contains the term, 0..1. */
  baselineShare: number;
  currentShare: number;
}

/** A user singled out by a behaviour detector. */
export interface FlaggedUser {
  userId: string;
  /** Failed safety checks, or requests per day, in the current window. */
  value: number;
  /** Median of the user's daily requests in the baseline window (volume detector only). */
  baselineMedian?: number;
  robustZ?: number | null;
  traceIds: string[];
}

export interface DriftDetails {
  /** What the series values are, e.g. "mean output words". */
  seriesLabel?: string;
  series?: SeriesPoint[];
  baselineValue?: number | null;
  currentValue?: number | null;
  terms?: MovedTerm[];
  users?: FlaggedUser[];
  exampleTraceIds?: string[];
  /** Extra numbers of the method, e.g. the KS method or the chi-square degrees of freedom. */
  method?: Record<string, number | string | null>;
}

/** The outcome of one drift test before it is stored. */
export interface DriftFinding {
  kind: DriftKind;
  metric: string;
  method: string;
  status: DriftStatus;
  severity: DriftSeverity | null;
  statistic: number | null;
  pValue: number | null;
  effectSize: number | null;
  pValueThreshold: number | null;
  effectSizeThreshold: number | null;
  baselineCount: number;
  currentCount: number;
  summary: string;
  details: DriftDetails;
}
