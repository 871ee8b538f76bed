"use client";

import type { ComponentProps } from "react";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { cn } from "@/lib/utils";

/** "Times in America/Los_Angeles": put it beside every chart or table that shows times. */
export function TimeZoneNote({ className, ...props }: ComponentProps<"span">) {
  const { timeZone } = useDisplayTimeZone();
  return (
    <span className={cn("text-[11px] text-muted-foreground", className)} {...props}>
      Times in {timeZone}
    </span>
  );
}
