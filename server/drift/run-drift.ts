import type { PerplexitySource } from "../analysis/types";
import { moduleLogger } from "../logger";
import { detectRepeatedSafetyFailures, detectUserVolumeSpikes } from "./detectors/behaviour";
import { detectDistributionShift, detectStabilityShift } from "./detectors/distribution";
import { detectPerplexityChange, detectRateChange, detectRatingDrop } from "./detectors/rates";
import { detectNewTerms, detectTermShift, type TermTest } from "./detectors/terms";
import { loadExampleTraceIds } from "./example-queries";
import {
  loadHistograms,
  loadMeasureSeries,
  loadTermCounts,
  loadWindowTotals,
  type WindowTotals,
} from "./measure-queries";
import { storeDriftReports, type DriftReportView } from "./reports";
import { loadScoreSeries, loadScoreTotals, type ScoreTotals } from "./score-queries";
import { buildSeries } from "./series";
import type { Queryable, WindowPair } from "./sql";
import {
  DEFAULT_PERPLEXITY_ALERT_PERCENT,
  FEEDBACK_RATE_CHANGE_THRESHOLD,
  MIN_REVIEWS_PER_WINDOW,
  MIN_SAMPLES_PER_WINDOW,
  MIN_USER_REQUESTS_PER_DAY,
  REPEATED_SAFETY_FAILURES,
  SAFETY_RATE_CHANGE_THRESHOLD,
} from "./thresholds";
import type { DriftFinding, DriftPeriod, DriftWindows } from "./types";
import { loadRepeatedSafetyFailures, loadUserVolumes } from "./user-queries";
import { windowDays } from "./windows";

const log = moduleLogger("drift");

export interface DriftRunOptions {
  /** Alert threshold of the perplexity rise in percent; DEFAULT_PERPLEXITY_ALERT_PERCENT. */
  perplexityAlertPercent?: number;
}

function pick<T, K extends keyof T>(pair: WindowPair<T>, key: K): WindowPair<T[K]> {
  return { baseline: pair.baseline[key], current: pair.current[key] };
}

// Log-probability perplexity is absolute and wins when both windows have enough of it.
function choosePerplexitySource(totals: WindowPair<WindowTotals>): PerplexitySource {
  const logprobs = pick(pick(totals, "perplexity"), "logprobs");
  const enough = Math.min(logprobs.baseline.count, logprobs.current.count);
  return enough >= MIN_SAMPLES_PER_WINDOW ? "logprobs" : "char_ngram";
}

function rateFindings(totals: WindowPair<WindowTotals>): DriftFinding[] {
  const sample = (window: WindowTotals, successes: number) => ({
    successes,
    total: window.generations,
  });
  const rate = (metric: string, label: string, key: "toxic" | "refusals" | "jailbreaks") =>
    detectRateChange({
      kind: metric === "jailbreak_rate" ? "behaviour" : "output",
      metric,
      label,
      unit: "generations",
      baseline: sample(totals.baseline, totals.baseline[key]),
      current: sample(totals.current, totals.current[key]),
      harm: "greater",
      changeThreshold: SAFETY_RATE_CHANGE_THRESHOLD,
    });
  return [
    rate("toxicity_rate", "toxic outputs", "toxic"),
    rate("refusal_rate", "refusals", "refusals"),
    rate("jailbreak_rate", "jailbreak-pattern requests", "jailbreaks"),
  ];
}

function performanceFindings(scores: WindowPair<ScoreTotals>): DriftFinding[] {
  return [
    detectRateChange({
      kind: "performance",
      metric: "helpful_share",
      label: "helpful feedback",
      unit: "feedback votes",
      baseline: { successes: scores.baseline.helpfulVotes, total: scores.baseline.votes },
      current: { successes: scores.current.helpfulVotes, total: scores.current.votes },
      harm: "less",
      changeThreshold: FEEDBACK_RATE_CHANGE_THRESHOLD,
    }),
    detectRatingDrop({
      baseline: {
        count: scores.baseline.ratings,
        mean: scores.baseline.ratingMean,
        variance: scores.baseline.ratingVariance,
      },
      current: {
        count: scores.current.ratings,
        mean: scores.current.ratingMean,
        variance: scores.current.ratingVariance,
      },
    }),
    detectRateChange({
      kind: "performance",
      metric: "review_fail_rate",
      label: "failed reviews",
      unit: "reviews",
      baseline: { successes: scores.baseline.failedReviews, total: scores.baseline.reviews },
      current: { successes: scores.current.failedReviews, total: scores.current.reviews },
      harm: "greater",
      changeThreshold: FEEDBACK_RATE_CHANGE_THRESHOLD,
      minSamples: MIN_REVIEWS_PER_WINDOW,
    }),
  ];
}

