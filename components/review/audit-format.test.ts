import { describe, expect, it } from "vitest";
import { formatRateChange, formatWeekRange, formatWeekShort } from "./audit-format";

describe("formatWeekRange", () => {
  it("shows Monday to Sunday", () => {
    const start = new Date("2026-11-30T00:00:00Z");
    const end = new Date("2026-12-07T00:00:00Z");
    expect(formatWeekRange(start, end)).toBe("Nov 30 – Dec 6, 2026");
  });

  it("names both years across new year", () => {
    const start = new Date("2025-12-29T00:00:00Z");
    const end = new Date("2026-01-05T00:00:00Z");
    expect(formatWeekRange(start, end)).toBe("Dec 29, 2025 – Jan 4, 2026");
  });

  it("ignores the browser time zone", () => {
    const start = new Date("2026-06-01T00:00:00Z");
    const end = new Date("2026-06-08T00:00:00Z");
    expect(formatWeekRange(start, end)).toBe("Jun 1 – Jun 7, 2026");
  });
});

describe("formatWeekShort", () => {
  it("keeps the week number", () => {
    expect(formatWeekShort("2026-W09")).toBe("W09");
  });

  it("returns other text unchanged", () => {
    expect(formatWeekShort("week nine")).toBe("week nine");
  });
});

describe("formatRateChange", () => {
  it("formats a rise and a fall in points", () => {
    expect(formatRateChange(0.9, 0.858)).toBe("+4.2 pts");
    expect(formatRateChange(0.5, 0.51)).toBe("−1.0 pts");
  });

  it("shows no change", () => {
    expect(formatRateChange(0.75, 0.75)).toBe("±0 pts");
  });

  it("returns null without both rates", () => {
    expect(formatRateChange(null, 0.5)).toBeNull();
    expect(formatRateChange(0.5, null)).toBeNull();
  });
});
