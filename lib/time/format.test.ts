import { describe, expect, it } from "vitest";
import {
  formatBucketLabel,
  formatCompactDuration,
  formatCost,
  formatCount,
  formatCountOf,
  formatDate,
  formatDuration,
  formatPercent,
  formatTimestamp,
  formatTokens,
  pluralize,
} from "./format";

const LATE_UTC_EVENING = "2026-06-29T03:00:00Z";

describe("formatTimestamp", () => {
  it("shows UTC by default", () => {
    expect(formatTimestamp(LATE_UTC_EVENING)).toBe("2026-06-29 03:00:00");
  });

  it("shows the wall clock of the given zone", () => {
    expect(formatTimestamp(LATE_UTC_EVENING, "America/Los_Angeles")).toBe("2026-06-28 20:00:00");
    expect(formatTimestamp(LATE_UTC_EVENING, "Asia/Shanghai")).toBe("2026-06-29 11:00:00");
  });

  it("shows midnight as 00, not 24", () => {
    expect(formatTimestamp("2026-06-28T00:00:00Z", "UTC")).toBe("2026-06-28 00:00:00");
  });

  it("shows a dash when missing", () => {
    expect(formatTimestamp(null)).toBe("–");
  });
});

describe("formatDate", () => {
  it("takes the date of the zone", () => {
    expect(formatDate("2026-06-28T00:30:00Z", "America/Los_Angeles")).toBe("2026-06-27");
    expect(formatDate("2026-06-28T00:30:00Z", "UTC")).toBe("2026-06-28");
  });
});

describe("formatBucketLabel", () => {
  it("labels a day bucket by its local date", () => {
    const laMidnight = "2026-06-28T07:00:00Z";
    expect(formatBucketLabel(laMidnight, "day", "America/Los_Angeles")).toBe("Jun 28");
    expect(formatBucketLabel(laMidnight, "day", "UTC")).toBe("Jun 28");
  });

  it("labels an hour bucket with local time", () => {
    expect(formatBucketLabel("2026-06-28T12:00:00Z", "hour", "Asia/Kolkata")).toBe("Jun 28 17:30");
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [1234, "1.23 s"],
    [12_345, "12.3 s"],
    [125_000, "2 m 05 s"],
    [3_720_000, "1 h 02 m"],
  ])("formats %d ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("shows a dash for negative or missing values", () => {
    expect(formatDuration(-5)).toBe("–");
    expect(formatDuration(null)).toBe("–");
  });
});

describe("formatCompactDuration", () => {
  it.each([
    [850, "850ms"],
    [12_000, "12s"],
    [90_000, "1.5m"],
    [7_200_000, "2h"],
  ])("formats %d ms as %s", (ms, text) => {
    expect(formatCompactDuration(ms)).toBe(text);
  });
});

describe("formatCost", () => {
  it("shows no price for unknown cost", () => {
    expect(formatCost(null)).toBe("no price");
    expect(formatCost(undefined)).toBe("no price");
  });

  it.each([
    [1234.5, "$1,234.50"],
    [2, "$2.00"],
    [0.5, "$0.50"],
    [0.0075, "$0.0075"],
    [0.010868, "$0.0109"],
    [0.000123, "$0.000123"],
    [0, "$0"],
  ])("formats %d as %s", (usd, text) => {
    expect(formatCost(usd)).toBe(text);
  });

  it("accepts numeric strings from numeric columns", () => {
    expect(formatCost("3.0000000000")).toBe("$3.00");
  });

  it("shows a floor for sub-micro-dollar costs", () => {
    expect(formatCost(0.0000001)).toBe("<$0.000001");
  });
});

describe("formatCount and formatTokens", () => {
  it("groups thousands", () => {
    expect(formatCount(12_345)).toBe("12,345");
    expect(formatTokens(12_345)).toBe("12,345");
  });

  it("compacts large values", () => {
    expect(formatCount(12_345, true)).toBe("12.3K");
    expect(formatCount(8_500, true)).toBe("8.5K");
    expect(formatTokens(1_234_567)).toBe("1.2M");
  });
});

describe("formatPercent", () => {
  it("formats a ratio", () => {
    expect(formatPercent(0.1234)).toBe("12.3%");
  });

  it("shows a dash when there is nothing to divide", () => {
    expect(formatPercent(null)).toBe("–");
  });
});

describe("pluralize and formatCountOf", () => {
  it("uses the singular for exactly one", () => {
    expect(formatCountOf(1, "session")).toBe("1 session");
  });

  it("uses the plural for zero and many", () => {
    expect(formatCountOf(0, "user")).toBe("0 users");
    expect(formatCountOf(12_345, "trace")).toBe("12,345 traces");
  });

  it("takes an irregular plural", () => {
    expect(pluralize(2, "entry", "entries")).toBe("entries");
    expect(pluralize(1, "entry", "entries")).toBe("entry");
  });

  it("compacts large counts", () => {
    expect(formatCountOf(8_500, "observation", { compact: true })).toBe("8.5K observations");
  });
});
