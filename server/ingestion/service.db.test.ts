import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "../db/client";
import { createTestProject, type TestProject } from "../testing/fixtures";
import type { IngestionEvent } from "./events";
import { ingestEvents } from "./service";

let project: TestProject;

beforeAll(async () => {
  project = await createTestProject();
});

afterAll(async () => {
  await closeDb();
});

function at(iso: string): Date {
  return new Date(iso);
}

async function readObservation(id: string) {
  const result = await getPool().query(
    "SELECT * FROM observations WHERE project_id = $1 AND id = $2",
    [project.projectId, id],
  );
  return result.rows[0];
}

async function readTrace(id: string) {
  const result = await getPool().query("SELECT * FROM traces WHERE project_id = $1 AND id = $2", [
    project.projectId,
    id,
  ]);
  return result.rows[0];
}

describe("ingestEvents", () => {
  it("stores a trace with a generation", async () => {
    const events: IngestionEvent[] = [
      {
        eventId: "e1",
        timestamp: at("2026-01-15T10:00:00Z"),
        entity: "trace",
        body: { id: "t-basic", name: "chat", userId: "u1", tags: ["a"] },
      },
      {
        eventId: "e2",
        timestamp: at("2026-01-15T10:00:01Z"),
        entity: "observation",
        body: {
          id: "g-basic",
          type: "GENERATION",
          traceId: "t-basic",
          model: "gpt-4o",
          startTime: at("2026-01-15T10:00:00Z"),
          endTime: at("2026-01-15T10:00:02Z"),
          input: "hi",
          output: "hello",
          usageDetails: { input: 1000, output: 500, total: 1500 },
        },
      },
    ];
    const result = await ingestEvents(getDb(), project.projectId, events);
    expect(result.errors).toEqual([]);
    const generation = await readObservation("g-basic");
    expect(generation.input_tokens).toBe(1000);
    expect(Number(generation.total_cost)).toBeCloseTo(0.0075, 10);
    const trace = await readTrace("t-basic");
    expect(trace.name).toBe("chat");
  });
});
