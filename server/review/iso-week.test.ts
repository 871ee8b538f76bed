import { describe, expect, it } from "vitest";
import { isoWeekOf, parseIsoWeek, previousIsoWeeks } from "./iso-week";

describe("parseIsoWeek", () => {
  it("starts week 49 of 2026 on Monday 30 November", () => {
    const week = parseIsoWeek("2026-W49");
    expect(week.start.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-12-07T00:00:00.000Z");
  });

  it("puts week 1 of 2026 in December 2025", () => {
    expect(parseIsoWeek("2026-W01").start.toISOString()).toBe("2025-12-29T00:00:00.000Z");
  });

  it("accepts week 53 only in long years", () => {
    expect(parseIsoWeek("2026-W53").start.toISOString()).toBe("2026-12-28T00:00:00.000Z");
    expect(() => parseIsoWeek("2025-W53")).toThrow(/weeks 01 to 52/);
  });

  it.each(["2026-49", "2026-W0", "2026-W00", "2026-W54", "26-W10", "2026-w10", ""])(
    "rejects %j",
    (value) => {
      expect(() => parseIsoWeek(value)).toThrow(/Invalid ISO week/);
    },
  );
});

describe("isoWeekOf", () => {
  it.each([
    ["2026-12-04T18:00:00Z", "2026-W49"],
    ["2026-11-30T00:00:00Z", "2026-W49"],
    ["2026-11-29T23:59:59Z", "2026-W48"],
    ["2027-01-01T12:00:00Z", "2026-W53"],
    ["2024-12-30T00:00:00Z", "2025-W01"],
  ])("puts %s in %s", (date, week) => {
    expect(isoWeekOf(new Date(date)).week).toBe(week);
  });

  it("round-trips with parseIsoWeek", () => {
    const week = parseIsoWeek("2026-W10");
    expect(isoWeekOf(week.start).week).toBe("2026-W10");
    expect(isoWeekOf(new Date(week.end.getTime() - 1)).week).toBe("2026-W10");
  });
});

describe("previousIsoWeeks", () => {
  it("lists earlier weeks across a year end", () => {
    const weeks = previousIsoWeeks(parseIsoWeek("2026-W02"), 3).map((w) => w.week);
    expect(weeks).toEqual(["2026-W01", "2025-W52", "2025-W51"]);
  });
});
