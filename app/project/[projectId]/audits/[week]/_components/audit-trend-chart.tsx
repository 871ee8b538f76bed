"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { AXIS_TICK_STYLE, getChartColor, GRID_STROKE } from "@/components/charts/chart-colors";
import { ChartTooltipBox } from "@/components/charts/chart-tooltip";
import { formatWeekShort } from "@/components/review/audit-format";
import { formatCount, formatPercent } from "@/lib/time/format";

export interface TrendPoint {
  week: string;
  reviewed: number;
  passRate: number | null;
}

const REVIEWED_COLOR = getChartColor(1);
const PASS_RATE_COLOR = getChartColor(0);

interface TooltipArgs {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: TrendPoint }>;
}

function renderTooltip(args: TooltipArgs) {
  const point = args.payload?.[0]?.payload;
  if (!args.active || !point) return null;
  const rows = [
    {
      key: "rate",
      label: "Pass rate",
      color: PASS_RATE_COLOR,
      value: formatPercent(point.passRate),
    },
    {
      key: "reviewed",
      label: "Reviewed",
      color: REVIEWED_COLOR,
      value: formatCount(point.reviewed),
    },
  ];
  return <ChartTooltipBox title={point.week} rows={rows} />;
}

/**
 * Pass rate (line, left axis 0–100 %) and reviewed items (bars, right axis) per week, oldest
 * first. A week without reviews leaves a gap in the line.
 */
export function AuditTrendChart({
  points,
  height = 200,
}: {
  points: TrendPoint[];
  height?: number;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={points} margin={{ top: 6, right: 0, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis
          dataKey="week"
          tickFormatter={formatWeekShort}
          tick={AXIS_TICK_STYLE}
          tickLine={false}
          axisLine={false}
        />
        <YAxis
          yAxisId="rate"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={(value: number) => formatPercent(value, 0)}
          tick={AXIS_TICK_STYLE}
          tickLine={false}
          axisLine={false}
          width={40}
        />
        <YAxis
          yAxisId="reviewed"
          orientation="right"
          allowDecimals={false}
          tick={AXIS_TICK_STYLE}
          tickLine={false}
          axisLine={false}
          width={36}
        />
        <Tooltip
          cursor={{ fill: "var(--muted)" }}
          isAnimationActive={false}
          content={renderTooltip}
        />
        <Bar
          yAxisId="reviewed"
          dataKey="reviewed"
          name="Reviewed"
          fill={REVIEWED_COLOR}
          fillOpacity={0.45}
          radius={[2, 2, 0, 0]}
          maxBarSize={36}
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="passRate"
          name="Pass rate"
          type="linear"
          stroke={PASS_RATE_COLOR}
          strokeWidth={2}
          dot={{ r: 3, fill: PASS_RATE_COLOR }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
