import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb } from "../db/client";
import {
  createIngestionTestProject,
  langfuseEvent,
  type IngestionTestProject,
} from "./test-helpers";

let project: IngestionTestProject;

beforeEach(async () => {
  project = await createIngestionTestProject();
});

afterAll(async () => {
  await closeDb();
});

const UPDATE = langfuseEvent("generation-update", "2026-01-15T10:00:05.000Z", {
  id: "gen-ooo",
  traceId: "trace-ooo",
  endTime: "2026-01-15T10:00:05.000Z",
  output: "done",
  usageDetails: { input: 100, output: 20 },
});
const CREATE = langfuseEvent("generation-create", "2026-01-15T10:00:00.000Z", {
  id: "gen-ooo",
  traceId: "trace-ooo",
  name: "llm",
  model: "gpt-4o-mini",
  startTime: "2026-01-15T10:00:00.000Z",
  input: "hi",
});

async function expectConvergedGeneration(): Promise<void> {
  const row = await project.observation("gen-ooo");
  expect(row?.name).toBe("llm");
  expect(row?.model).toBe("gpt-4o-mini");
  expect(row?.input).toBe("hi");
  expect(row?.output).toBe("done");
  expect(row?.start_time.toISOString()).toBe("2026-01-15T10:00:00.000Z");
  expect(row?.start_time_estimated).toBe(false);
  expect(row?.end_time.toISOString()).toBe("2026-01-15T10:00:05.000Z");
  expect(row?.input_tokens).toBe(100);
  expect(row?.output_tokens).toBe(20);
  expect(row?.usage_estimated).toBe(false);
  expect(row?.cost_source).toBe("computed");
  expect(Number(row?.total_cost)).toBeGreaterThan(0);
  expect(await project.count("observations")).toBe(1);
}

