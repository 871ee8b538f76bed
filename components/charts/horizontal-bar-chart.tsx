"use client";

import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK_STYLE, getChartColor } from "./chart-colors";
import { ChartTooltipBox } from "./chart-tooltip";

export interface HorizontalBarItem {
  label: string;
  value: number;
}

export interface HorizontalBarChartProps {
  items: HorizontalBarItem[];
  valueLabel: string;
  formatValue?: (value: number) => string;
  color?: string;
  /** Height of one bar row in pixels; the chart grows with the number of items. */
  rowHeight?: number;
  labelWidth?: number;
}

interface TooltipArgs {
  active?: boolean;
  label?: string | number;
  payload?: ReadonlyArray<{ value?: unknown }>;
}

/** Ranked values (top users, top models) as bars, largest first as given. */
export function HorizontalBarChart({
  items,
  valueLabel,
  formatValue = String,
  color = getChartColor(0),
  rowHeight = 26,
  labelWidth = 120,
}: HorizontalBarChartProps) {
  const height = Math.max(rowHeight * items.length + 8, 40);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={items} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }}>
        <XAxis type="number" hide />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          tick={AXIS_TICK_STYLE}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip
          cursor={{ fill: "var(--muted)" }}
          isAnimationActive={false}
          content={(args: TooltipArgs) => {
            const value = args.payload?.[0]?.value;
            if (!args.active || typeof value !== "number") return null;
            const row = { key: "value", label: valueLabel, color, value: formatValue(value) };
            return <ChartTooltipBox title={String(args.label ?? "")} rows={[row]} />;
          }}
        />
        <Bar
          dataKey="value"
          fill={color}
          radius={[0, 2, 2, 0]}
          barSize={14}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
