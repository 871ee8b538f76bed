"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  getLocalDatesWindow,
  TIME_RANGE_PRESETS,
  type TimeRangePreset,
  type TimeWindowRequest,
} from "@/lib/time/windows";

export const DEFAULT_PRESET: TimeRangePreset = "7d";

export type OverviewRange =
  | { kind: "preset"; preset: TimeRangePreset }
  | { kind: "custom"; fromDate: string; toDate: string };

function isPreset(value: string | null): value is TimeRangePreset {
  return TIME_RANGE_PRESETS.includes(value as TimeRangePreset);
}

/** Reads the range from the URL: ?range=24h|7d|30d, or ?from=YYYY-MM-DD&to=YYYY-MM-DD. */
export function parseOverviewRange(params: URLSearchParams): OverviewRange {
  const fromDate = params.get("from");
  const toDate = params.get("to");
  if (fromDate && toDate) return { kind: "custom", fromDate, toDate };
  const preset = params.get("range");
  return { kind: "preset", preset: isPreset(preset) ? preset : DEFAULT_PRESET };
}

/** The window to request, or null when custom dates are invalid in this zone. */
export function toWindowRequest(range: OverviewRange, timeZone: string): TimeWindowRequest | null {
  if (range.kind === "preset") return { preset: range.preset };
  return getLocalDatesWindow(range.fromDate, range.toDate, timeZone);
}

/** The overview's range, kept in the URL so a link or reload shows the same window. */
export function useOverviewRange() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const range = useMemo(() => parseOverviewRange(searchParams), [searchParams]);

  const setRange = useCallback(
    (next: OverviewRange) => {
      const params = new URLSearchParams(searchParams);
      params.delete("range");
      params.delete("from");
      params.delete("to");
      if (next.kind === "preset") {
        params.set("range", next.preset);
      } else {
        params.set("from", next.fromDate);
        params.set("to", next.toDate);
      }
      router.replace(`${pathname}?${params.toString()}`, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  return { range, setRange };
}
