import { describe, expect, it } from "vitest";
import { getTimeZoneOffsetMinutes, hasWholeHourOffset, isValidTimeZone } from "./zones";

describe("isValidTimeZone", () => {
  it("accepts IANA names and UTC", () => {
    expect(isValidTimeZone("America/Los_Angeles")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
  });

  it("rejects unknown names", () => {
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("getTimeZoneOffsetMinutes", () => {
  it("follows daylight saving time", () => {
    const summer = new Date("2026-06-28T12:00:00Z");
    const winter = new Date("2026-01-15T12:00:00Z");
    expect(getTimeZoneOffsetMinutes("America/Los_Angeles", summer)).toBe(-420);
    expect(getTimeZoneOffsetMinutes("America/Los_Angeles", winter)).toBe(-480);
  });

  it("returns zero for UTC", () => {
    expect(getTimeZoneOffsetMinutes("UTC", new Date())).toBe(0);
  });

  it("returns fractional-hour offsets", () => {
    expect(getTimeZoneOffsetMinutes("Asia/Kathmandu", new Date("2026-06-28T00:00:00Z"))).toBe(345);
  });
});

describe("hasWholeHourOffset", () => {
  const from = new Date("2026-06-01T00:00:00Z");
  const to = new Date("2026-06-30T00:00:00Z");

  it("is true for whole-hour zones", () => {
    expect(hasWholeHourOffset("Asia/Shanghai", from, to)).toBe(true);
  });

  it("is false for half-hour zones", () => {
    expect(hasWholeHourOffset("Asia/Kolkata", from, to)).toBe(false);
  });
});
