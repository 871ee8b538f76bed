import { describe, expect, it } from "vitest";
import {
  parseTraceListFilters,
  parseTraceListSort,
  writeTraceListFilters,
  writeTraceListSort,
} from "./trace-list-params";

describe("trace list params", () => {
  it("reads every filter", () => {
    const params = new URLSearchParams(
      "name=chat&user=u1&session=s1&model=gpt-4o&tag=a&tag=b&level=ERROR&q=hello",
    );
    expect(parseTraceListFilters(params)).toEqual({
      name: "chat",
      userId: "u1",
      sessionId: "s1",
      model: "gpt-4o",
      tags: ["a", "b"],
      level: "ERROR",
      search: "hello",
    });
  });

  it("drops an unknown level and blank values", () => {
    expect(parseTraceListFilters(new URLSearchParams("level=FATAL&name=%20&tag="))).toEqual({});
  });

  it("caps long values", () => {
    const filters = parseTraceListFilters(new URLSearchParams(`q=${"x".repeat(500)}`));
    expect(filters.search).toHaveLength(200);
  });

  it("round-trips filters and keeps other params", () => {
    const params = new URLSearchParams("range=24h&tag=old");
    writeTraceListFilters(params, { userId: "u 1", tags: ["x", "y"], level: "WARNING" });
    expect(params.get("range")).toBe("24h");
    expect(parseTraceListFilters(params)).toEqual({
      userId: "u 1",
      tags: ["x", "y"],
      level: "WARNING",
    });
  });

  it("round-trips the safety flag and drops unknown flags", () => {
    const params = new URLSearchParams();
    writeTraceListFilters(params, { safetyFlag: "pii" });
    expect(params.get("flag")).toBe("pii");
    expect(parseTraceListFilters(params)).toEqual({ safetyFlag: "pii" });
    expect(parseTraceListFilters(new URLSearchParams("flag=nonsense"))).toEqual({});
  });

  it("reads and writes the sort", () => {
    const params = new URLSearchParams();
    writeTraceListSort(params, { field: "cost", direction: "asc" });
    expect(parseTraceListSort(params)).toEqual({ field: "cost", direction: "asc" });
    writeTraceListSort(params, { field: "timestamp", direction: "desc" });
    expect(params.has("sort")).toBe(false);
  });

  it("falls back to newest first", () => {
    expect(parseTraceListSort(new URLSearchParams("sort=name.asc"))).toEqual({
      field: "timestamp",
      direction: "desc",
    });
  });
});
