import { describe, expect, it } from "vitest";
import { getProjectSection, getRangeQuery, getSwitchedProjectPath } from "./nav-items";

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

  it("keeps the settings tab", () => {
    expect(getSwitchedProjectPath("/project/p1/settings/members", "", "p2")).toBe(
      "/project/p2/settings/members",
    );
  });

  it("keeps the settings section without a tab", () => {
    expect(getSwitchedProjectPath("/project/p1/settings", "", "p2")).toBe("/project/p2/settings");
  });

  it("keeps the overview", () => {
    expect(getSwitchedProjectPath("/project/p1", "?range=30d", "p2")).toBe("/project/p2?range=30d");
  });
});

describe("getRangeQuery", () => {
  it("keeps a preset", () => {
    expect(getRangeQuery(new URLSearchParams("range=24h"))).toBe("?range=24h");
  });

  it("keeps custom dates", () => {
    expect(getRangeQuery(new URLSearchParams("from=2026-06-01&to=2026-06-07"))).toBe(
      "?from=2026-06-01&to=2026-06-07",
    );
  });

  it("drops filters, sort and page", () => {
    const search = new URLSearchParams("name=chat&sort=cost.desc&page=3&range=30d&user=u1");
    expect(getRangeQuery(search)).toBe("?range=30d");
  });

  it("returns empty without a range", () => {
    expect(getRangeQuery(new URLSearchParams("name=chat"))).toBe("");
  });
});
