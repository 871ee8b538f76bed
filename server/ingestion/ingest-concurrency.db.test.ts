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

const ENTITY_COUNT = 40;

function batchFor(seed: number) {
  const events = [];
  for (let i = 0; i < ENTITY_COUNT; i++) {
    events.push(
      langfuseEvent("trace-create", `2026-01-15T10:00:${String(i % 60).padStart(2, "0")}Z`, {
        id: `t-${i}`,
        name: `trace ${i}`,
        tags: [`from-${seed}`],
      }),
      langfuseEvent("span-create", "2026-01-15T10:00:00Z", {
        id: `s-${i}`,
        traceId: `t-${(i + seed) % ENTITY_COUNT}`,
        startTime: "2026-01-15T10:00:00Z",
      }),
    );
  }
  // Each batch names the same rows in its own order.
  return seed % 2 === 0 ? events : events.reverse();
}

describe("concurrent batches", () => {
  it("store overlapping rows without errors", async () => {
    const results = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((seed) => project.ingest(batchFor(seed))),
    );
    for (const result of results) {
      expect(result.errors).toEqual([]);
      expect(result.successes).toHaveLength(ENTITY_COUNT * 2);
    }
    expect(await project.count("traces")).toBe(ENTITY_COUNT);
    expect(await project.count("observations")).toBe(ENTITY_COUNT);
    const trace = await project.trace("t-7");
    expect([...trace?.tags].sort()).toEqual([
      "from-0",
      "from-1",
      "from-2",
      "from-3",
      "from-4",
      "from-5",
    ]);
  });
});
