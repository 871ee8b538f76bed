import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEEP_JSON_LEVELS } from "../testing/deep-json";
import { closeDb, getDb, getPool } from "../db/client";
import { createTestProject } from "../testing/fixtures";
import { getTraceOrThrow } from "./get-trace";
import { getObservationOrThrow, listObservations } from "./observations";
import { seedObservations, seedScores, seedTraces } from "./test-seed";

const pool = getPool();
const at = (second: number) => new Date(Date.UTC(2026, 5, 1, 10, 0, second));
const DEEP_LEVELS = DEEP_JSON_LEVELS;
const deepJson = `${'{"a":'.repeat(DEEP_LEVELS)}1${"}".repeat(DEEP_LEVELS)}`;
let projectId: string;
let otherProjectId: string;

beforeAll(async () => {
  projectId = (await createTestProject(getDb())).projectId;
  otherProjectId = (await createTestProject(getDb())).projectId;
  await seedTraces(pool, projectId, [
    { id: "trace/with spaces?&#", timestamp: at(0), name: "agent", input: deepJson },
  ]);
  await seedObservations(pool, projectId, [
    { id: "A", traceId: "trace/with spaces?&#", startTime: at(0), endTime: at(9) },
    {
      id: "C",
      traceId: "trace/with spaces?&#",
      parentObservationId: "B",
      startTime: at(2),
      endTime: at(3),
      type: "GENERATION",
      model: "gpt-4o",
      input: deepJson,
      output: '"done"',
    },
  ]);
  await seedScores(pool, projectId, [
    { id: "sc1", name: "helpful", traceId: "trace/with spaces?&#", value: 0, timestamp: at(5) },
    {
      id: "sc2",
      name: "accuracy",
      traceId: "trace/with spaces?&#",
      observationId: "C",
      value: 0.5,
      timestamp: at(6),
    },
  ]);
  await seedTraces(pool, otherProjectId, [{ id: "secret", timestamp: at(0) }]);
});

afterAll(async () => {
  await closeDb();
});

describe("getTraceOrThrow", () => {
  it("returns observations in tree order with a missing parent", async () => {
    const detail = await getTraceOrThrow(pool, projectId, "trace/with spaces?&#");
    const rows = detail.observations.map((r) =>
      r.kind === "observation"
        ? `${r.depth}:${r.observation.id}`
        : `${r.depth}:missing(${r.parentObservationId})`,
    );
    expect(rows).toEqual(["0:A", "1:missing(B)", "2:C"]);
  });

  it("includes the orphan in latency", async () => {
    const detail = await getTraceOrThrow(pool, projectId, "trace/with spaces?&#");
    expect(detail.aggregates.latencyMs).toBe(9000);
    expect(detail.aggregates.observationCount).toBe(2);
  });

  it("returns scores including zero values", async () => {
    const detail = await getTraceOrThrow(pool, projectId, "trace/with spaces?&#");
    expect(detail.scores.map((s) => [s.name, s.value])).toEqual([
      ["helpful", 0],
      ["accuracy", 0.5],
    ]);
  });

  it("returns deeply nested input as JSON text", async () => {
    const detail = await getTraceOrThrow(pool, projectId, "trace/with spaces?&#");
    expect(detail.trace.inputJson?.replace(/\s/g, "")).toBe(deepJson);
  });

  it("reports another project's trace as not found", async () => {
    await expect(getTraceOrThrow(pool, projectId, "secret")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("getObservationOrThrow", () => {
  it("returns input and output as JSON text", async () => {
    const observation = await getObservationOrThrow(pool, projectId, "C");
    expect(observation.inputJson?.length).toBeGreaterThan(DEEP_LEVELS * 5);
    expect(observation.outputJson).toBe('"done"');
  });

  it("returns the observation's scores", async () => {
    const observation = await getObservationOrThrow(pool, projectId, "C");
    expect(observation.scores.map((s) => s.id)).toEqual(["sc2"]);
  });

  it("reports another project's observation as not found", async () => {
    await expect(getObservationOrThrow(pool, otherProjectId, "C")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("listObservations", () => {
  it("filters by type with exact totals", async () => {
    const page = await listObservations(
      pool,
      projectId,
      { type: "GENERATION" },
      { page: 1, limit: 10 },
    );
    expect(page.totalItems).toBe(1);
    expect(page.rows.map((r) => r.id)).toEqual(["C"]);
  });

  it("lists newest first", async () => {
    const page = await listObservations(pool, projectId, {}, { page: 1, limit: 10 });
    expect(page.rows.map((r) => r.id)).toEqual(["C", "A"]);
  });

  it("returns an empty page past the end", async () => {
    const page = await listObservations(pool, projectId, {}, { page: 3, limit: 10 });
    expect(page.rows).toEqual([]);
    expect(page.totalItems).toBe(2);
  });
});
