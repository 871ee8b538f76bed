"use client";

import { getDurationTicks } from "@/components/charts/duration-ticks";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import {
  formatCompactDuration,
  formatCost,
  formatCount,
  formatDuration,
  formatPercent,
  formatTokens,
  type BucketGranularity,
} from "@/lib/time/format";
import { CHART_HEIGHT_PX, ChartCard } from "./chart-card";
import type { ActivityData, LatencyData, UsageData } from "./overview-types";

interface QueryState<T> {
  data: T | undefined;
  isPending: boolean;
  error: { message: string } | null;
}

function describeBuckets(granularity: BucketGranularity | undefined, timeZone: string): string {
  const per = granularity === "hour" ? "Per hour" : "Per day";
  return `${per} · times in ${timeZone}`;
}

function formatCompactCost(usd: number): string {
  if (usd === 0) return "$0";
  if (Math.abs(usd) >= 1000) return `$${formatCount(usd, true)}`;
  return formatCost(usd);
}

export function ActivityChartCard({
  state,
  timeZone,
}: {
  state: QueryState<ActivityData>;
  timeZone: string;
}) {
  const series = state.data?.series ?? [];
  const isEmpty = series.every((point) => point.traces === 0 && point.generations === 0);
  return (
    <ChartCard
      title="Traces and generations"
      description={describeBuckets(state.data?.window.granularity, timeZone)}
      isLoading={state.isPending}
      error={state.error}
      isEmpty={isEmpty}
    >
      <TimeSeriesChart
        data={series}
        series={[
          { key: "traces", label: "Traces" },
          { key: "generations", label: "Generations" },
        ]}
        granularity={state.data?.window.granularity ?? "day"}
        timeZone={timeZone}
        isInteger
        formatValue={(value) => formatCount(value)}
        formatAxisValue={(value) => formatCount(value, true)}
        height={CHART_HEIGHT_PX}
      />
    </ChartCard>
  );
}

export function LatencyChartCard({
  state,
  timeZone,
}: {
  state: QueryState<LatencyData>;
  timeZone: string;
}) {
  const series = state.data?.series ?? [];
  const isEmpty = series.every((point) => point.count === 0);
  const maxMs = Math.max(0, ...series.map((point) => point.p99 ?? 0));
  return (
    <ChartCard
      title="Generation latency"
      description={`${describeBuckets(state.data?.window.granularity, timeZone)} · estimates within 5%`}
      headline={
        state.data?.overall.p95 != null ? `p95 ${formatDuration(state.data.overall.p95)}` : null
      }
      isLoading={state.isPending}
      error={state.error}
      isEmpty={isEmpty}
      emptyText="No finished generations in this range."
    >
      <TimeSeriesChart
        kind="line"
        data={series}
        series={[
          { key: "p50", label: "p50", color: "var(--chart-2)" },
          { key: "p95", label: "p95", color: "var(--chart-1)" },
          { key: "p99", label: "p99", color: "var(--chart-4)" },
        ]}
        granularity={state.data?.window.granularity ?? "day"}
        timeZone={timeZone}
        formatValue={formatDuration}
        formatAxisValue={formatCompactDuration}
        yTicks={getDurationTicks(maxMs)}
        height={CHART_HEIGHT_PX}
      />
    </ChartCard>
  );
}

export function TokensChartCard({
  state,
  timeZone,
}: {
  state: QueryState<UsageData>;
  timeZone: string;
}) {
  const series = state.data?.series ?? [];
  const total = series.reduce((sum, point) => sum + point.totalTokens, 0);
  return (
    <ChartCard
      title="Tokens"
      description={describeBuckets(state.data?.window.granularity, timeZone)}
      headline={state.data ? formatTokens(total) : null}
      isLoading={state.isPending}
      error={state.error}
      isEmpty={total === 0}
    >
      <TimeSeriesChart
        kind="bar"
        stacked
        data={series}
        series={[
          { key: "inputTokens", label: "Input" },
          { key: "outputTokens", label: "Output", color: "var(--chart-2)" },
        ]}
        granularity={state.data?.window.granularity ?? "day"}
        timeZone={timeZone}
        isInteger
        formatValue={formatTokens}
        formatAxisValue={(value) => formatCount(value, true)}
        height={CHART_HEIGHT_PX}
      />
    </ChartCard>
  );
}

export function CostChartCard({
  state,
  timeZone,
}: {
  state: QueryState<UsageData>;
  timeZone: string;
}) {
  const series = state.data?.series ?? [];
  const hasKnownCost = series.some((point) => point.totalCost !== null);
  const total = series.reduce((sum, point) => sum + (point.totalCost ?? 0), 0);
  const knownTotal = hasKnownCost ? total : null;
  const headline = state.data ? formatCost(knownTotal) : null;
  return (
    <ChartCard
      title="Cost"
      description={describeBuckets(state.data?.window.granularity, timeZone)}
      headline={headline}
      isLoading={state.isPending}
      error={state.error}
      isEmpty={!hasKnownCost}
      emptyText="No priced generations in this range: costs show once a model price matches."
    >
      <TimeSeriesChart
        kind="bar"
        data={series}
        series={[{ key: "totalCost", label: "Cost", color: "var(--chart-3)" }]}
        granularity={state.data?.window.granularity ?? "day"}
        timeZone={timeZone}
        formatValue={formatCost}
        formatAxisValue={formatCompactCost}
        height={CHART_HEIGHT_PX}
      />
    </ChartCard>
  );
}

/** Error rate of traces and helpful share of feedback per bucket, both as percentages. */
export function QualityChartCard({
  state,
  timeZone,
  height,
}: {
  state: QueryState<ActivityData>;
  timeZone: string;
  height: number;
}) {
  const series = (state.data?.series ?? []).map((point) => ({
    bucketStart: point.bucketStart,
    errorRate: point.traces > 0 ? point.errorTraces / point.traces : null,
    helpfulShare: point.feedback > 0 ? point.feedbackPositive / point.feedback : null,
  }));
  const isEmpty = series.every((point) => point.errorRate === null && point.helpfulShare === null);
  return (
    <ChartCard
      title="Errors and feedback"
      description={describeBuckets(state.data?.window.granularity, timeZone)}
      isLoading={state.isPending}
      error={state.error}
      isEmpty={isEmpty}
      height={height}
    >
      <TimeSeriesChart
        kind="line"
        data={series}
        series={[
          { key: "helpfulShare", label: "Helpful", color: "var(--chart-5)" },
          { key: "errorRate", label: "Error rate", color: "var(--destructive)" },
        ]}
        granularity={state.data?.window.granularity ?? "day"}
        timeZone={timeZone}
        yDomain={[0, 1]}
        formatValue={(value) => formatPercent(value)}
        formatAxisValue={(value) => formatPercent(value, 0)}
        height={height}
      />
    </ChartCard>
  );
}
