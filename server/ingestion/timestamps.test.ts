import { describe, expect, it } from "vitest";
import { InvalidTimestampError, parseTimestamp } from "./timestamps";

function iso(value: unknown): string {
  return parseTimestamp(value).toISOString();
}

describe("parseTimestamp", () => {
  it("reads a naive time as UTC", () => {
    expect(iso("2026-03-03T20:15:03.650083")).toBe("2026-03-03T20:15:03.650Z");
  });

  it("truncates nanoseconds to milliseconds", () => {
    expect(iso("2026-03-03T20:15:03.650083123Z")).toBe("2026-03-03T20:15:03.650Z");
    expect(iso("2026-03-03T20:15:03.999999999Z")).toBe("2026-03-03T20:15:03.999Z");
  });

  it("converts offsets to UTC", () => {
    expect(iso("2026-03-03T22:15:03.650+02:00")).toBe("2026-03-03T20:15:03.650Z");
    expect(iso("2026-03-03T15:15:03.650-0500")).toBe("2026-03-03T20:15:03.650Z");
    expect(iso("2026-03-03T21:15:03+01")).toBe("2026-03-03T20:15:03.000Z");
  });

  it("accepts the forms toISOString and Python write", () => {
    expect(iso("2026-01-15T10:00:00.000Z")).toBe("2026-01-15T10:00:00.000Z");
    expect(iso("2026-01-15 10:00:00.5")).toBe("2026-01-15T10:00:00.500Z");
    expect(iso("2026-01-15")).toBe("2026-01-15T00:00:00.000Z");
  });

  it("keeps years below 100", () => {
    expect(iso("0099-12-31T23:59:59Z")).toBe("0099-12-31T23:59:59.000Z");
  });

  it("copies a Date without its sub-millisecond part", () => {
    const date = new Date("2026-01-15T10:00:00.123Z");
    const parsed = parseTimestamp(date);
    expect(parsed).not.toBe(date);
    expect(parsed.toISOString()).toBe("2026-01-15T10:00:00.123Z");
  });

  it.each([
    "2026-02-30T00:00:00Z",
    "2026-02-29T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-01-01T24:00:00Z",
    "2026-01-01T10:00:00+25:00",
    "0000-01-01T00:00:00Z",
    "yesterday",
    "",
  ])("rejects %j", (text) => {
    expect(() => parseTimestamp(text)).toThrow(InvalidTimestampError);
  });

  it("accepts February 29 of a leap year", () => {
    expect(iso("2028-02-29T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
  });

  it("rejects values that are not strings or Dates", () => {
    expect(() => parseTimestamp(1767261600000)).toThrow(InvalidTimestampError);
    expect(() => parseTimestamp(new Date(Number.NaN))).toThrow(InvalidTimestampError);
  });
});