async function attachExamples(
  db: Queryable,
  projectId: string,
  windows: DriftWindows,
  finding: DriftFinding,
  perplexitySource: PerplexitySource,
): Promise<void> {
  if (finding.status !== "drift" || finding.details.users) return;
  const argument =
    finding.metric === "perplexity"
      ? [perplexitySource]
      : (finding.details.terms ?? []).slice(0, 5).map((term) => term.term);
  finding.details.exampleTraceIds = await loadExampleTraceIds(
    db,
    projectId,
    windows,
    finding.metric,
    argument,
  );
}

/** Computes every drift finding of one project for a pair of windows, without storing it. */
export async function computeDriftFindings(
  db: Queryable,
  projectId: string,
  windows: DriftWindows,
  options: DriftRunOptions = {},
): Promise<DriftFinding[]> {
  const totals = await loadWindowTotals(db, projectId, windows);
  const perplexitySource = choosePerplexitySource(totals);
  const withTerms = pick(totals, "withTerms");
  const currentDays = windowDays(windows.currentStart, windows.currentEnd);
  const [histograms, terms, measureSeries, scores, scoreSeries, failures, volumes] =
    await Promise.all([
      loadHistograms(db, projectId, windows, perplexitySource),
      loadTermCounts(db, projectId, windows, withTerms),
      loadMeasureSeries(db, projectId, windows, perplexitySource),
      loadScoreTotals(db, projectId, windows),
      loadScoreSeries(db, projectId, windows),
      loadRepeatedSafetyFailures(db, projectId, windows, REPEATED_SAFETY_FAILURES),
      loadUserVolumes(db, projectId, windows, Math.ceil(MIN_USER_REQUESTS_PER_DAY * currentDays)),
    ]);

  const termTest: TermTest = {
    terms,
    withTerms,
    occurrences: pick(totals, "termOccurrences"),
  };
  const generations = pick(totals, "generations");
  const findings: DriftFinding[] = [
    detectTermShift(termTest),
    detectNewTerms(termTest),
    detectDistributionShift({
      kind: "input",
      metric: "prompt_length",
      unit: "input characters",
      offset: 1,
      histogram: histograms.inputChars,
    }),
    detectDistributionShift({
      kind: "output",
      metric: "output_length",
      unit: "output words",
      offset: 1,
      histogram: histograms.outputWords,
    }),
    detectStabilityShift({
      kind: "output",
      metric: "output_length_psi",
      unit: "output words",
      offset: 1,
      histogram: histograms.outputWords,
    }),
    detectPerplexityChange({
      stats: pick(pick(totals, "perplexity"), perplexitySource),
      source: perplexitySource,
      alertPercent: options.perplexityAlertPercent ?? DEFAULT_PERPLEXITY_ALERT_PERCENT,
    }),
    ...rateFindings(totals),
    ...performanceFindings(scores),
    detectRepeatedSafetyFailures({ counts: failures, generations }),
    detectUserVolumeSpikes({
      users: volumes,
      generations,
      historyDays: Math.floor(windowDays(windows.baselineStart, windows.baselineEnd)),
      currentDays,
    }),
  ];

  for (const finding of findings) {
    const series = buildSeries(finding.metric, measureSeries, scoreSeries);
    if (series) {
      finding.details.seriesLabel = series.label;
      finding.details.series = series.points;
    }
    await attachExamples(db, projectId, windows, finding, perplexitySource);
  }
  return findings;
}

/**
 * Runs every drift test of one project for a pair of windows and stores the reports. Idempotent
 * for its windows: a rerun replaces the reports of the same project, period, metric and windows.
 */
export async function runDriftReports(
  db: Queryable,
  projectId: string,
  period: DriftPeriod,
  windows: DriftWindows,
  options: DriftRunOptions = {},
): Promise<DriftReportView[]> {
  const startedAt = performance.now();
  const findings = await computeDriftFindings(db, projectId, windows, options);
  const reports = await storeDriftReports(db, projectId, period, windows, findings);
  const durationMs = Math.round(performance.now() - startedAt);
  const driftCount = findings.filter((finding) => finding.status === "drift").length;
  log.info({ projectId, period, driftCount, durationMs }, "drift reports computed");
  return reports;
}
