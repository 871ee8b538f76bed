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

describe("dirty rollup hours", () => {
  it("marks trace and observation hours", async () => {
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", {
        id: "t",
        timestamp: "2026-01-15T10:59:59Z",
      }),
      langfuseEvent("span-create", "2026-01-15T10:00:00Z", {
        id: "s",
        traceId: "t",
        startTime: "2026-01-15T11:00:01Z",
      }),
    ]);
    expect(await project.dirtyHours()).toEqual([
      "2026-01-15T10:00:00.000Z",
      "2026-01-15T11:00:00.000Z",
    ]);
  });

  it("marks old and new start hour", async () => {
    await project.ingest([
      langfuseEvent("span-update", "2026-01-15T12:30:00Z", { id: "s", traceId: "t" }),
    ]);
    await project.ingest([
      langfuseEvent("span-create", "2026-01-15T08:00:00Z", {
        id: "s",
        traceId: "t",
        startTime: "2026-01-15T08:15:00Z",
      }),
    ]);
    expect(await project.dirtyHours()).toEqual([
      "2026-01-15T08:00:00.000Z",
      "2026-01-15T12:00:00.000Z",
    ]);
  });

  it("marks observation hours on user change", async () => {
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:00:00Z", {
        id: "t",
        timestamp: "2026-01-15T10:00:00Z",
        userId: "u1",
      }),
      langfuseEvent("span-create", "2026-01-15T10:00:00Z", {
        id: "s",
        traceId: "t",
        startTime: "2026-01-15T13:00:00Z",
      }),
    ]);
    const { getPool } = await import("../db/client");
    await getPool().query("DELETE FROM rollup_dirty_hours WHERE project_id = $1", [
      project.projectId,
    ]);
    await project.ingest([
      langfuseEvent("trace-create", "2026-01-15T10:01:00Z", { id: "t", userId: "u2" }),
    ]);
    expect(await project.dirtyHours()).toEqual([
      "2026-01-15T10:00:00.000Z",
      "2026-01-15T13:00:00.000Z",
    ]);
  });
});
