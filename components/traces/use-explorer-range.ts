"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import {
  parseExplorerRange,
  resolveExplorerRange,
  writeExplorerRange,
  type ExplorerRange,
  type ExplorerWindow,
} from "./explorer-range";

export interface ExplorerRangeState {
  range: ExplorerRange;
  /** Null while the display zone is unknown or when custom dates in the URL are invalid. */
  window: ExplorerWindow | null;
  isInvalid: boolean;
  timeZone: string;
  setRange: (range: ExplorerRange) => void;
  /** Moves a preset window's end to now. */
  refresh: () => void;
}

/**
 * Reads the explorer's time range from the URL and resolves it in the display zone. "Now" is
 * taken once and moves only on refresh or a range change, so the window stays a stable query key.
 */
export function useExplorerRange(): ExplorerRangeState {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { timeZone, isResolved } = useDisplayTimeZone();
  const [now, setNow] = useState(() => new Date());
  const range = useMemo(() => parseExplorerRange(searchParams), [searchParams]);
  const window = useMemo(
    () => (isResolved ? resolveExplorerRange(range, timeZone, now) : null),
    [isResolved, range, timeZone, now],
  );

  const setRange = useCallback(
    (next: ExplorerRange) => {
      const params = new URLSearchParams(searchParams);
      writeExplorerRange(params, next);
      setNow(new Date());
      router.replace(`${pathname}?${params.toString()}`, { scroll: false });
    },
    [pathname, router, searchParams],
  );
  const refresh = useCallback(() => setNow(new Date()), []);

  return { range, window, isInvalid: isResolved && window === null, timeZone, setRange, refresh };
}
