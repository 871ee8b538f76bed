"use client";

import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatBucketLabel, type BucketGranularity } from "@/lib/time/format";
import { AXIS_TICK_STYLE, getChartColor, GRID_STROKE } from "./chart-colors";
import { ChartTooltipBox } from "./chart-tooltip";

export interface TimeSeriesPoint {
  /** ISO instant at which the bucket starts. */
  bucketStart: string;
  [seriesKey: string]: string | number | null;
}

export interface TimeSeriesSeries {
  key: string;
  label: string;
  color?: string;
}

export interface TimeSeriesChartProps {
  data: TimeSeriesPoint[];
  series: TimeSeriesSeries[];
  granularity: BucketGranularity;
  /** The zone bucket labels are shown in; the tooltip uses the same label as the axis. */
  timeZone: string;
  /** "area" and "bar" suit counts and sums; "line" suits values that do not add up (p95). */
  kind?: "area" | "bar" | "line";
  stacked?: boolean;
  formatValue?: (value: number) => string;
  /** Short values for the y axis; defaults to formatValue. */
  formatAxisValue?: (value: number) => string;
  height?: number;
}

interface TooltipArgs {
  active?: boolean;
  label?: string | number;
  payload?: ReadonlyArray<{ dataKey?: unknown; value?: unknown }>;
}

function renderTooltip(
  args: TooltipArgs,
  props: TimeSeriesChartProps,
  colorOf: (key: string) => string,
) {
  if (!args.active || !args.payload?.length || args.label === undefined) return null;
  const format = props.formatValue ?? String;
  const rows = props.series.map((series) => {
    const entry = args.payload?.find((item) => item.dataKey === series.key);
    const value = typeof entry?.value === "number" ? format(entry.value) : "–";
    return { key: series.key, label: series.label, color: colorOf(series.key), value };
  });
  const title = formatBucketLabel(String(args.label), props.granularity, props.timeZone);
  return <ChartTooltipBox title={title} rows={rows} />;
}

/** A chart of values per time bucket; it draws what it is given and never fetches. */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { data, series, granularity, timeZone, kind = "area", stacked = false } = props;
  const height = props.height ?? 200;
  const formatAxis = props.formatAxisValue ?? props.formatValue ?? String;
  const colorOf = (key: string) => {
    const index = series.findIndex((item) => item.key === key);
    return series[index]?.color ?? getChartColor(index);
  };
  const ChartRoot = kind === "bar" ? BarChart : kind === "line" ? LineChart : AreaChart;
  const stackId = stacked ? "stack" : undefined;

  return (
    <ResponsiveContainer width="100%" height={height}>
      <ChartRoot data={data} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} strokeDasharray="3 3" />
        <XAxis
          dataKey="bucketStart"
          tickFormatter={(value: string) => formatBucketLabel(value, granularity, timeZone)}
          tick={AXIS_TICK_STYLE}
          tickLine={false}
          axisLine={{ stroke: GRID_STROKE }}
          minTickGap={24}
          interval="preserveStartEnd"
        />
        <YAxis
          tickFormatter={(value: number) => formatAxis(value)}
          tick={AXIS_TICK_STYLE}
          tickLine={false}
          axisLine={false}
          width={56}
          allowDecimals
        />
        <Tooltip
          cursor={{ fill: "var(--muted)", stroke: "var(--border)" }}
          isAnimationActive={false}
          content={(args: TooltipArgs) => renderTooltip(args, props, colorOf)}
        />
        {series.map((item) => {
          const color = colorOf(item.key);
          if (kind === "bar") {
            return (
              <Bar
                key={item.key}
                dataKey={item.key}
                name={item.label}
                fill={color}
                stackId={stackId}
                maxBarSize={28}
                radius={stacked ? 0 : [2, 2, 0, 0]}
                isAnimationActive={false}
              />
            );
          }
          if (kind === "line") {
            return (
              <Line
                key={item.key}
                dataKey={item.key}
                name={item.label}
                stroke={color}
                strokeWidth={1.75}
                dot={false}
                connectNulls={false}
                type="monotone"
                isAnimationActive={false}
              />
            );
          }
          return (
            <Area
              key={item.key}
              dataKey={item.key}
              name={item.label}
              stroke={color}
              fill={color}
              fillOpacity={0.12}
              strokeWidth={1.5}
              stackId={stackId}
              type="monotone"
              isAnimationActive={false}
            />
          );
        })}
      </ChartRoot>
    </ResponsiveContainer>
  );
}
