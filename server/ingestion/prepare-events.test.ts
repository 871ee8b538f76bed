import { describe, expect, it } from "vitest";
import type { IngestionEvent } from "./events";
import { EventValidationError, MAX_KEY_BYTES, prepareEvent } from "./prepare-events";

const AT = new Date("2026-01-15T10:00:05Z");

function observation(body: Record<string, unknown>): IngestionEvent {
  return {
    eventId: "e1",
    timestamp: AT,
    entity: "observation",
    body: { id: "o1", type: "GENERATION", ...body } as never,
  };
}

function score(body: Record<string, unknown>): IngestionEvent {
  return { eventId: "e1", timestamp: AT, entity: "score", body: body as never };
}

function validationError(event: IngestionEvent): EventValidationError {
  try {
    prepareEvent(event, 0);
  } catch (error) {
    if (error instanceof EventValidationError) return error;
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("prepareEvent", () => {
  it("estimates a missing start from the event time", () => {
    const prepared = prepareEvent(observation({ output: "done" }), 0);
    expect(prepared.fields.start_time).toEqual(AT);
    expect(prepared.fields.start_time_estimated).toBe(true);
  });

  it("keeps only sent fields", () => {
    const prepared = prepareEvent(observation({ output: null }), 0);
    expect(prepared.fields).toHaveProperty("output", null);
    expect(prepared.fields).not.toHaveProperty("input");
  });

  it("notes removed NUL characters in metadata", () => {
    const prepared = prepareEvent(observation({ name: "a\u0000b", metadata: { k: 1 } }), 0);
    expect(prepared.fields.name).toBe("ab");
    expect(prepared.fields.metadata).toEqual({ k: 1, "driftwatch.sanitized": "nul" });
  });

  it("notes fields stored as JSON text", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 2_000; i++) deep = [deep];
    const prepared = prepareEvent(observation({ input: deep }), 0);
    expect(typeof prepared.fields.input).toBe("string");
    expect(prepared.fields.metadata).toEqual({ "driftwatch.json_as_string": "input" });
  });

  it("rejects an overlong id", () => {
    const error = validationError(observation({ id: "x".repeat(MAX_KEY_BYTES + 1) }));
    expect(error.field).toBe("id");
  });

  it("rejects an unknown level", () => {
    expect(validationError(observation({ level: "LOUD" })).field).toBe("level");
  });

  it("rejects negative token counts", () => {
    const error = validationError(observation({ usageDetails: { input: -1 } }));
    expect(error.field).toBe("usageDetails.input");
  });

  it("rejects token counts beyond 32 bits", () => {
    const error = validationError(observation({ usageDetails: { total: 2 ** 31 } }));
    expect(error.field).toBe("usageDetails.total");
  });

  it("rejects a score without a target", () => {
    const error = validationError(score({ id: "s1", name: "rating", value: 1 }));
    expect(error.field).toBe("traceId");
  });

  it("rejects a score whose value misses its dataType", () => {
    const error = validationError(
      score({ id: "s1", traceId: "t", name: "thumbs", value: 2, dataType: "BOOLEAN" }),
    );
    expect(error.field).toBe("value");
    expect(error.message).toMatch(/BOOLEAN scores need the value 0 or 1/);
  });

  it("rejects an unknown entity", () => {
    const event = { ...observation({}), entity: "constructor" } as unknown as IngestionEvent;
    expect(validationError(event).field).toBe("entity");
  });

  it("rejects an invalid event time", () => {
    const event = { ...observation({}), timestamp: new Date(Number.NaN) };
    expect(validationError(event).field).toBe("timestamp");
  });
});
