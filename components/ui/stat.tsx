import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";
import { Skeleton } from "./skeleton";

export type StatProps = Omit<ComponentProps<"div">, "title"> & {
  label: ReactNode;
  value: ReactNode;
  /** A short line under the value, e.g. the window or a comparison. */
  hint?: ReactNode;
  icon?: ReactNode;
  isLoading?: boolean;
};

/** A KPI tile: label, one large value and an optional hint line. */
export function Stat({ label, value, hint, icon, isLoading, className, ...props }: StatProps) {
  return (
    <div
      role="group"
      aria-label={typeof label === "string" ? label : undefined}
      className={cn(
        "flex min-w-0 flex-col gap-1 rounded-lg border bg-card px-3.5 py-3 shadow-xs",
        className,
      )}
      {...props}
    >
      <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
        <span className="truncate">{label}</span>
        {icon ? <span className="shrink-0 [&_svg]:size-3.5">{icon}</span> : null}
      </div>
      {isLoading ? (
        <Skeleton className="h-6 w-20" />
      ) : (
        <div className="truncate text-xl leading-6 font-semibold tabular-nums">{value}</div>
      )}
      {/* Two lines before it truncates: six tiles in a row leave about 160 px each at 1280 px. */}
      {hint ? <div className="line-clamp-2 text-[11px] text-muted-foreground">{hint}</div> : null}
    </div>
  );
}
