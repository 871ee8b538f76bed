import { cn } from "@/lib/utils";

const TYPE_STYLES = {
  SPAN: { label: "SPAN", className: "bg-sky-500/10 text-sky-700 dark:text-sky-300" },
  GENERATION: { label: "GEN", className: "bg-violet-500/12 text-violet-700 dark:text-violet-300" },
  EVENT: { label: "EVENT", className: "bg-amber-500/15 text-amber-800 dark:text-amber-300" },
} as const;

export function ObservationTypeBadge({ type }: { type: keyof typeof TYPE_STYLES }) {
  const style = TYPE_STYLES[type];
  return (
    <span
      className={cn(
        "inline-flex w-11 shrink-0 justify-center rounded px-1 text-[10px] leading-4 font-semibold tracking-wide",
        style.className,
      )}
    >
      {style.label}
    </span>
  );
}
