/** Positions of timeline bars as percentages of the trace's span. */

export interface TimelineScale {
  startMs: number;
  spanMs: number;
}

/** Bars narrower than this still show, so instant events and short spans stay visible. */
const MIN_BAR_PERCENT = 0.4;

export function createTimelineScale(start: Date | null, end: Date | null): TimelineScale | null {
  if (!start || !end) return null;
  const startMs = start.getTime();
  // A trace whose observations all start and end at once still gets a 1 ms span.
  return { startMs, spanMs: Math.max(end.getTime() - startMs, 1) };
}

export interface BarPosition {
  leftPercent: number;
  widthPercent: number;
  /** Arrival of the first token, as a percentage of the bar's own width. */
  firstTokenPercent: number | null;
}

export function positionBar(
  scale: TimelineScale,
  start: Date,
  end: Date | null,
  completionStart: Date | null,
): BarPosition {
  const clamp = (value: number) => Math.min(100, Math.max(0, value));
  const left = clamp(((start.getTime() - scale.startMs) / scale.spanMs) * 100);
  const endMs = end ? end.getTime() : start.getTime();
  const width = Math.max(MIN_BAR_PERCENT, clamp(((endMs - start.getTime()) / scale.spanMs) * 100));
  const duration = endMs - start.getTime();
  const firstToken =
    completionStart && duration > 0
      ? clamp(((completionStart.getTime() - start.getTime()) / duration) * 100)
      : null;
  // A bar that ends after the trace's last end (clock skew) is cut at the axis.
  const room = Math.max(100 - left, MIN_BAR_PERCENT);
  return { leftPercent: left, widthPercent: Math.min(width, room), firstTokenPercent: firstToken };
}
