import { describe, expect, it } from "vitest";
import { isoWeekOf, parseIsoWeek } from "@/server/review/iso-week";
import {
  formatRateChange,
  formatWeekRange,
  formatWeekShort,
  getIsoWeekBounds,
  getIsoWeekKey,
  shiftIsoWeekKey,
} from "./audit-format";

describe("getIsoWeekKey", () => {
  it("matches the server on every day of 2019 to 2032", () => {
    const mismatches: string[] = [];
    for (let time = Date.UTC(2019, 0, 1); time < Date.UTC(2033, 0, 1); time += 86_400_000) {
      const date = new Date(time + 13 * 3_600_000);
      if (getIsoWeekKey(date) !== isoWeekOf(date).week) mismatches.push(date.toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it("puts late December into week 1", () => {
    expect(getIsoWeekKey(new Date("2024-12-30T12:00:00Z"))).toBe("2025-W01");
  });

  it("puts early January into week 53", () => {
    expect(getIsoWeekKey(new Date("2021-01-03T12:00:00Z"))).toBe("2020-W53");
  });
});

describe("getIsoWeekBounds", () => {
  it("matches the server for every week of 2019 to 2032", () => {
    const mismatches: string[] = [];
    for (let time = Date.UTC(2019, 0, 1); time < Date.UTC(2033, 0, 1); time += 7 * 86_400_000) {
      const server = isoWeekOf(new Date(time));
      const bounds = getIsoWeekBounds(server.week);
      const same =
        bounds?.start.getTime() === server.start.getTime() &&
        bounds?.end.getTime() === parseIsoWeek(server.week).end.getTime();
      if (!same) mismatches.push(server.week);
    }
    expect(mismatches).toEqual([]);
  });

  it("rejects malformed and missing weeks", () => {
    expect(getIsoWeekBounds("2026-49")).toBeNull();
    expect(getIsoWeekBounds("2026-W54")).toBeNull();
    expect(getIsoWeekBounds("2025-W53")).toBeNull();
    expect(getIsoWeekBounds("2026-W00")).toBeNull();
  });

  it("accepts week 53 of long years", () => {
    expect(getIsoWeekBounds("2020-W53")?.start.toISOString()).toBe("2020-12-28T00:00:00.000Z");
  });
});

describe("shiftIsoWeekKey", () => {
  it("steps back across new year", () => {
    expect(shiftIsoWeekKey(new Date("2026-01-06T00:00:00Z"), -1)).toBe(
      "2026-W01".replace("01", "01"),
    );
    expect(shiftIsoWeekKey(new Date("2026-01-06T00:00:00Z"), -2)).toBe("2025-W52");
  });
});

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
