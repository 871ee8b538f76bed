// Tick steps that read well as durations: 1-2-5 in ms up to 10 s, then 30 s, minutes and hours
// (no 15 s or 20 s steps, which put ticks such as 80 s on a minute axis).
const DURATION_STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000,
  600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000,
];

const MAX_TICKS = 5;

/** Y-axis ticks from 0 for durations up to `maxMs`, on a step such as 5 s or 2 min. */
export function getDurationTicks(maxMs: number): number[] {
  if (!Number.isFinite(maxMs) || maxMs <= 0) return [0];
  const step =
    DURATION_STEPS_MS.find((candidate) => Math.ceil(maxMs / candidate) < MAX_TICKS) ??
    DURATION_STEPS_MS[DURATION_STEPS_MS.length - 1]!;
  const count = Math.ceil(maxMs / step);
  return Array.from({ length: count + 1 }, (_, index) => index * step);
}
