import type { TermCount } from "../measure-queries";
import type { WindowPair } from "../sql";
import { chiSquareHomogeneity } from "../statistics/chi-square";
import { jensenShannonDivergence } from "../statistics/jensen-shannon";
import { twoProportionZTest } from "../statistics/proportions";
import {
  ALPHA,
  MIN_SAMPLES_PER_WINDOW,
  NEW_TERM_MAX_BASELINE_SHARE,
  NEW_TERM_MIN_CURRENT_COUNT,
  NEW_TERM_MIN_CURRENT_SHARE,
  TERM_DIVERGENCE_THRESHOLD,
  TESTED_TERM_COUNT,
} from "../thresholds";
import type { DriftFinding, MovedTerm } from "../types";
import { decideStatus, formatPValue, notEnoughData, severityFor } from "../verdict";

// Terms listed in a finding, largest change of share first.
const MOVED_TERM_COUNT = 15;

export interface TermTest {
  terms: TermCount[];
  /** Generations with at least one input term, per window. */
  withTerms: WindowPair<number>;
  /** All term occurrences per window, including terms not in `terms`. */
  occurrences: WindowPair<number>;
}

function toMovedTerm(term: TermCount, withTerms: WindowPair<number>): MovedTerm {
  return {
    term: term.term,
    baselineCount: term.baseline,
    currentCount: term.current,
    baselineShare: withTerms.baseline > 0 ? term.baseline / withTerms.baseline : 0,
    currentShare: withTerms.current > 0 ? term.current / withTerms.current : 0,
  };
}

/** Returns the terms whose share of inputs changed most, in share points. */
export function findMovedTerms(test: TermTest, limit = MOVED_TERM_COUNT): MovedTerm[] {
  return test.terms
    .map((term) => toMovedTerm(term, test.withTerms))
    .sort(
      (a, b) =>
        Math.abs(b.currentShare - b.baselineShare) - Math.abs(a.currentShare - a.baselineShare) ||
        a.term.localeCompare(b.term),
    )
    .slice(0, limit);
}

function formatShareChange(term: MovedTerm): string {
  const share = (value: number) => `${(value * 100).toFixed(1)}%`;
  return `"${term.term}" ${share(term.baselineShare)} → ${share(term.currentShare)}`;
}

/**
 * Tests whether the keyword mix of inputs moved. The categories are the TESTED_TERM_COUNT
 * terms with the largest share plus "other" (every remaining occurrence); Pearson's chi-square
 * gives the p-value and the Jensen-Shannon divergence (bits) the effect size.
 * NOTE: one input contributes several terms, so occurrences are not independent draws and
 * the chi-square p-value is optimistic. The divergence gate keeps that from alarming alone.
 */
export function detectTermShift(test: TermTest): DriftFinding {
  const counts = test.withTerms;
  const base = {
    kind: "input" as const,
    metric: "input_terms",
    method: "chi_square_jensen_shannon",
    pValueThreshold: ALPHA,
    effectSizeThreshold: TERM_DIVERGENCE_THRESHOLD,
  };
  if (Math.min(counts.baseline, counts.current) < MIN_SAMPLES_PER_WINDOW) {
    return notEnoughData(base, counts, MIN_SAMPLES_PER_WINDOW, "generations with input terms");
  }

  const tested = test.terms.slice(0, TESTED_TERM_COUNT);
  const baselineCounts = tested.map((term) => term.baseline);
  const currentCounts = tested.map((term) => term.current);
  baselineCounts.push(test.occurrences.baseline - baselineCounts.reduce((a, b) => a + b, 0));
  currentCounts.push(test.occurrences.current - currentCounts.reduce((a, b) => a + b, 0));
  const chiSquare = chiSquareHomogeneity(baselineCounts, currentCounts);
  const divergence = jensenShannonDivergence(baselineCounts, currentCounts) ?? 0;
  const moved = findMovedTerms(test);
  if (!chiSquare) {
    return notEnoughData(base, counts, MIN_SAMPLES_PER_WINDOW, "generations with input terms");
  }

  const status = decideStatus(chiSquare.pValue, divergence, TERM_DIVERGENCE_THRESHOLD);
  const topMoves = moved.slice(0, 3).map(formatShareChange).join(", ");
  const numbers =
    `χ² = ${chiSquare.statistic.toFixed(1)}, JS = ${divergence.toFixed(3)}, ` +
    formatPValue(chiSquare.pValue);
  return {
    ...base,
    status,
    severity: status === "drift" ? severityFor(divergence, TERM_DIVERGENCE_THRESHOLD) : null,
    statistic: chiSquare.statistic,
    pValue: chiSquare.pValue,
    effectSize: divergence,
    baselineCount: counts.baseline,
    currentCount: counts.current,
    summary:
      status === "drift"
        ? `Input topics moved: ${topMoves} (${numbers}).`
        : `Input topics steady (${numbers}).`,
    details: {
      terms: moved,
      method: {
        degreesOfFreedom: chiSquare.degreesOfFreedom,
        cramersV: chiSquare.cramersV,
        testedTerms: tested.length,
      },
    },
  };
}

