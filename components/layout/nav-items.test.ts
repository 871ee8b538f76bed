import { describe, expect, it } from "vitest";
import { getProjectSection, getSwitchedProjectPath } from "./nav-items";

describe("getProjectSection", () => {
  it("returns the section of a list page", () => {
    expect(getProjectSection("/project/p1/traces")).toBe("traces");
  });

  it("returns the section of a detail page", () => {
    expect(getProjectSection("/project/p1/sessions/s-9")).toBe("sessions");
  });

  it("returns empty for the overview", () => {
    expect(getProjectSection("/project/p1")).toBe("");
  });
});

describe("getSwitchedProjectPath", () => {
  it("keeps the section and query", () => {
    expect(getSwitchedProjectPath("/project/p1/traces", "?range=7d", "p2")).toBe(
      "/project/p2/traces?range=7d",
    );
  });

  it("drops the id of a detail page", () => {
    expect(getSwitchedProjectPath("/project/p1/traces/t-1", "", "p2")).toBe("/project/p2/traces");
  });

  it("keeps the overview", () => {
    expect(getSwitchedProjectPath("/project/p1", "?range=30d", "p2")).toBe("/project/p2?range=30d");
  });
});
