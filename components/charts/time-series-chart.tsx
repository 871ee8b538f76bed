"use client";

import type { ReactNode } from "react";
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
import { ChartDataTable } from "./chart-data-table";
import { ChartLegend } from "./chart-legend";
import { AXIS_TICK_STYLE, getChartColor, GRID_STROKE } from "./chart-colors";
import { ChartTooltipBox } from "./chart-tooltip";
import { isIsolatedPoint } from "./isolated-points";

export interface TimeSeriesPoint {
  /** ISO instant at which the bucket starts. */
  bucketStart: string;
}

export interface TimeSeriesSeries<Point> {
  /** The field of each point that contains this series' value (a number, or null for a gap). */
  key: Extract<keyof Point, string>;
  label: string;
  color?: string;
}

export interface TimeSeriesChartProps<Point extends TimeSeriesPoint> {
  data: Point[];
  series: TimeSeriesSeries<Point>[];
  granularity: BucketGranularity;
  /** The zone bucket labels are shown in; the tooltip uses the same label as the axis. */
  timeZone: string;
  /** "area" and "bar" suit counts and sums; "line" suits values that do not add up (p95). */
  kind?: "area" | "bar" | "line";
  stacked?: boolean;
  /** Whether values are counts: y-axis ticks then fall on whole numbers, so no label repeats. */
  isInteger?: boolean;
  /** Fixed y-axis range, e.g. [0, 1] for shares. */
  yDomain?: [number, number];
  /** Explicit y-axis ticks (the axis then spans them), e.g. from getDurationTicks. */
  yTicks?: number[];
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

function renderTooltip<Point extends TimeSeriesPoint>(
  args: TooltipArgs,
  props: TimeSeriesChartProps<Point>,
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

function getYDomain<Point extends TimeSeriesPoint>(
  props: TimeSeriesChartProps<Point>,
): [number, number | "auto"] {
  if (props.yDomain) return props.yDomain;
  const lastTick = props.yTicks?.at(-1);
  return [0, lastTick ?? "auto"];
}

const CHART_MARGIN = { top: 6, right: 8, bottom: 0, left: 0 };

// Straight segments from one bucket's value to the next: a spline bends between buckets, where
// there is no data, and can rise before the first bucket that has any.
const LINE_CURVE = "linear";

const ISOLATED_DOT_RADIUS_PX = 2.5;

interface DotArgs {
  cx?: number;
  cy?: number;
  index?: number;
}

/** Renders a dot on a point without neighbours, which a line alone would not show. */
function renderIsolatedDot(args: DotArgs, values: unknown[], color: string) {
  const index = args.index ?? -1;
  const key = `dot-${index}`;
  if (args.cx === undefined || args.cy === undefined || !isIsolatedPoint(values, index)) {
    return <g key={key} />;
  }
  return <circle key={key} cx={args.cx} cy={args.cy} r={ISOLATED_DOT_RADIUS_PX} fill={color} />;
}

interface ChartFrameProps {
  kind: "area" | "bar" | "line";
  data: unknown[];
  children: ReactNode;
  /** Set by ResponsiveContainer on its child. */
  width?: number;
  height?: number;
}

function ChartFrame({ kind, children, ...chartProps }: ChartFrameProps) {
  if (kind === "bar") {
    return (
      <BarChart margin={CHART_MARGIN} {...chartProps}>
        {children}
      </BarChart>
    );
  }
  if (kind === "line") {
    return (
      <LineChart margin={CHART_MARGIN} {...chartProps}>
        {children}
      </LineChart>
    );
  }
  return (
    <AreaChart margin={CHART_MARGIN} {...chartProps}>
      {children}
    </AreaChart>
  );
}

/** A chart of values per time bucket; it draws what it is given and never fetches. */
export function TimeSeriesChart<Point extends TimeSeriesPoint>(props: TimeSeriesChartProps<Point>) {
  const { data, series, granularity, timeZone, kind = "area", stacked = false } = props;
  const height = props.height ?? 200;
  const formatAxis = props.formatAxisValue ?? props.formatValue ?? String;
  const colorOf = (key: string) => {
    const index = series.findIndex((item) => item.key === key);
    return series[index]?.color ?? getChartColor(index);
  };
  const stackId = stacked ? "stack" : undefined;

  const legendItems = series.map((item) => ({
    key: item.key,
    label: item.label,
    color: colorOf(item.key),
  }));

  return (
    <>
      {series.length > 1 ? <ChartLegend items={legendItems} /> : null}
      <ResponsiveContainer width="100%" height={height}>
        <ChartFrame kind={kind} data={data}>
          <CartesianGrid vertical={false} stroke={GRID_STROKE} strokeDasharray="3 3" />
          {/* A band scale for every kind puts each bucket at the centre of its slot, as bars are,
              so the same day sits at the same x in line, area and bar charts side by side. */}
          <XAxis
            dataKey="bucketStart"
            scale="band"
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
            domain={getYDomain(props)}
            ticks={props.yTicks}
            allowDecimals={!props.isInteger}
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
              const values = data.map((point) => point[item.key]);
              return (
                <Line
                  key={item.key}
                  dataKey={item.key}
                  name={item.label}
                  stroke={color}
                  strokeWidth={1.75}
                  dot={(args: DotArgs) => renderIsolatedDot(args, values, color)}
                  activeDot={{ r: 3 }}
                  connectNulls={false}
                  type={LINE_CURVE}
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
                fillOpacity={0.08}
                strokeWidth={1.5}
                stackId={stackId}
                type={LINE_CURVE}
                isAnimationActive={false}
              />
            );
          })}
        </ChartFrame>
      </ResponsiveContainer>
      <ChartDataTable
        data={data}
        series={series}
        granularity={granularity}
        timeZone={timeZone}
        formatValue={props.formatValue}
      />
    </>
  );
}