describe("ingestion ordering", () => {
  it("converges update before create", async () => {
    await project.ingest([UPDATE]);
    await project.ingest([CREATE]);
    await expectConvergedGeneration();
  });

  it("converges a reversed batch", async () => {
    await project.ingest([UPDATE, CREATE]);
    await expectConvergedGeneration();
  });

  it("converges a re-sent batch", async () => {
    await project.ingest([CREATE, UPDATE]);
    await project.ingest([CREATE, UPDATE]);
    await project.ingest([UPDATE]);
    await expectConvergedGeneration();
  });

  it("stores an update without its create", async () => {
    const result = await project.ingest([UPDATE]);
    expect(result.errors).toEqual([]);
    const row = await project.observation("gen-ooo");
    expect(row?.output).toBe("done");
    expect(row?.start_time.toISOString()).toBe("2026-01-15T10:00:05.000Z");
    expect(row?.start_time_estimated).toBe(true);
    const trace = await project.trace("trace-ooo");
    expect(trace?.timestamp.toISOString()).toBe("2026-01-15T10:00:05.000Z");
    expect(trace?.timestamp_estimated).toBe(true);
  });

  it("older event fills only empty fields", async () => {
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:03Z", { id: "t", name: "B", release: "r2" }),
    ]);
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:01Z", { id: "t", name: "A", version: "v1" }),
    ]);
    const trace = await project.trace("t");
    expect(trace?.name).toBe("B");
    expect(trace?.release).toBe("r2");
    expect(trace?.version).toBe("v1");
  });

  it("applies per-field times in batch", async () => {
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:03Z", { id: "t", name: "B" }),
    ]);
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:01Z", { id: "t", name: "A" }),
      langfuseEvent("trace-create", "2026-01-15T10:00:05Z", { id: "t", output: "X" }),
    ]);
    const trace = await project.trace("t");
    expect(trace?.name).toBe("B");
    expect(trace?.output).toBe("X");
  });

  it("breaks equal event times by arrival", async () => {
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", { id: "t", name: "first" }),
    ]);
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", { id: "t", name: "second" }),
    ]);
    expect((await project.trace("t"))?.name).toBe("second");
  });

  it("clears on null and keeps omitted fields", async () => {
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", {
        id: "t",
        output: "o",
        metadata: { a: 1 },
        tags: ["x"],
      }),
    ]);
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:01:00Z", {
        id: "t",
        output: null,
        metadata: null,
        tags: null,
      }),
    ]);
    const cleared = await project.trace("t");
    expect(cleared?.output).toBeNull();
    expect(cleared?.metadata).toBeNull();
    expect(cleared?.tags).toEqual([]);

    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:02:00Z", { id: "t", name: "n" }),
    ]);
    const kept = await project.trace("t");
    expect(kept?.name).toBe("n");
    expect(kept?.output).toBeNull();
  });

  it("merges metadata and unions tags", async () => {
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", {
        id: "t",
        metadata: { a: 1, b: 1 },
        tags: ["x", "y"],
      }),
    ]);
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:01Z", {
        id: "t",
        metadata: { b: 2, c: 3 },
        tags: ["y", "z"],
      }),
    ]);
    const trace = await project.trace("t");
    expect(trace?.metadata).toEqual({ a: 1, b: 2, c: 3 });
    expect(trace?.tags).toEqual(["x", "y", "z"]);
  });

  it("keeps newer metadata keys", async () => {
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:05Z", { id: "t", metadata: { k: "new" } }),
    ]);
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", {
        id: "t",
        metadata: { k: "old", extra: 1 },
      }),
    ]);
    expect((await project.trace("t"))?.metadata).toEqual({ k: "new", extra: 1 });
  });

  it("creates a trace for an unknown trace id", async () => {
    await project.ingest([
      langfuseEvent("span-create", "2026-01-15T10:00:00Z", {
        id: "s1",
        traceId: "implicit",
        startTime: "2026-01-15T09:59:00Z",
        environment: "staging",
      }),
    ]);
    const trace = await project.trace("implicit");
    expect(trace?.timestamp.toISOString()).toBe("2026-01-15T09:59:00.000Z");
    expect(trace?.timestamp_estimated).toBe(true);
    expect(trace?.environment).toBe("staging");
  });

  it("real trace replaces implicit trace", async () => {
    await project.ingest([
      langfuseEvent("span-create", "2026-01-15T10:00:00Z", {
        id: "s1",
        traceId: "t",
        startTime: "2026-01-15T10:00:00Z",
        environment: "staging",
      }),
    ]);
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T09:00:00Z", {
        id: "t",
        name: "real",
        timestamp: "2026-01-15T10:00:30Z",
        environment: "production",
      }),
    ]);
    const trace = await project.trace("t");
    expect(trace?.name).toBe("real");
    expect(trace?.timestamp.toISOString()).toBe("2026-01-15T10:00:30.000Z");
    expect(trace?.timestamp_estimated).toBe(false);
    expect(trace?.environment).toBe("production");
  });

  it("keeps real trace on late observations", async () => {
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", {
        id: "t",
        name: "real",
        timestamp: "2026-01-15T10:00:30Z",
      }),
    ]);
    await project.ingest([
      langfuseEvent("span-create", "2026-01-15T10:00:00Z", {
        id: "s1",
        traceId: "t",
        startTime: "2026-01-15T10:00:00Z",
      }),
    ]);
    const trace = await project.trace("t");
    expect(trace?.name).toBe("real");
    expect(trace?.timestamp.toISOString()).toBe("2026-01-15T10:00:30.000Z");
  });

  it("moves implicit trace to earliest start", async () => {
    await project.ingest([
      langfuseEvent("span-create", "2026-01-15T10:05:00Z", {
        id: "late",
        traceId: "t",
        startTime: "2026-01-15T10:05:00Z",
      }),
    ]);
    await project.ingest([
      langfuseEvent("span-create", "2026-01-15T10:01:00Z", {
        id: "early",
        traceId: "t",
        startTime: "2026-01-15T10:01:00Z",
      }),
    ]);
    expect((await project.trace("t"))?.timestamp.toISOString()).toBe("2026-01-15T10:01:00.000Z");
  });

  it("keeps earliest explicit trace timestamp", async () => {
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:05Z", {
        id: "t",
        timestamp: "2026-01-15T10:00:05Z",
        output: "updated",
      }),
    ]);
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", {
        id: "t",
        timestamp: "2026-01-15T10:00:00Z",
        name: "created",
      }),
    ]);
    const trace = await project.trace("t");
    expect(trace?.timestamp.toISOString()).toBe("2026-01-15T10:00:00.000Z");
    expect(trace?.name).toBe("created");
    expect(trace?.output).toBe("updated");
  });

  it("gives traceless observation own trace", async () => {
    await project.ingest([langfuseEvent("span-create", "2026-01-15T10:00:00Z", { id: "lonely" })]);
    expect((await project.observation("lonely"))?.trace_id).toBe("lonely");
    expect(await project.trace("lonely")).toBeDefined();

    await project.ingest([
      langfuseEvent("span-update", "2026-01-15T10:00:01Z", { id: "lonely", traceId: "real" }),
    ]);
    expect((await project.observation("lonely"))?.trace_id).toBe("real");
    expect(await project.trace("real")).toBeDefined();
  });

  it("keeps the first parent observation id", async () => {
    await project.ingest([
      langfuseEvent("span-create", "2026-01-15T10:00:00Z", {
        id: "child",
        traceId: "t",
        parentObservationId: "p1",
      }),
    ]);
    await project.ingest([
      langfuseEvent("span-update", "2026-01-15T10:00:01Z", {
        id: "child",
        traceId: "t",
        parentObservationId: "p2",
      }),
    ]);
    expect((await project.observation("child"))?.parent_observation_id).toBe("p1");
  });

  it("stores good event beside bad one", async () => {
    const result = await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", { id: "good" }),
      langfuseEvent("span-create", "2026-01-15T10:00:00Z", { id: "bad", startTime: "soon" }),
    ]);
    expect(result.successes).toHaveLength(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.status).toBe(400);
    expect(result.errors[0]?.message).toMatch(/body\.startTime/);
    expect(await project.trace("good")).toBeDefined();
    expect(await project.observation("bad")).toBeUndefined();
  });
});
