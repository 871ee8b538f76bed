import { Stat } from "@/components/ui/stat";
import {
  formatCost,
  formatCount,
  formatCountOf,
  formatDuration,
  formatPercent,
  formatTokens,
  pluralize,
} from "@/lib/time/format";
import type { LatencySummary, OverviewTotalsData } from "./overview-types";

interface KpiTilesProps {
  totals: OverviewTotalsData | undefined;
  latency: LatencySummary | undefined;
}

// Exact below 100,000 so a tile agrees with the hint under its neighbour; compact above.
function formatTileCount(value: number | undefined): string {
  return formatCount(value, value !== undefined && value >= 100_000);
}

function describeUnpriced(totals: OverviewTotalsData): string {
  if (totals.generationCount === 0) return "no generations";
  const unpriced = totals.generationCount - totals.costKnownCount;
  if (unpriced <= 0) return "every generation priced";
  return `${formatCountOf(unpriced, "generation")} without price`;
}

function describeFeedback(totals: OverviewTotalsData): string {
  if (totals.feedbackCount === 0) return "no feedback scores yet";
  const positive = formatCount(totals.feedbackPositiveCount);
  return `${positive} of ${formatCountOf(totals.feedbackCount, "feedback score")}`;
}

function describeErrors(totals: OverviewTotalsData): string {
  return `${formatCount(totals.errorTraceCount)} of ${formatCountOf(totals.traceCount, "trace")}`;
}

/** The six headline numbers of the window. */
export function KpiTiles({ totals, latency }: KpiTilesProps) {
  const isTotalsLoading = totals === undefined;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Stat
        label="Traces"
        isLoading={isTotalsLoading}
        value={formatTileCount(totals?.traceCount)}
        hint={
          totals
            ? formatCountOf(totals.observationCount, "observation", { compact: true })
            : undefined
        }
      />
      <Stat
        label="Generations"
        isLoading={isTotalsLoading}
        value={formatTileCount(totals?.generationCount)}
        hint={
          totals
            ? `${formatTokens(totals.totalTokens)} ${pluralize(totals.totalTokens, "token")}`
            : undefined
        }
      />
      <Stat
        label="Total cost"
        isLoading={isTotalsLoading}
        value={totals ? formatCost(totals.totalCost) : undefined}
        hint={totals ? describeUnpriced(totals) : undefined}
      />
      <Stat
        label="p95 latency"
        isLoading={latency === undefined}
        value={formatDuration(latency?.p95)}
        hint={
          latency
            ? `p50 ${formatDuration(latency.p50)} · p99 ${formatDuration(latency.p99)}`
            : undefined
        }
      />
      <Stat
        label="Trace error rate"
        isLoading={isTotalsLoading}
        value={formatPercent(totals?.errorRate)}
        hint={totals ? describeErrors(totals) : undefined}
      />
      <Stat
        label="Helpful feedback"
        isLoading={isTotalsLoading}
        value={formatPercent(totals?.helpfulShare, 0)}
        hint={totals ? describeFeedback(totals) : undefined}
      />
    </div>
  );
}
