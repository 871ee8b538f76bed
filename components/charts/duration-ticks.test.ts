import { describe, expect, it } from "vitest";
import { getDurationTicks } from "./duration-ticks";

describe("getDurationTicks", () => {
  it("uses whole seconds for tens of seconds", () => {
    expect(getDurationTicks(38_000)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
  });

  it("uses minutes past a minute", () => {
    expect(getDurationTicks(80_000)).toEqual([0, 30_000, 60_000, 90_000]);
  });

  it("uses milliseconds for short latencies", () => {
    expect(getDurationTicks(430)).toEqual([0, 200, 400, 600]);
  });

  it("returns zero alone without data", () => {
    expect(getDurationTicks(0)).toEqual([0]);
  });
});
