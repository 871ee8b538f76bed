import { describe, expect, it } from "vitest";
import type { IngestionEvent, ObservationPatch, ScorePatch, TracePatch } from "../ingestion/events";
import { generateDemoEvents, type DemoOptions } from "./generate";

const OPTIONS: DemoOptions = {
  seed: 42,
  now: new Date("2026-06-30T12:00:00Z"),
  traceCount: 600,
  days: 30,
};

const events = generateDemoEvents(OPTIONS);
const traces = events.filter((e) => e.entity === "trace").map((e) => e.body as TracePatch);
const observations = events
  .filter((e) => e.entity === "observation")
  .map((e) => e.body as ObservationPatch);
const scores = events.filter((e) => e.entity === "score").map((e) => e.body as ScorePatch);
const generations = observations.filter((o) => o.type === "GENERATION");

function bodyTimes(event: IngestionEvent): Date[] {
  const body = event.body as ObservationPatch & TracePatch;
  return [body.timestamp, body.startTime, body.endTime].filter((t): t is Date => t != null);
}

describe("generateDemoEvents", () => {
  it("repeats for the same seed", () => {
    expect(generateDemoEvents(OPTIONS)).toEqual(events);
  });

  it("differs for another seed", () => {
    const other = generateDemoEvents({ ...OPTIONS, seed: 43 });
    expect(other[0]).not.toEqual(events[0]);
  });

  it("creates the requested trace count", () => {
    expect(traces).toHaveLength(OPTIONS.traceCount);
    expect(new Set(traces.map((t) => t.id)).size).toBe(OPTIONS.traceCount);
  });

  it("keeps every time inside the window", () => {
    const windowStart = OPTIONS.now.getTime() - OPTIONS.days * 24 * 3600 * 1000;
    const times = events.flatMap(bodyTimes).map((t) => t.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(windowStart);
    expect(Math.max(...times)).toBeLessThanOrEqual(OPTIONS.now.getTime());
  });

  it("gives event ids that are unique", () => {
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  });

  it("links observations to generated traces", () => {
    const traceIds = new Set(traces.map((t) => t.id));
    expect(observations.every((o) => traceIds.has(o.traceId!))).toBe(true);
  });

  it("nests children inside their parent span", () => {
    const byId = new Map(observations.map((o) => [o.id, o]));
    const children = observations.filter((o) => o.parentObservationId);
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) {
      const parent = byId.get(child.parentObservationId!);
      expect(parent?.type).toBe("SPAN");
      expect(parent?.traceId).toBe(child.traceId);
      expect(child.startTime!.getTime()).toBeGreaterThanOrEqual(parent!.startTime!.getTime());
      expect(child.endTime!.getTime()).toBeLessThanOrEqual(parent!.endTime!.getTime());
    }
  });

  it("ends every observation after it starts", () => {
    for (const o of observations) {
      expect(o.endTime!.getTime()).toBeGreaterThanOrEqual(o.startTime!.getTime());
    }
  });

  it("uses the four demo models", () => {
    const models = new Set(generations.map((g) => g.model));
    expect([...models].sort()).toEqual([
      "claude-3-5-sonnet-20241022",
      "gpt-4o",
      "gpt-4o-mini",
      "o3-mini",
    ]);
  });

  it("adds usage whose total is input plus output", () => {
    const withUsage = generations.filter((g) => g.usageDetails);
    expect(withUsage.length).toBeGreaterThan(generations.length * 0.9);
    for (const { usageDetails } of withUsage) {
      expect(usageDetails!.total).toBe(usageDetails!.input! + usageDetails!.output!);
    }
  });

  it("keeps reasoning tokens inside output", () => {
    const reasoning = generations.filter((g) => g.usageDetails?.output_reasoning_tokens);
    expect(reasoning.length).toBeGreaterThan(0);
    for (const { usageDetails } of reasoning) {
      expect(usageDetails!.output_reasoning_tokens).toBeLessThan(usageDetails!.output!);
    }
  });

  it("includes failed calls with a status message", () => {
    const failed = observations.filter((o) => o.level === "ERROR" && o.type === "GENERATION");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((o) => o.statusMessage && o.output === null)).toBe(true);
  });

  it("includes slow calls", () => {
    const durations = generations.map((g) => g.endTime!.getTime() - g.startTime!.getTime());
    expect(durations.filter((ms) => ms > 15_000).length).toBeGreaterThan(0);
  });

  it("records prompt names and versions", () => {
    const prompts = new Set(generations.map((g) => `${g.promptName}@${g.promptVersion}`));
    expect(prompts).toContain("support-answer@1");
    expect(prompts).toContain("support-answer@3");
    expect(prompts).toContain("ticket-summary@2");
  });

  it("adds boolean helpful scores", () => {
    expect(scores.length).toBeGreaterThan(OPTIONS.traceCount * 0.1);
    expect(scores.every((s) => s.name === "helpful" && s.dataType === "BOOLEAN")).toBe(true);
    expect(new Set(scores.map((s) => s.value))).toEqual(new Set([0, 1]));
  });

  it("includes exchanges for the safety checks", () => {
    const inputs = generations.map((g) => JSON.stringify(g.input ?? null));
    const outputs = generations.map((g) => JSON.stringify(g.output ?? null));
    expect(inputs.some((text) => /previous instructions|hidden instructions/.test(text))).toBe(
      true,
    );
    expect(inputs.some((text) => /DAN|developer mode|unfiltered/.test(text))).toBe(true);
    expect(outputs.some((text) => text.includes("@example."))).toBe(true);
    expect(outputs.some((text) => /I'm sorry, but I can't|I cannot provide/.test(text))).toBe(true);
    expect(outputs.some((text) => /stupid|pathetic|dumb/.test(text))).toBe(true);
  });

  it("repeats support questions", () => {
    const questions = generations
      .filter((g) => g.promptName === "support-answer")
      .map((g) => JSON.stringify((g.input as { content: string }[])[1]));
    expect(new Set(questions).size).toBeLessThan(questions.length / 2);
  });

  it("groups traces into sessions of several users", () => {
    const sessions = new Map<string, number>();
    for (const t of traces) {
      if (t.sessionId) sessions.set(t.sessionId, (sessions.get(t.sessionId) ?? 0) + 1);
    }
    expect([...sessions.values()].some((count) => count > 1)).toBe(true);
    expect(new Set(traces.map((t) => t.userId)).size).toBeGreaterThan(5);
  });
});
