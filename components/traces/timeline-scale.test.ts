import { describe, expect, it } from "vitest";
import { createTimelineScale, positionBar } from "./timeline-scale";

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe("positionBar", () => {
  const scale = createTimelineScale(at(0), at(10_000))!;

  it("places a bar by start and end", () => {
    expect(positionBar(scale, at(2_000), at(7_000), null)).toEqual({
      leftPercent: 20,
      widthPercent: 50,
      firstTokenPercent: null,
    });
  });

  it("gives an instant event a minimum width", () => {
    expect(positionBar(scale, at(5_000), null, null).widthPercent).toBe(0.4);
  });

  it("marks the first token within the bar", () => {
    expect(positionBar(scale, at(0), at(4_000), at(1_000)).firstTokenPercent).toBe(25);
  });

  it("keeps a bar that ends late inside the axis", () => {
    const bar = positionBar(scale, at(9_000), at(20_000), null);
    expect(bar.leftPercent + bar.widthPercent).toBe(100);
  });
});

describe("createTimelineScale", () => {
  it("needs both ends", () => {
    expect(createTimelineScale(null, at(1))).toBeNull();
  });

  it("gives a zero-length trace a 1 ms span", () => {
    expect(createTimelineScale(at(5), at(5))?.spanMs).toBe(1);
  });
});
