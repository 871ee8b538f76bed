import { describe, expect, it } from "vitest";
import { countQueueFilters, parseQueueState, writeQueueState } from "./queue-params";

const VALUES = {
  statuses: ["pending", "completed"] as const,
  reasons: ["sampled", "failed_check"] as const,
  labels: ["tone", "unsafe"],
};

function parse(query: string) {
  return parseQueueState(new URLSearchParams(query), VALUES);
}

describe("parseQueueState", () => {
  it("reads every filter and the page", () => {
    expect(parse("status=pending&reason=failed_check&assignee=me&label=tone&page=3")).toEqual({
      filters: { status: "pending", reason: "failed_check", assignee: "me", label: "tone" },
      page: 3,
    });
  });

  it("drops values the server does not know", () => {
    expect(parse("status=done&reason=x&label=rude").filters).toEqual({});
  });

  it("starts at page one for bad pages", () => {
    expect(parse("page=0").page).toBe(1);
    expect(parse("page=-4").page).toBe(1);
    expect(parse("page=abc").page).toBe(1);
    expect(parse("page=2.7").page).toBe(2);
  });

  it("bounds the assignee id", () => {
    expect(parse(`assignee=${"a".repeat(500)}`).filters.assignee).toHaveLength(200);
  });

  it("ignores a blank assignee", () => {
    expect(parse("assignee=%20%20").filters.assignee).toBeUndefined();
  });
});

describe("writeQueueState", () => {
  it("round-trips through the URL", () => {
    const state = {
      filters: { status: "completed", reason: "sampled", assignee: "u-1", label: "unsafe" },
      page: 4,
    } as const;
    const params = new URLSearchParams();
    writeQueueState(params, state);
    expect(parse(params.toString())).toEqual(state);
  });

  it("keeps other parameters and removes cleared ones", () => {
    const params = new URLSearchParams("range=7d&status=pending&page=2");
    writeQueueState(params, { filters: {}, page: 1 });
    expect(params.toString()).toBe("range=7d");
  });
});

describe("countQueueFilters", () => {
  it("counts the set filters", () => {
    expect(countQueueFilters({})).toBe(0);
    expect(countQueueFilters({ status: "pending", label: "tone" })).toBe(2);
  });
});
