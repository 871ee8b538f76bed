import type { ReactNode } from "react";

export interface TooltipRow {
  key: string;
  label: string;
  color: string;
  value: string;
}

/** The box recharts shows on hover: a title line, then one row per series. */
export function ChartTooltipBox({ title, rows }: { title: ReactNode; rows: TooltipRow[] }) {
  return (
    <div className="min-w-36 rounded-md border bg-popover px-2.5 py-1.5 text-xs text-popover-foreground shadow-md">
      <div className="mb-1 font-medium">{title}</div>
      {rows.map((row) => (
        <div key={row.key} className="flex items-center justify-between gap-3 py-px">
          <span className="flex items-center gap-1.5 text-muted-foreground">
            <span
              aria-hidden
              className="size-2 shrink-0 rounded-[2px]"
              style={{ background: row.color }}
            />
            {row.label}
          </span>
          <span className="font-medium tabular-nums">{row.value}</span>
        </div>
      ))}
    </div>
  );
}
