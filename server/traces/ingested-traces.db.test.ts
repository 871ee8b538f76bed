import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "../db/client";
import { ingestEvents, type IngestionEvent, type ObservationPatch } from "../ingestion";
import { createTestProject } from "../testing/fixtures";
import { getTraceOrThrow } from "./get-trace";
import { listTraces } from "./list-traces";
import { getObservationOrThrow } from "./observations";
import { DEFAULT_TRACE_SORT } from "./types";

// Read-side behaviour on rows written by the real ingestion service.

const db = getDb();
const pool = getPool();
const at = (second: number) => new Date(Date.UTC(2026, 6, 10, 9, 0, second));
let projectId: string;
let eventCount = 0;

function observationEvent(body: ObservationPatch): IngestionEvent {
  eventCount += 1;
  return {
    eventId: `event-${eventCount}`,
    timestamp: body.startTime ?? at(0),
    entity: "observation",
    body,
  };
}

async function ingest(events: IngestionEvent[]) {
  const result = await ingestEvents(db, projectId, events);
  expect(result.errors).toEqual([]);
}

function describeTree(rows: Awaited<ReturnType<typeof getTraceOrThrow>>["observations"]) {
  return rows.map((r) =>
    r.kind === "observation"
      ? `${r.depth}:${r.observation.id}`
      : `${r.depth}:missing(${r.parentObservationId})`,
  );
}

async function listedIds(): Promise<string[]> {
  const page = await listTraces(pool, projectId, {}, DEFAULT_TRACE_SORT, {
    mode: "cursor",
    limit: 10,
  });
  return page.rows.map((r) => r.id);
}

beforeAll(async () => {
  projectId = (await createTestProject(db)).projectId;
});

afterAll(async () => {
  await closeDb();
});

describe("spans whose parent arrives later", () => {
  const span = (id: string, parent: string | null, start: number, end: number) =>
    observationEvent({
      id,
      type: "SPAN",
      traceId: "late-parent",
      parentObservationId: parent,
      name: id,
      startTime: at(start),
      endTime: at(end),
    });

  it("shows a lone child under its missing parent", async () => {
    await ingest([span("C", "B", 2, 3)]);
    expect(await listedIds()).toEqual(["late-parent"]);
    const detail = await getTraceOrThrow(pool, projectId, "late-parent");
    expect(describeTree(detail.observations)).toEqual(["0:missing(B)", "1:C"]);
  });

  it("nests the orphan under the root once it arrives", async () => {
    await ingest([span("A", null, 0, 10)]);
    expect(await listedIds()).toEqual(["late-parent"]);
    const detail = await getTraceOrThrow(pool, projectId, "late-parent");
    expect(describeTree(detail.observations)).toEqual(["0:A", "1:missing(B)", "2:C"]);
    expect(detail.aggregates.latencyMs).toBe(10_000);
  });

  it("joins the chain when the parent arrives", async () => {
    await ingest([span("B", "A", 1, 4)]);
    const detail = await getTraceOrThrow(pool, projectId, "late-parent");
    expect(describeTree(detail.observations)).toEqual(["0:A", "1:B", "2:C"]);
    expect(detail.aggregates.observationCount).toBe(3);
  });
});

describe("deep values written by ingestion", () => {
  const CHAIN_LENGTH = 5000;

  beforeAll(async () => {
    let input: unknown = { v: 1 };
    for (let i = 0; i < 10_000; i++) input = { a: input };
    const events = [
      observationEvent({
        id: "deep-io",
        type: "GENERATION",
        traceId: "deep",
        startTime: at(0),
        input,
        output: `${"> ".repeat(3000)}end`,
      }),
    ];
    for (let i = 0; i < CHAIN_LENGTH; i++) {
      events.push(
        observationEvent({
          id: `chain-${i}`,
          type: "SPAN",
          traceId: "deep",
          parentObservationId: i === 0 ? null : `chain-${i - 1}`,
          startTime: at(1),
        }),
      );
    }
    await ingest(events);
  });

  it("orders a 5000-deep chain", async () => {
    const detail = await getTraceOrThrow(pool, projectId, "deep");
    const last = detail.observations.at(-1);
    expect(detail.observations).toHaveLength(CHAIN_LENGTH + 1);
    expect(last).toMatchObject({ kind: "observation", depth: CHAIN_LENGTH - 1 });
  });

  it("returns 10000-level input as text", async () => {
    const observation = await getObservationOrThrow(pool, projectId, "deep-io");
    expect(observation.inputJson?.length).toBeGreaterThan(50_000);
    expect(observation.outputJson).toContain("end");
  });
});
