import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "../db/client";
import { ingestEvents } from "./service";
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

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

describe("payload edge cases", () => {
  it("strips NUL and notes it in metadata", async () => {
    const result = await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00.000Z", {
        id: "trace-nul",
        name: "nul\u0000name",
        input: { text: "frame\u0000by\u0000frame" },
        metadata: { "k\u0000ey": "v\u0000" },
      }),
      langfuseEvent("trace-create", "2026-01-15T10:00:00.000Z", { id: "trace-ok", name: "ok" }),
    ]);
    expect(result.errors).toEqual([]);
    const trace = await project.trace("trace-nul");
    expect(trace?.name).toBe("nulname");
    expect(trace?.input).toEqual({ text: "framebyframe" });
    expect(trace?.metadata).toEqual({ key: "v", "driftwatch.sanitized": "nul" });
    expect((await project.trace("trace-ok"))?.name).toBe("ok");
  });

  it("strips NUL from a score comment", async () => {
    await project.ingest([
      langfuseEvent("score-create", "2026-01-15T10:00:00.000Z", {
        id: "s-nul",
        traceId: "t",
        name: "rating",
        value: 1,
        comment: "bad\u0000byte",
      }),
    ]);
    const score = await project.score("s-nul");
    expect(score?.comment).toBe("badbyte");
    expect(score?.metadata).toEqual({ "driftwatch.sanitized": "nul" });
  });

  it("round-trips non-ASCII text exactly", async () => {
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", {
        id: "t",
        name: "héllo 🚀",
        input: "日本語 ✓",
      }),
    ]);
    const trace = await project.trace("t");
    expect(trace?.name).toBe("héllo 🚀");
    expect(trace?.input).toBe("日本語 ✓");
  });

  it("stores 10,000 levels as text", async () => {
    let input: unknown = { v: 1 };
    for (let i = 0; i < 10_000; i++) input = { a: input };
    const output = "> ".repeat(3000) + "end";
    const result = await project.ingest([
      langfuseEvent("generation-create", "2026-01-15T10:00:00Z", {
        id: "deep",
        traceId: "t",
        input,
        output,
      }),
    ]);
    expect(result.errors).toEqual([]);
    const row = await project.observation("deep");
    expect(typeof row?.input).toBe("string");
    expect((row?.input as string).length).toBe(10_000 * '{"a":'.length + '{"v":1}'.length + 10_000);
    expect(row?.output).toBe(output);
    expect(row?.metadata).toEqual({ "driftwatch.json_as_string": "input" });
  });

  it("stores a 5,000-deep span chain", async () => {
    const spans = Array.from({ length: 5_000 }, (_, i) =>
      langfuseEvent("span-create", "2026-01-15T10:00:00Z", {
        id: `span-${i}`,
        traceId: "chain",
        parentObservationId: i === 0 ? undefined : `span-${i - 1}`,
      }),
    );
    const result = await project.ingest(spans);
    expect(result.errors).toEqual([]);
    expect(await project.count("observations")).toBe(5_000);
    expect((await project.observation("span-4999"))?.parent_observation_id).toBe("span-4998");
  });

  it("stores a 1.5 MB input byte-exact", async () => {
    const input = "lorem ".repeat(262_144);
    await project.ingest([
      langfuseEvent("generation-create", "2026-01-15T10:00:00Z", {
        id: "big",
        traceId: "t",
        input,
      }),
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", { id: "tiny" }),
    ]);
    const result = await getPool().query(
      "SELECT input #>> '{}' AS text FROM observations WHERE project_id = $1 AND id = 'big'",
      [project.projectId],
    );
    expect(sha256(result.rows[0].text)).toBe(sha256(input));
    expect(await project.trace("tiny")).toBeDefined();
  });

  it("reads all timestamp forms alike", async () => {
    const result = await project.ingest([
      langfuseEvent("span-create", "2026-03-03T20:15:03.650083", {
        id: "span-naive",
        traceId: "trace-ts",
        startTime: "2026-03-03T20:15:03.650083",
        endTime: "2026-03-03T20:15:04.650083",
      }),
      langfuseEvent("span-create", "2026-03-03T20:15:03.650083123Z", {
        id: "span-nanos",
        traceId: "trace-ts",
        startTime: "2026-03-03T20:15:03.650083123Z",
        endTime: "2026-03-03T20:15:04.650083123Z",
      }),
      langfuseEvent("span-create", "2026-03-03T22:15:03.650+02:00", {
        id: "span-offset",
        traceId: "trace-ts",
        startTime: "2026-03-03T22:15:03.650+02:00",
        endTime: "2026-03-03T22:15:04.650+02:00",
      }),
    ]);
    expect(result.errors).toEqual([]);
    for (const id of ["span-naive", "span-nanos", "span-offset"]) {
      const row = await project.observation(id);
      expect(row?.start_time.toISOString()).toBe("2026-03-03T20:15:03.650Z");
      expect(row?.end_time.getTime() - row?.start_time.getTime()).toBe(1000);
    }
  });

  it("stores valid events beside invalid", async () => {
    const result = await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", { id: "a" }),
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", { id: "x".repeat(2000) }),
      langfuseEvent("generation-create", "2026-01-15T10:00:00Z", {
        id: "g",
        traceId: "a",
        usageDetails: { input: -5 },
      }),
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", { id: "b" }),
    ]);
    expect(result.successes).toHaveLength(2);
    expect(result.errors.map((error) => error.status)).toEqual([400, 400]);
    const messages = result.errors.map((error) => error.message).sort();
    expect(messages[0]).toMatch(/body\.usageDetails\.input: must not be negative/);
    expect(messages[1]).toMatch(/id: must be at most 1000 bytes/);
    expect(await project.count("traces")).toBe(2);
  });

  it("fails only the rejected entity", async () => {
    const at = new Date("2026-01-15T10:00:00Z");
    const result = await ingestEvents(getDb(), project.projectId, [
      { eventId: "good", timestamp: at, entity: "trace", body: { id: "kept" } },
      {
        eventId: "overflow",
        timestamp: at,
        entity: "observation",
        // Each bucket is below the numeric(20,10) limit, but their sum is not.
        body: {
          id: "g",
          type: "GENERATION",
          traceId: "kept",
          costDetails: { input: 9e9, output: 9e9 },
        },
      },
    ]);
    expect(result.successes).toEqual([{ id: "good", status: 201 }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.id).toBe("overflow");
    expect(result.errors[0]?.status).toBe(400);
    expect(result.errors[0]?.message).toMatch(/could not be stored/);
    expect(await project.trace("kept")).toBeDefined();
    expect(await project.observation("g")).toBeUndefined();
  });
});
