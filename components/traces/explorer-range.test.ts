import { describe, expect, it } from "vitest";
import { parseExplorerRange, resolveExplorerRange, writeExplorerRange } from "./explorer-range";

const now = new Date("2026-06-28T12:34:56.789Z");

describe("parseExplorerRange", () => {
  it("defaults to seven days", () => {
    expect(parseExplorerRange(new URLSearchParams())).toEqual({ kind: "preset", preset: "7d" });
  });

  it("ignores an unknown preset", () => {
    expect(parseExplorerRange(new URLSearchParams("range=5y"))).toEqual({
      kind: "preset",
      preset: "7d",
    });
  });

  it("reads custom dates", () => {
    expect(parseExplorerRange(new URLSearchParams("from=2026-06-01&to=2026-06-02"))).toEqual({
      kind: "custom",
      fromDate: "2026-06-01",
      toDate: "2026-06-02",
    });
  });

  it("round-trips through the URL", () => {
    const params = new URLSearchParams("range=24h&name=x");
    writeExplorerRange(params, { kind: "custom", fromDate: "2026-01-01", toDate: "2026-01-31" });
    expect(params.toString()).toBe("name=x&from=2026-01-01&to=2026-01-31");
  });
});

describe("resolveExplorerRange", () => {
  it("ends a preset at the next minute", () => {
    const window = resolveExplorerRange({ kind: "preset", preset: "1h" }, "UTC", now);
    expect(window?.to.toISOString()).toBe("2026-06-28T12:35:00.000Z");
    expect(window?.from.toISOString()).toBe("2026-06-28T11:35:00.000Z");
  });

  it("covers whole local days of custom dates", () => {
    const window = resolveExplorerRange(
      { kind: "custom", fromDate: "2026-06-28", toDate: "2026-06-28" },
      "America/Los_Angeles",
      now,
    );
    expect(window?.from.toISOString()).toBe("2026-06-28T07:00:00.000Z");
    expect(window?.to.toISOString()).toBe("2026-06-29T07:00:00.000Z");
  });

  it("rejects reversed custom dates", () => {
    const range = { kind: "custom", fromDate: "2026-06-28", toDate: "2026-06-01" } as const;
    expect(resolveExplorerRange(range, "UTC", now)).toBeNull();
  });
});
