import { describe, expect, it } from "vitest";
import type { IngestionEvent } from "./events";
import { mergeEvents, type MergedRow } from "./merge";
import { prepareEvent } from "./prepare-events";

function traceEvent(time: string, body: Record<string, unknown>): IngestionEvent {
  return {
    eventId: `e-${time}`,
    timestamp: new Date(time),
    entity: "trace",
    body: { id: "t", ...body },
  };
}

function mergeTrace(events: IngestionEvent[]): MergedRow {
  const merged = mergeEvents(events.map((event, index) => prepareEvent(event, index)));
  return merged.get("trace")![0]!;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const EVENTS = [
  traceEvent("2026-01-15T10:00:00Z", {
    name: "first",
    timestamp: "2026-01-15T10:00:00Z",
    metadata: { a: 1, b: 1 },
    tags: ["x"],
  }),
  traceEvent("2026-01-15T10:00:05Z", { name: "second", metadata: { b: 2 }, tags: ["y"] }),
  traceEvent("2026-01-15T10:00:03Z", { output: "done", metadata: { c: 3 }, tags: ["x", "z"] }),
];

describe("mergeEvents", () => {
  it("lets the newest event win a field", () => {
    expect(mergeTrace(EVENTS).fields.name).toBe("second");
  });

  it("merges metadata with newer keys winning", () => {
    expect(mergeTrace(EVENTS).fields.metadata).toEqual({ a: 1, b: 2, c: 3 });
  });

  it("gives the same fields in every arrival order", () => {
    const expected = mergeTrace(EVENTS);
    for (const order of permutations(EVENTS)) {
      const row = mergeTrace(order);
      expect(row.fields.name).toBe(expected.fields.name);
      expect(row.fields.output).toBe(expected.fields.output);
      expect(row.fields.metadata).toEqual(expected.fields.metadata);
      expect([...(row.fields.tags as string[])].sort()).toEqual(["x", "y", "z"]);
      expect(row.fields.timestamp).toEqual(new Date("2026-01-15T10:00:00Z"));
      expect(row.eventTime).toBe(new Date("2026-01-15T10:00:05Z").getTime());
    }
  });

  it("lets an explicit start beat an estimate", () => {
    const row = mergeTrace([
      traceEvent("2026-01-15T09:00:00Z", { name: "no timestamp" }),
      traceEvent("2026-01-15T10:00:00Z", { timestamp: "2026-01-15T09:30:00Z" }),
    ]);
    expect(row.fields.timestamp).toEqual(new Date("2026-01-15T09:30:00Z"));
    expect(row.fields.timestamp_estimated).toBe(false);
  });

  it("clears a field on null", () => {
    const row = mergeTrace([
      traceEvent("2026-01-15T10:00:00Z", { metadata: { a: 1 }, output: "x" }),
      traceEvent("2026-01-15T10:00:01Z", { metadata: null, output: null }),
    ]);
    expect(row.fields.metadata).toBeNull();
    expect(row.fields.output).toBeNull();
  });

  it("breaks equal times by request order", () => {
    const row = mergeTrace([
      traceEvent("2026-01-15T10:00:00Z", { name: "a" }),
      traceEvent("2026-01-15T10:00:00Z", { name: "b" }),
    ]);
    expect(row.fields.name).toBe("b");
  });

  it("records the time of fields an older event set", () => {
    const row = mergeTrace(EVENTS);
    expect(row.fieldTimes.output).toBe(new Date("2026-01-15T10:00:03Z").getTime());
    expect(row.fieldTimes.name).toBe(new Date("2026-01-15T10:00:05Z").getTime());
  });
});