/**
 * Finds terms that were rare in the baseline (at most 0.2% of inputs) and are common now (at
 * least 2%). Each candidate gets a one-sided two-proportion z-test. Its p-value is multiplied
 * by the number of terms tested (Bonferroni), so a long vocabulary does not raise alarms.
 */
export function detectNewTerms(test: TermTest): DriftFinding {
  const counts = test.withTerms;
  const base = {
    kind: "input" as const,
    metric: "new_terms",
    method: "two_proportion_z_test_bonferroni",
    pValueThreshold: ALPHA,
    effectSizeThreshold: NEW_TERM_MIN_CURRENT_SHARE,
  };
  if (Math.min(counts.baseline, counts.current) < MIN_SAMPLES_PER_WINDOW) {
    return notEnoughData(base, counts, MIN_SAMPLES_PER_WINDOW, "generations with input terms");
  }

  const candidates = test.terms.filter((term) => term.current >= NEW_TERM_MIN_CURRENT_COUNT);
  const newTerms = candidates
    .map((term) => {
      const result = twoProportionZTest(
        { successes: term.baseline, total: counts.baseline },
        { successes: term.current, total: counts.current },
        "greater",
      );
      const correctedP = Math.min(1, (result?.pValue ?? 1) * candidates.length);
      return { moved: toMovedTerm(term, counts), correctedP };
    })
    .filter(
      ({ moved, correctedP }) =>
        moved.currentShare >= NEW_TERM_MIN_CURRENT_SHARE &&
        moved.baselineShare <= NEW_TERM_MAX_BASELINE_SHARE &&
        correctedP < ALPHA,
    )
    .sort((a, b) => b.moved.currentShare - a.moved.currentShare);

  const top = newTerms[0];
  const isDrift = top !== undefined;
  const topShare = top ? top.moved.currentShare : null;
  const smallestP = top ? Math.min(...newTerms.map((term) => term.correctedP)) : null;
  return {
    ...base,
    status: isDrift ? "drift" : "no_drift",
    severity: isDrift ? severityFor(topShare!, NEW_TERM_MIN_CURRENT_SHARE) : null,
    statistic: newTerms.length,
    pValue: smallestP,
    effectSize: topShare,
    baselineCount: counts.baseline,
    currentCount: counts.current,
    summary: isDrift
      ? `${newTerms.length} new input term${newTerms.length === 1 ? "" : "s"}: ` +
        `${newTerms
          .slice(0, 3)
          .map(({ moved }) => formatShareChange(moved))
          .join(", ")} ` +
        `(${formatPValue(smallestP!)}, Bonferroni over ${candidates.length} terms).`
      : `No new input terms among ${candidates.length} frequent terms.`,
    details: {
      terms: newTerms.slice(0, MOVED_TERM_COUNT).map(({ moved }) => moved),
      method: { testedTerms: candidates.length },
    },
  };
}
