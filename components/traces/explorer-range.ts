import { getLocalDatesWindow, validateCustomWindow } from "@/lib/time/windows";

/**
 * The time range of the explorer pages (traces, sessions, users), kept in the URL as
 * `?range=24h` or `?from=YYYY-MM-DD&to=YYYY-MM-DD` (whole local days in the display zone). The
 * overview reads the same parameters and the sidebar links carry them, so a range survives
 * switching sections. The overview has no 1h or 90d preset and shows its default for those.
 */

export const EXPLORER_PRESETS = ["1h", "24h", "7d", "30d", "90d"] as const;
export type ExplorerPreset = (typeof EXPLORER_PRESETS)[number];
export const DEFAULT_EXPLORER_PRESET: ExplorerPreset = "7d";
/** The server's maximum window for filter suggestions, which scan observations. */
export const FILTER_OPTIONS_MAX_WINDOW_MS = 92 * 86_400_000;

const PRESET_MS: Record<ExplorerPreset, number> = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
  "90d": 90 * 86_400_000,
};

export const PRESET_DESCRIPTIONS: Record<ExplorerPreset, string> = {
  "1h": "last hour",
  "24h": "last 24 hours",
  "7d": "last 7 days",
  "30d": "last 30 days",
  "90d": "last 90 days",
};

export type ExplorerRange =
  { kind: "preset"; preset: ExplorerPreset } | { kind: "custom"; fromDate: string; toDate: string };

export interface ExplorerWindow {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

function isPreset(value: string | null): value is ExplorerPreset {
  return EXPLORER_PRESETS.includes(value as ExplorerPreset);
}

export function parseExplorerRange(params: URLSearchParams): ExplorerRange {
  const fromDate = params.get("from");
  const toDate = params.get("to");
  if (fromDate && toDate) return { kind: "custom", fromDate, toDate };
  const preset = params.get("range");
  return { kind: "preset", preset: isPreset(preset) ? preset : DEFAULT_EXPLORER_PRESET };
}

export function writeExplorerRange(params: URLSearchParams, range: ExplorerRange): void {
  params.delete("range");
  params.delete("from");
  params.delete("to");
  if (range.kind === "preset") {
    params.set("range", range.preset);
  } else {
    params.set("from", range.fromDate);
    params.set("to", range.toDate);
  }
}

const MINUTE_MS = 60_000;

/**
 * Resolves a range to its window. A preset ends at the start of the minute after `now`, so
 * traces of the current minute are in it and the window (a query key) stays the same for a
 * minute. Returns null when custom dates are invalid in `timeZone` or span too long.
 */
export function resolveExplorerRange(
  range: ExplorerRange,
  timeZone: string,
  now: Date,
): ExplorerWindow | null {
  if (range.kind === "preset") {
    const to = new Date((Math.floor(now.getTime() / MINUTE_MS) + 1) * MINUTE_MS);
    return { from: new Date(to.getTime() - PRESET_MS[range.preset]), to };
  }
  const window = getLocalDatesWindow(range.fromDate, range.toDate, timeZone);
  if (!window || validateCustomWindow(window.from, window.to)) return null;
  return window;
}

export function describeExplorerRange(range: ExplorerRange): string {
  if (range.kind === "preset") return PRESET_DESCRIPTIONS[range.preset];
  return `${range.fromDate} to ${range.toDate}`;
}
