import Link from "next/link";
import type { ReactNode } from "react";
import { CopyId } from "@/components/traces/copy-id";

interface DetailHeadingProps {
  /** The page's level-1 heading, e.g. `Session`. */
  heading: string;
  id: string;
  /** The time span line under the id. */
  period: ReactNode;
  /** The trace list filtered to this record. */
  traceListHref: string;
}

/** Renders a session or user page's heading, id, time span and a link to its traces. */
export function DetailHeading({ heading, id, period, traceListHref }: DetailHeadingProps) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-2">
      <div className="flex min-w-0 flex-col">
        <h1 className="text-base font-semibold">{heading}</h1>
        <CopyId id={id} className="max-w-xl" />
        <span className="text-xs text-muted-foreground">{period}</span>
      </div>
      <Link href={traceListHref} className="text-xs text-primary hover:underline">
        Open in trace list
      </Link>
    </div>
  );
}
