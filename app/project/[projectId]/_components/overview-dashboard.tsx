"use client";

import { useQuery } from "@tanstack/react-query";
import { TimeRangePicker } from "@/components/traces/time-range-picker";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { TIME_RANGE_PRESETS } from "@/lib/time/windows";
import { useTRPC } from "@/lib/trpc/react";
import { GettingStarted } from "./getting-started";
import { KpiTiles } from "./kpi-tiles";
import {
  ActivityChartCard,
  CostChartCard,
  LatencyChartCard,
  QualityChartCard,
  TokensChartCard,
} from "./overview-charts";
import { TopModelsCard, TopUsersCard } from "./top-lists";
import { toWindowRequest, useOverviewRange, type OverviewRange } from "./use-overview-range";

// Shorter than the other charts: it shares a column with the top models list.
const QUALITY_CHART_HEIGHT_PX = 130;

const RANGE_DESCRIPTIONS = { "24h": "last 24 hours", "7d": "last 7 days", "30d": "last 30 days" };

function describeRange(range: OverviewRange): string {
  if (range.kind === "preset") return RANGE_DESCRIPTIONS[range.preset];
  return `${range.fromDate} to ${range.toDate}`;
}

/** The overview page's body: range picker, KPI tiles, charts and top lists for one project. */
export function OverviewDashboard({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const { timeZone, isResolved } = useDisplayTimeZone();
  const { range, setRange } = useOverviewRange();
  const window = toWindowRequest(range, timeZone);
  const input = { projectId, timeZone, window: window ?? { preset: "7d" as const } };
  const options = { enabled: isResolved && window !== null };

  const hasData = useQuery(trpc.metrics.hasData.queryOptions({ projectId }));
  const totals = useQuery(trpc.metrics.totals.queryOptions(input, options));
  const activity = useQuery(trpc.metrics.activity.queryOptions(input, options));
  const latency = useQuery(trpc.metrics.latency.queryOptions(input, options));
  const usage = useQuery(trpc.metrics.usage.queryOptions(input, options));
  const topUsers = useQuery(trpc.metrics.topUsers.queryOptions(input, options));
  const topModels = useQuery(trpc.metrics.topModels.queryOptions(input, options));

  const header = (
    <PageHeader
      title="Overview"
      description={`Traces, cost, latency and feedback for the ${describeRange(range)} · times in ${timeZone}`}
      actions={
        <TimeRangePicker
          presets={TIME_RANGE_PRESETS}
          range={range}
          timeZone={timeZone}
          onChange={setRange}
        />
      }
    />
  );

  if (hasData.isPending) {
    return (
      <div>
        {header}
        <Skeleton className="h-[420px]" />
      </div>
    );
  }
  if (hasData.data?.hasData === false) {
    return (
      <div>
        <PageHeader title="Overview" description="No traces yet" />
        <GettingStarted />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {header}
      {window === null ? (
        <p role="alert" className="text-xs text-destructive">
          The custom range in the address is invalid; pick a range above.
        </p>
      ) : null}
      <KpiTiles totals={totals.data?.totals} latency={latency.data?.overall} />
      <div className="grid gap-3 lg:grid-cols-2">
        <ActivityChartCard state={activity} timeZone={timeZone} />
        <LatencyChartCard state={latency} timeZone={timeZone} />
        <TokensChartCard state={usage} timeZone={timeZone} />
        <CostChartCard state={usage} timeZone={timeZone} />
        <TopUsersCard projectId={projectId} state={topUsers} />
        <div className="flex flex-col gap-3">
          <TopModelsCard projectId={projectId} state={topModels} />
          <QualityChartCard state={activity} timeZone={timeZone} height={QUALITY_CHART_HEIGHT_PX} />
        </div>
      </div>
    </div>
  );
}
