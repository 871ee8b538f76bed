import { describe, expect, it } from "vitest";
import type { ObservationPatch } from "../events";
import { EventValidationError } from "../prepare-events";
import { convertLangfuseEvent } from "./convert";

const RECEIVED_AT = new Date("2026-01-15T12:00:00Z");

function convertGeneration(body: Record<string, unknown>, type = "generation-create") {
  const event = convertLangfuseEvent(
    { id: "e1", type, timestamp: "2026-01-15T10:00:00Z", body: { id: "g1", ...body } },
    RECEIVED_AT,
  );
  return event!.body as ObservationPatch;
}

describe("convertLangfuseEvent", () => {
  it("reads legacy usage", () => {
    const patch = convertGeneration({ usage: { input: 100, output: 20, unit: "TOKENS" } });
    expect(patch.usageDetails).toEqual({ input: 100, output: 20, total: 120 });
  });

  it("reads OpenAI-style usage", () => {
    const patch = convertGeneration({
      usage: { promptTokens: 2000, completionTokens: 1970, totalTokens: 3970 },
    });
    expect(patch.usageDetails).toEqual({ input: 2000, output: 1970, total: 3970 });
  });

  it("prefers usageDetails over usage", () => {
    const patch = convertGeneration({ usage: { input: 1 }, usageDetails: { input: 5, output: 6 } });
    expect(patch.usageDetails).toEqual({ input: 5, output: 6, total: 11 });
  });

  it("reads legacy usage costs as provided cost", () => {
    const patch = convertGeneration({ usage: { input: 10, inputCost: 0.5, outputCost: 0.25 } });
    expect(patch.costDetails).toEqual({ input: 0.5, output: 0.25, total: 0.75 });
  });

  it("leaves absent fields absent and keeps nulls", () => {
    const patch = convertGeneration({ output: null }, "generation-update");
    expect(patch).toHaveProperty("output", null);
    expect(patch).not.toHaveProperty("input");
    expect(patch).not.toHaveProperty("usageDetails");
    expect(patch).not.toHaveProperty("startTime");
  });

  it("takes the type of a legacy observation from its body", () => {
    const patch = convertGeneration({ type: "EVENT" }, "observation-create");
    expect(patch.type).toBe("EVENT");
  });

  it("keeps non-object metadata under a key", () => {
    expect(convertGeneration({ metadata: "note" }).metadata).toEqual({ metadata: "note" });
  });

  it("reads a naive time as UTC", () => {
    const patch = convertGeneration({ startTime: "2026-03-03T20:15:03.650083" });
    expect(patch.startTime?.toISOString()).toBe("2026-03-03T20:15:03.650Z");
  });

  it("drops sdk-log events", () => {
    const event = convertLangfuseEvent(
      { id: "e1", type: "sdk-log", timestamp: "2026-01-15T10:00:00Z", body: { log: "x" } },
      RECEIVED_AT,
    );
    expect(event).toBeNull();
  });

  it("uses the receive time without an event time", () => {
    const event = convertLangfuseEvent({ id: "e1", type: "trace-create", body: {} }, RECEIVED_AT);
    expect(event!.timestamp).toEqual(RECEIVED_AT);
    expect(typeof event!.body.id).toBe("string");
  });

  it.each([
    [{ id: "e1", type: "magic-create", body: {} }, "type"],
    [{ id: "e1", type: "toString", body: {} }, "type"],
    [{ id: "e1", type: "span-update", body: { name: "x" } }, "body.id"],
    [{ id: "e1", type: "observation-create", body: {} }, "body.type"],
    [{ id: "e1", type: "generation-create", body: { startTime: "soon" } }, "body.startTime"],
    [{ id: "e1", type: "generation-create", body: { level: "LOUD" } }, "body.level"],
    [{ id: "e1", type: "trace-create", body: { tags: "a" } }, "body.tags"],
    [{ type: "trace-create", body: {} }, "id"],
  ])("rejects %j naming %s", (raw, field) => {
    try {
      convertLangfuseEvent(raw, RECEIVED_AT);
      throw new Error("expected a validation error");
    } catch (error) {
      expect(error).toBeInstanceOf(EventValidationError);
      expect((error as EventValidationError).field).toBe(field);
    }
  });
});
