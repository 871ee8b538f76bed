"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { TimeRangePicker } from "@/components/traces/time-range-picker";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { RANGE_PARAM_NAMES } from "@/components/layout/nav-items";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatCount, formatPercent } from "@/lib/time/format";
import { TIME_RANGE_PRESETS } from "@/lib/time/windows";
import { useTRPC } from "@/lib/trpc/react";
import { toWindowRequest, useOverviewRange } from "../../_components/use-overview-range";
import {
  ConsistencyChartCard,
  FeedbackChartCard,
  PerplexityChartCard,
  ToxicityChartCard,
  VerbosityChartCard,
} from "./quality-charts";
import { QualityFilterBar, useQualityFilters } from "./quality-filters";
import { BreakdownCard, FlagsCard, WorstOutputsCard } from "./quality-tables";
import type { QualitySeries, WorstOrder } from "./quality-types";

const WORST_OUTPUT_COUNT = 10;

function summarize(series: QualitySeries | undefined) {
  const points = series?.points ?? [];
  const generations = points.reduce((sum, p) => sum + p.generations, 0);
  const flagged = points.reduce((sum, p) => sum + p.flagged, 0);
  const refusals = points.reduce((sum, p) => sum + p.refusals, 0);
  const feedback = points.reduce((sum, p) => sum + p.feedback, 0);
  const positive = points.reduce((sum, p) => sum + p.feedbackPositive, 0);
  const weightedToxicity = points.reduce(
    (sum, p) => sum + (p.toxicity ?? 0) * (p.toxicity === null ? 0 : p.generations),
    0,
  );
  return {
    generations,
    meanToxicity: generations > 0 ? weightedToxicity / generations : null,
    flaggedShare: generations > 0 ? flagged / generations : null,
    refusalShare: generations > 0 ? refusals / generations : null,
    helpfulShare: feedback > 0 ? positive / feedback : null,
    feedback,
  };
}

/** The Quality page: output measures, safety flags and feedback over time, and worst outputs. */
export function QualityDashboard({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const { timeZone, isResolved } = useDisplayTimeZone();
  const { range, setRange } = useOverviewRange();
  const { filters, setFilters } = useQualityFilters();
  const [worstOrder, setWorstOrder] = useState<WorstOrder>("toxicity");
  const window = toWindowRequest(range, timeZone);
  const input = { projectId, timeZone, window: window ?? { preset: "7d" as const }, ...filters };
  const options = { enabled: isResolved && window !== null };

  const series = useQuery(trpc.quality.series.queryOptions(input, options));
  const breakdown = useQuery(trpc.quality.breakdown.queryOptions(input, options));
  const flags = useQuery(trpc.quality.flags.queryOptions(input, options));
  const filterOptions = useQuery(trpc.quality.filterOptions.queryOptions(input, options));
  const worst = useQuery(
    trpc.quality.worst.queryOptions(
      { ...input, order: worstOrder, limit: WORST_OUTPUT_COUNT },
      options,
    ),
  );
  const summary = summarize(series.data);
  const rangeQuery = Object.fromEntries(
    RANGE_PARAM_NAMES.flatMap((name) => {
      const value = searchParams.get(name);
      return value ? [[name, value]] : [];
    }),
  );

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title="Quality"
        description={`Toxicity, verbosity, perplexity, consistency, safety checks and feedback of generations · times in ${timeZone}`}
        actions={
          <TimeRangePicker
            presets={TIME_RANGE_PRESETS}
            range={range}
            timeZone={timeZone}
            onChange={setRange}
          />
        }
      />
      <QualityFilterBar filters={filters} options={filterOptions.data} onChange={setFilters} />
      {window === null ? (
        <p role="alert" className="text-xs text-destructive">
          The custom range in the address is invalid; pick a range above.
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Stat
          label="Analysed generations"
          value={formatCount(summary.generations)}
          isLoading={series.isPending}
        />
        <Stat
          label="Mean toxicity"
          value={summary.meanToxicity === null ? "–" : summary.meanToxicity.toFixed(3)}
          hint="0 = none found, 1 = most"
          isLoading={series.isPending}
        />
        <Stat
          label="Flagged"
          value={formatPercent(summary.flaggedShare)}
          hint="any failed safety check"
          isLoading={series.isPending}
        />
        <Stat
          label="Refusals"
          value={formatPercent(summary.refusalShare)}
          isLoading={series.isPending}
        />
        <Stat
          label="Helpful"
          value={formatPercent(summary.helpfulShare)}
          hint={`of ${formatCount(summary.feedback)} feedback scores`}
          isLoading={series.isPending}
        />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <ToxicityChartCard state={series} timeZone={timeZone} />
        <FeedbackChartCard state={series} timeZone={timeZone} />
        <VerbosityChartCard state={series} timeZone={timeZone} />
        <PerplexityChartCard state={series} timeZone={timeZone} />
        <ConsistencyChartCard state={series} timeZone={timeZone} />
        <FlagsCard projectId={projectId} state={flags} rangeQuery={rangeQuery} />
      </div>
      <WorstOutputsCard
        projectId={projectId}
        state={worst}
        order={worstOrder}
        onOrder={setWorstOrder}
        timeZone={timeZone}
      />
      <BreakdownCard state={breakdown} />
    </div>
  );
}
