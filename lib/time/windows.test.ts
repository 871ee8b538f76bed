import { describe, expect, it } from "vitest";
import {
  getLocalDatesWindow,
  getLocalDayStart,
  parseLocalDate,
  resolveTimeWindow,
  validateCustomWindow,
} from "./windows";

const NOW = new Date("2026-06-29T15:20:00Z");

describe("getLocalDayStart", () => {
  it("finds local midnight west of UTC", () => {
    expect(getLocalDayStart(2026, 6, 28, "America/Los_Angeles").toISOString()).toBe(
      "2026-06-28T07:00:00.000Z",
    );
  });

  it("finds local midnight east of UTC", () => {
    expect(getLocalDayStart(2026, 6, 28, "Asia/Shanghai").toISOString()).toBe(
      "2026-06-27T16:00:00.000Z",
    );
  });

  it("handles the day daylight saving time starts", () => {
    expect(getLocalDayStart(2026, 3, 8, "America/Los_Angeles").toISOString()).toBe(
      "2026-03-08T08:00:00.000Z",
    );
    expect(getLocalDayStart(2026, 3, 9, "America/Los_Angeles").toISOString()).toBe(
      "2026-03-09T07:00:00.000Z",
    );
  });

  it("rolls over month ends", () => {
    expect(getLocalDayStart(2026, 7, 0, "UTC").toISOString()).toBe("2026-06-30T00:00:00.000Z");
  });
});

describe("parseLocalDate", () => {
  it("parses a valid date", () => {
    expect(parseLocalDate("2026-06-28", "UTC")?.toISOString()).toBe("2026-06-28T00:00:00.000Z");
  });

  it("rejects impossible dates", () => {
    expect(parseLocalDate("2026-02-30", "UTC")).toBeNull();
    expect(parseLocalDate("28/06/2026", "UTC")).toBeNull();
  });
});

describe("resolveTimeWindow", () => {
  it("gives 24 hour buckets up to the current hour", () => {
    const window = resolveTimeWindow({ preset: "24h" }, "UTC", NOW);
    expect(window.granularity).toBe("hour");
    expect(window.from.toISOString()).toBe("2026-06-28T16:00:00.000Z");
    expect(window.to.toISOString()).toBe("2026-06-29T16:00:00.000Z");
  });

  it("starts 7 days at local midnight", () => {
    const window = resolveTimeWindow({ preset: "7d" }, "America/Los_Angeles", NOW);
    expect(window.granularity).toBe("day");
    expect(window.from.toISOString()).toBe("2026-06-23T07:00:00.000Z");
    expect(window.to.toISOString()).toBe("2026-06-29T16:00:00.000Z");
  });

  it("starts a half-hour zone's day on the next whole hour", () => {
    const window = resolveTimeWindow({ preset: "30d" }, "Asia/Kolkata", NOW);
    expect(window.from.toISOString()).toBe("2026-05-30T19:00:00.000Z");
  });

  it("widens a short custom range to whole hours", () => {
    const window = resolveTimeWindow(
      { from: new Date("2026-06-28T10:15:00Z"), to: new Date("2026-06-28T12:05:00Z") },
      "UTC",
    );
    expect(window.granularity).toBe("hour");
    expect(window.from.toISOString()).toBe("2026-06-28T10:00:00.000Z");
    expect(window.to.toISOString()).toBe("2026-06-28T13:00:00.000Z");
  });

  it("uses day buckets beyond 48 hours", () => {
    const window = resolveTimeWindow(
      { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-04T00:00:00Z") },
      "UTC",
    );
    expect(window.granularity).toBe("day");
  });
});

describe("validateCustomWindow", () => {
  it("accepts a normal range", () => {
    expect(validateCustomWindow(new Date("2026-01-01"), new Date("2026-02-01"))).toBeNull();
  });

  it("rejects a reversed range", () => {
    expect(validateCustomWindow(new Date("2026-02-01"), new Date("2026-01-01"))).toMatch(/before/);
  });

  it("rejects a span over 400 days", () => {
    expect(validateCustomWindow(new Date("2025-01-01"), new Date("2026-03-01"))).toMatch(/400/);
  });
});

describe("getLocalDatesWindow", () => {
  it("covers whole local days", () => {
    const window = getLocalDatesWindow("2026-06-27", "2026-06-28", "America/Los_Angeles");
    expect(window?.from.toISOString()).toBe("2026-06-27T07:00:00.000Z");
    expect(window?.to.toISOString()).toBe("2026-06-29T07:00:00.000Z");
  });

  it("rejects a reversed range", () => {
    expect(getLocalDatesWindow("2026-06-28", "2026-06-27", "UTC")).toBeNull();
  });
});
