import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalyzedGeneration } from "../analysis/types";
import { closeDb, getDb, getPool } from "../db/client";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { queueAnalyzedGenerations } from "./sample-generations";

const db = getDb();
const GENERATION_COUNT = 10_000;
// Binomial standard deviation at n = 10 000 and p = 0.3 is 0.46 points; 1.5 points is over 3.
const SHARE_TOLERANCE_PERCENT = 1.5;

function generation(projectId: string, i: number, overrides: Partial<AnalyzedGeneration> = {}) {
  return {
    projectId,
    observationId: `gen-${i}`,
    traceId: `trace-${i}`,
    startTime: new Date("2026-12-01T10:00:00Z"),
    name: "answer",
    traceName: "chat",
    model: "gpt-4o",
    promptName: null,
    promptVersion: null,
    level: "DEFAULT",
    userId: null,
    tags: [],
    flags: [],
    toxicity: 0.01,
    ...overrides,
  } satisfies AnalyzedGeneration;
}

async function countItems(projectId: string, reason?: string): Promise<number> {
  return db.reviewItem.count({
    where: { projectId, ...(reason ? { reasons: { has: reason } } : {}) },
  });
}

let project: TestProject;

beforeAll(async () => {
  project = await createTestProject(db);
});

afterAll(async () => {
  await closeDb();
});

describe("sampling at ingestion", () => {
  const generations = () =>
    Array.from({ length: GENERATION_COUNT }, (_, i) => generation(project.projectId, i));

  it("samples the default share within tolerance", async () => {
    await queueAnalyzedGenerations(db, getPool(), generations());
    const sharePercent = ((await countItems(project.projectId)) / GENERATION_COUNT) * 100;
    expect(Math.abs(sharePercent - 30)).toBeLessThan(SHARE_TOLERANCE_PERCENT);
  });

  it("makes the same decision when events come again", async () => {
    const before = await db.reviewItem.findMany({
      where: { projectId: project.projectId },
      select: { id: true, objectId: true },
      orderBy: { objectId: "asc" },
    });
    await queueAnalyzedGenerations(db, getPool(), generations().reverse());
    const after = await db.reviewItem.findMany({
      where: { projectId: project.projectId },
      select: { id: true, objectId: true },
      orderBy: { objectId: "asc" },
    });
    expect(after).toEqual(before);
  });

  it("queues a share of about 10% for double review", async () => {
    const doubled = await db.reviewItem.count({
      where: { projectId: project.projectId, reviewsRequired: 2 },
    });
    const sharePercent = (doubled / (await countItems(project.projectId))) * 100;
    expect(Math.abs(sharePercent - 10)).toBeLessThan(3);
  });
});

describe("flagged outputs", () => {
  let flaggedProject: TestProject;

  beforeAll(async () => {
    flaggedProject = await createTestProject(db);
    await db.reviewSettings.create({
      data: { projectId: flaggedProject.projectId, samplePercent: 0 },
    });
  });

  it("always enter with their reason, even at a share of 0", async () => {
    const { projectId } = flaggedProject;
    await queueAnalyzedGenerations(db, getPool(), [
      generation(projectId, 1, { flags: ["jailbreak", "pii"] }),
      generation(projectId, 2, { toxicity: 0.95 }),
      generation(projectId, 3, { level: "ERROR" }),
      generation(projectId, 4),
      generation(projectId, 5, { toxicity: null }),
    ]);
    const items = await db.reviewItem.findMany({
      where: { projectId },
      orderBy: { objectId: "asc" },
      select: { objectId: true, reasons: true, failedChecks: true, priority: true },
    });
    expect(items).toEqual([
      {
        objectId: "gen-1",
        reasons: ["failed_check"],
        failedChecks: ["jailbreak", "pii"],
        priority: 0,
      },
      { objectId: "gen-2", reasons: ["high_toxicity"], failedChecks: [], priority: 0 },
      { objectId: "gen-3", reasons: ["error"], failedChecks: [], priority: 0 },
    ]);
  });

  it("merges new reasons into the same item", async () => {
    const { projectId } = flaggedProject;
    await queueAnalyzedGenerations(db, getPool(), [
      generation(projectId, 1, { flags: ["toxicity"], toxicity: 0.9 }),
    ]);
    const item = await db.reviewItem.findFirstOrThrow({ where: { projectId, objectId: "gen-1" } });
    expect(item.reasons).toEqual(["failed_check", "high_toxicity"]);
    expect(item.failedChecks).toEqual(["jailbreak", "pii", "toxicity"]);
    expect(await countItems(projectId)).toBe(3);
  });
});

describe("sampling rules", () => {
  it("apply the first matching rule's share", async () => {
    const ruled = await createTestProject(db);
    await db.reviewSettings.create({
      data: {
        projectId: ruled.projectId,
        samplePercent: 0,
        rules: [
          { traceNames: [], models: ["gpt-4o-mini"], tags: [], samplePercent: 100 },
          { traceNames: [], models: [], tags: ["internal"], samplePercent: 0 },
          { traceNames: ["support"], models: [], tags: [], samplePercent: 100 },
        ],
      },
    });
    await queueAnalyzedGenerations(db, getPool(), [
      generation(ruled.projectId, 1, { model: "gpt-4o-mini", tags: ["internal"] }),
      generation(ruled.projectId, 2, { traceName: "support", tags: ["internal"] }),
      generation(ruled.projectId, 3, { traceName: "support" }),
      generation(ruled.projectId, 4),
    ]);
    const items = await db.reviewItem.findMany({
      where: { projectId: ruled.projectId },
      orderBy: { objectId: "asc" },
    });
    expect(items.map((item) => item.objectId)).toEqual(["gen-1", "gen-3"]);
    expect(items.every((item) => item.reasons.includes("sampled"))).toBe(true);
  });
});
