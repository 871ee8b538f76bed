import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../db/client";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { seedDemoProject } from "./seed";

const db = getDb();
const TRACE_COUNT = 40;

let project: TestProject;

beforeAll(async () => {
  project = await createTestProject(db);
});

afterAll(async () => {
  await closeDb();
});

describe("seedDemoProject", () => {
  it("stores every generated trace", async () => {
    const result = await seedDemoProject(db, project.projectId, { traceCount: TRACE_COUNT });
    expect(result?.failedEvents).toBe(0);
    expect(await db.trace.count({ where: { projectId: project.projectId } })).toBe(TRACE_COUNT);
  });

  it("stores generations with their cost", async () => {
    const priced = await db.observation.count({
      where: { projectId: project.projectId, type: "GENERATION", totalCost: { not: null } },
    });
    expect(priced).toBeGreaterThan(0);
  });

  it("analyses every seeded generation", async () => {
    const generations = await db.observation.count({
      where: { projectId: project.projectId, type: "GENERATION" },
    });
    const measured = await db.observationMeasure.count({
      where: { projectId: project.projectId },
    });
    expect(measured).toBe(generations);
    expect(await db.analysisQueueItem.count({ where: { projectId: project.projectId } })).toBe(0);
  });

  it("skips a project that has traces", async () => {
    expect(await seedDemoProject(db, project.projectId, { traceCount: TRACE_COUNT })).toBe(null);
    expect(await db.trace.count({ where: { projectId: project.projectId } })).toBe(TRACE_COUNT);
  });
});
