export interface LegendItem {
  key: string;
  label: string;
  color: string;
}

/** A one-line legend of coloured swatches, for charts with more than one series. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1 pb-1 text-[11px] text-muted-foreground">
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className="size-2 shrink-0 rounded-[2px]"
            style={{ background: item.color }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
