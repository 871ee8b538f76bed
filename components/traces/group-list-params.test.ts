import { describe, expect, it } from "vitest";
import { parseGroupListState, writeGroupListState } from "./group-list-params";

describe("group list params", () => {
  it("defaults to latest first on page one", () => {
    expect(parseGroupListState(new URLSearchParams())).toEqual({
      search: undefined,
      sort: { field: "lastSeen", direction: "desc" },
      page: 1,
    });
  });

  it("reads search, sort and page", () => {
    expect(parseGroupListState(new URLSearchParams("q=al&sort=cost.asc&page=3"))).toEqual({
      search: "al",
      sort: { field: "cost", direction: "asc" },
      page: 3,
    });
  });

  it("clamps an invalid page to one", () => {
    expect(parseGroupListState(new URLSearchParams("page=-4")).page).toBe(1);
    expect(parseGroupListState(new URLSearchParams("page=abc")).page).toBe(1);
  });

  it("writes only non-default values", () => {
    const params = new URLSearchParams("range=24h&page=5");
    writeGroupListState(params, { sort: { field: "lastSeen", direction: "desc" }, page: 1 });
    expect(params.toString()).toBe("range=24h");
  });
});
