import { describe, expect, it } from "vitest";
import { getWholeUtcDays } from "./overview";

describe("getWholeUtcDays", () => {
  it("returns the whole days inside a window", () => {
    const { daysFrom, daysTo } = getWholeUtcDays(
      new Date("2026-06-26T05:00:00Z"),
      new Date("2026-06-29T19:00:00Z"),
    );
    expect(daysFrom.toISOString()).toBe("2026-06-27T00:00:00.000Z");
    expect(daysTo.toISOString()).toBe("2026-06-29T00:00:00.000Z");
  });

  it("keeps window edges on midnight", () => {
    const { daysFrom, daysTo } = getWholeUtcDays(
      new Date("2026-06-26T00:00:00Z"),
      new Date("2026-06-28T00:00:00Z"),
    );
    expect(daysFrom.toISOString()).toBe("2026-06-26T00:00:00.000Z");
    expect(daysTo.toISOString()).toBe("2026-06-28T00:00:00.000Z");
  });

  it("collapses to the end without a whole day", () => {
    const to = new Date("2026-06-27T03:00:00Z");
    const { daysFrom, daysTo } = getWholeUtcDays(new Date("2026-06-26T05:00:00Z"), to);
    expect(daysFrom).toEqual(to);
    expect(daysTo).toEqual(to);
  });
});
