"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { AXIS_TICK_STYLE, getChartColor, GRID_STROKE } from "@/components/charts/chart-colors";
import { ChartTooltipBox } from "@/components/charts/chart-tooltip";
import { formatTimestamp } from "@/lib/time/format";

export interface DriftChartPoint {
  bucketStart: string;
  value: number | null;
  count: number;
}

export interface DriftMetricChartProps {
  points: DriftChartPoint[];
  label: string;
  baselineStart: string;
  baselineEnd: string;
  currentStart: string;
  currentEnd: string;
  formatValue: (value: number) => string;
  timeZone: string;
  height?: number;
}

const DAY_FORMAT_OPTIONS = { month: "short", day: "numeric" } as const;

function formatDay(time: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { ...DAY_FORMAT_OPTIONS, timeZone }).format(time);
}

const DAY_MS = 24 * 60 * 60 * 1000;

// One tick per UTC midnight, so 6-hour buckets do not repeat a day's label.
function getDayTicks(start: number, end: number): number[] {
  const ticks: number[] = [];
  for (let tick = Math.ceil(start / DAY_MS) * DAY_MS; tick <= end; tick += DAY_MS) ticks.push(tick);
  return ticks;
}

/**
 * Draws a metric's series over the baseline and current windows, with both windows shaded and
 * labelled, so a reader sees what the test compared.
 */
export function DriftMetricChart(props: DriftMetricChartProps) {
  const data = props.points.map((point) => ({
    time: Date.parse(point.bucketStart),
    value: point.value,
    count: point.count,
  }));
  const baseline = [Date.parse(props.baselineStart), Date.parse(props.baselineEnd)] as const;
  const current = [Date.parse(props.currentStart), Date.parse(props.currentEnd)] as const;
  const color = getChartColor(0);

  return (
    <div role="img" aria-label={`${props.label} over the baseline and current windows`}>
      <ResponsiveContainer width="100%" height={props.height ?? 180}>
        <LineChart data={data} margin={{ top: 14, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
          <ReferenceArea
            x1={baseline[0]}
            x2={baseline[1]}
            fill="var(--muted-foreground)"
            fillOpacity={0.08}
            label={{ value: "Baseline", position: "insideTopLeft", fontSize: 11 }}
            ifOverflow="extendDomain"
          />
          <ReferenceArea
            x1={current[0]}
            x2={current[1]}
            fill={color}
            fillOpacity={0.12}
            label={{ value: "Current", position: "insideTopLeft", fontSize: 11 }}
            ifOverflow="extendDomain"
          />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={[baseline[0], current[1]]}
            ticks={getDayTicks(baseline[0], current[1])}
            tick={AXIS_TICK_STYLE}
            tickFormatter={(time: number) => formatDay(time, props.timeZone)}
            tickLine={false}
            axisLine={false}
            minTickGap={24}
          />
          <YAxis
            tick={AXIS_TICK_STYLE}
            tickFormatter={props.formatValue}
            tickLine={false}
            axisLine={false}
            width={52}
            domain={[0, "auto"]}
          />
          <Tooltip
            content={(args) => {
              const entry = args.payload?.[0]?.payload as (typeof data)[number] | undefined;
              if (!args.active || !entry) return null;
              const value = entry.value === null ? "–" : props.formatValue(entry.value);
              return (
                <ChartTooltipBox
                  title={formatTimestamp(new Date(entry.time).toISOString(), props.timeZone)}
                  rows={[
                    { key: "value", label: props.label, color, value },
                    {
                      key: "count",
                      label: "samples",
                      color: "transparent",
                      value: String(entry.count),
                    },
                  ]}
                />
              );
            }}
          />
          <Line
            type="linear"
            dataKey="value"
            stroke={color}
            strokeWidth={1.5}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
