/** Series colours, in order; they follow the theme's --chart-N variables (light and dark). */
export const CHART_COLORS = [
  "var(--chart-1)",
  "var(--chart-2)",
  "var(--chart-3)",
  "var(--chart-4)",
  "var(--chart-5)",
] as const;

export function getChartColor(index: number): string {
  return CHART_COLORS[index % CHART_COLORS.length] ?? CHART_COLORS[0];
}

export const AXIS_TICK_STYLE = { fontSize: 11, fill: "var(--muted-foreground)" } as const;
export const GRID_STROKE = "var(--border)";
