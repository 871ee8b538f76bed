import { describe, expect, it } from "vitest";
import { getCostDisplay } from "./cost-display";

describe("getCostDisplay", () => {
  it("shows a priced cost as a value", () => {
    expect(getCostDisplay(0.0075, 0)).toBe("value");
  });

  it("marks a sum that left generations out", () => {
    expect(getCostDisplay(0.5, 2)).toBe("partial");
  });

  it("says no price when generations had none", () => {
    expect(getCostDisplay(null, 1)).toBe("unpriced");
  });

  it("says no price when the caller did not count", () => {
    expect(getCostDisplay(null)).toBe("unpriced");
  });

  it("shows nothing to price without generations", () => {
    expect(getCostDisplay(null, 0)).toBe("nothing-to-price");
  });

  it("keeps a zero cost as a value", () => {
    expect(getCostDisplay(0, 0)).toBe("value");
  });
});
