"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { formatCount, formatPercent, type BucketGranularity } from "@/lib/time/format";
import { CHART_HEIGHT_PX, ChartCard } from "../../_components/chart-card";
import type { QualitySeries, QueryState } from "./quality-types";

interface ChartProps {
  state: QueryState<QualitySeries>;
  timeZone: string;
}

function describeBuckets(granularity: BucketGranularity | undefined, timeZone: string): string {
  const per = granularity === "hour" ? "Per hour" : "Per day";
  return `${per} · times in ${timeZone}`;
}

function formatDecimal(value: number): string {
  return value.toFixed(2);
}

function usePoints(state: QueryState<QualitySeries>) {
  return state.data?.points ?? [];
}

export function ToxicityChartCard({ state, timeZone }: ChartProps) {
  const points = usePoints(state).map((point) => ({
    bucketStart: point.bucketStart,
    toxicity: point.toxicity,
    flaggedShare: point.generations > 0 ? point.flagged / point.generations : null,
  }));
  return (
    <ChartCard
      title="Toxicity and safety flags"
      description={`${describeBuckets(state.data?.granularity, timeZone)} · mean toxicity (0–1) and share of generations with a failed check`}
      isLoading={state.isPending}
      error={state.error}
      isEmpty={points.every((point) => point.toxicity === null)}
      emptyText="No analysed generations in this range."
    >
      <TimeSeriesChart
        kind="line"
        data={points}
        series={[
          { key: "toxicity", label: "Mean toxicity", color: "var(--chart-4)" },
          { key: "flaggedShare", label: "Flagged share", color: "var(--chart-1)" },
        ]}
        granularity={state.data?.granularity ?? "day"}
        timeZone={timeZone}
        yDomain={[0, 1]}
        formatValue={(value) => formatPercent(value)}
        formatAxisValue={(value) => formatPercent(value, 0)}
        height={CHART_HEIGHT_PX}
      />
    </ChartCard>
  );
}

export function VerbosityChartCard({ state, timeZone }: ChartProps) {
  const points = usePoints(state).map((point) => ({
    bucketStart: point.bucketStart,
    outputWords: point.outputWords,
    outputTokens: point.outputTokens,
  }));
  return (
    <ChartCard
      title="Verbosity"
      description={`${describeBuckets(state.data?.granularity, timeZone)} · mean output words and tokens per generation`}
      isLoading={state.isPending}
      error={state.error}
      isEmpty={points.every((point) => point.outputWords === null)}
      emptyText="No analysed generations in this range."
    >
      <TimeSeriesChart
        kind="line"
        data={points}
        series={[
          { key: "outputWords", label: "Words" },
          { key: "outputTokens", label: "Tokens", color: "var(--chart-2)" },
        ]}
        granularity={state.data?.granularity ?? "day"}
        timeZone={timeZone}
        formatValue={(value) => formatCount(Math.round(value))}
        formatAxisValue={(value) => formatCount(value, true)}
        height={CHART_HEIGHT_PX}
      />
    </ChartCard>
  );
}

export function PerplexityChartCard({ state, timeZone }: ChartProps) {
  const points = usePoints(state).map((point) => ({
    bucketStart: point.bucketStart,
    relativePerplexity: point.relativePerplexity,
    logprobPerplexity: point.logprobPerplexity,
  }));
  const hasLogprobs = points.some((point) => point.logprobPerplexity !== null);
  return (
    <ChartCard
      title="Perplexity"
      description={
        `${describeBuckets(state.data?.granularity, timeZone)} · relative to each prompt's ` +
        "baseline (1 = typical); from log-probabilities where clients send them"
      }
      isLoading={state.isPending}
      error={state.error}
      isEmpty={points.every(
        (point) => point.relativePerplexity === null && point.logprobPerplexity === null,
      )}
      emptyText="No perplexity yet: a prompt needs 20 outputs for its baseline, or send log-probabilities."
    >
      <TimeSeriesChart
        kind="line"
        data={points}
        series={[
          { key: "relativePerplexity", label: "Relative (character model)" },
          ...(hasLogprobs
            ? [
                {
                  key: "logprobPerplexity" as const,
                  label: "From log-probabilities",
                  color: "var(--chart-3)",
                },
              ]
            : []),
        ]}
        granularity={state.data?.granularity ?? "day"}
        timeZone={timeZone}
        formatValue={formatDecimal}
        formatAxisValue={formatDecimal}
        height={CHART_HEIGHT_PX}
      />
    </ChartCard>
  );
}

export function ConsistencyChartCard({ state, timeZone }: ChartProps) {
  const points = usePoints(state).map((point) => ({
    bucketStart: point.bucketStart,
    consistency: point.consistency,
  }));
  return (
    <ChartCard
      title="Consistency"
      description={`${describeBuckets(state.data?.granularity, timeZone)} · ROUGE-L agreement of outputs for repeated inputs`}
      isLoading={state.isPending}
      error={state.error}
      isEmpty={points.every((point) => point.consistency === null)}
      emptyText="No repeated inputs in this range."
    >
      <TimeSeriesChart
        kind="line"
        data={points}
        series={[{ key: "consistency", label: "Agreement", color: "var(--chart-2)" }]}
        granularity={state.data?.granularity ?? "day"}
        timeZone={timeZone}
        yDomain={[0, 1]}
        formatValue={(value) => formatPercent(value)}
        formatAxisValue={(value) => formatPercent(value, 0)}
        height={CHART_HEIGHT_PX}
      />
    </ChartCard>
  );
}

export function FeedbackChartCard({ state, timeZone }: ChartProps) {
  const points = usePoints(state).map((point) => ({
    bucketStart: point.bucketStart,
    helpfulShare: point.feedback > 0 ? point.feedbackPositive / point.feedback : null,
    refusalShare: point.generations > 0 ? point.refusals / point.generations : null,
  }));
  return (
    <ChartCard
      title="Feedback and refusals"
      description={`${describeBuckets(state.data?.granularity, timeZone)} · "Was this helpful?" yes share and refusal share`}
      isLoading={state.isPending}
      error={state.error}
      isEmpty={points.every((point) => point.helpfulShare === null && point.refusalShare === null)}
    >
      <TimeSeriesChart
        kind="line"
        data={points}
        series={[
          { key: "helpfulShare", label: "Helpful", color: "var(--chart-2)" },
          { key: "refusalShare", label: "Refusals", color: "var(--chart-4)" },
        ]}
        granularity={state.data?.granularity ?? "day"}
        timeZone={timeZone}
        yDomain={[0, 1]}
        formatValue={(value) => formatPercent(value)}
        formatAxisValue={(value) => formatPercent(value, 0)}
        height={CHART_HEIGHT_PX}
      />
    </ChartCard>
  );
}
