"use client";

import { formatCount } from "@/lib/time/format";
import { cn } from "@/lib/utils";

export interface StatusOption<Status extends string> {
  /** Undefined is "all statuses". */
  value: Status | undefined;
  title: string;
  count: number | undefined;
}

interface StatusFilterProps<Status extends string> {
  options: StatusOption<Status>[];
  selected: Status | undefined;
  onSelect: (status: Status | undefined) => void;
}

/** Status choices as a segmented control, each with the count the list will show for it. */
export function StatusFilter<Status extends string>(props: StatusFilterProps<Status>) {
  return (
    <div
      role="group"
      aria-label="Status"
      className="inline-flex h-8 items-center rounded-md bg-muted p-0.5 text-muted-foreground"
    >
      {props.options.map((option) => {
        const isSelected = option.value === props.selected;
        return (
          <button
            key={option.value ?? "all"}
            type="button"
            aria-pressed={isSelected}
            onClick={() => props.onSelect(option.value)}
            className={cn(
              "inline-flex h-7 items-center gap-1.5 rounded-[5px] px-2.5 text-xs font-medium " +
                "whitespace-nowrap transition-colors outline-none focus-visible:ring-2 " +
                "focus-visible:ring-ring/60",
              isSelected ? "bg-card text-foreground shadow-xs" : "hover:text-foreground",
            )}
          >
            {option.title}
            <span className="text-[11px] text-muted-foreground tabular-nums">
              {option.count === undefined ? "…" : formatCount(option.count)}
            </span>
          </button>
        );
      })}
    </div>
  );
}
