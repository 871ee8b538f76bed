"use client";

import { cn } from "@/lib/utils";
import { Kbd } from "./kbd";
import { REVIEW_LABELS } from "./review-labels";

interface LabelTogglesProps {
  selected: readonly string[];
  onToggle: (value: string) => void;
  isDisabled?: boolean;
}

/** Renders the six failure labels as toggle buttons, each showing its digit shortcut. */
export function LabelToggles({ selected, onToggle, isDisabled = false }: LabelTogglesProps) {
  return (
    <div role="group" aria-label="Labels" className="flex flex-wrap gap-1.5">
      {REVIEW_LABELS.map((label, index) => {
        const isSelected = selected.includes(label.value);
        return (
          <button
            key={label.value}
            type="button"
            aria-pressed={isSelected}
            disabled={isDisabled}
            onClick={() => onToggle(label.value)}
            className={cn(
              "inline-flex h-7 items-center gap-1.5 rounded-md border px-2 text-xs " +
                "font-medium transition-colors outline-none focus-visible:ring-2 " +
                "focus-visible:ring-ring/60 disabled:opacity-50",
              isSelected
                ? "border-destructive/40 bg-destructive/10 text-destructive"
                : "bg-card text-foreground hover:bg-accent",
            )}
          >
            <Kbd>{index + 1}</Kbd>
            {label.title}
          </button>
        );
      })}
    </div>
  );
}
