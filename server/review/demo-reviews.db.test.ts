import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "../db/client";
import { seedDemoProject } from "../demo/seed";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { listAudits } from "./audits";
import { seedDemoReviews } from "./demo-reviews";
import { countReviewItems } from "./list-items";
import { createMember } from "./test-helpers";

const db = getDb();
const pool = getPool();
let project: TestProject;
let userId: string;
let verdictCount: number;

beforeAll(async () => {
  project = await createTestProject(db);
  userId = (await createMember(db, project.organizationId)).id;
  await seedDemoProject(db, project.projectId, { traceCount: 400 });
  verdictCount = await seedDemoReviews(db, pool, { ...project, userId });
}, 120_000);

afterAll(async () => {
  await closeDb();
});

describe("seedDemoReviews", () => {
  it("reviews older items and leaves recent ones pending", async () => {
    expect(verdictCount).toBeGreaterThan(0);
    const counts = await countReviewItems(pool, project.projectId);
    expect(counts.completed).toBeGreaterThan(0);
    expect(counts.pending).toBeGreaterThan(0);
  });

  it("writes a review score per verdict", async () => {
    const scores = await db.score.count({
      where: { projectId: project.projectId, name: "review", source: "ANNOTATION" },
    });
    expect(scores).toBe(verdictCount);
  });

  it("stores five weekly audits", async () => {
    const audits = await listAudits(db, project.projectId, 10);
    expect(audits).toHaveLength(5);
    expect(audits.reduce((sum, audit) => sum + audit.reviewed, 0)).toBeGreaterThan(0);
  });

  it("does nothing the second time", async () => {
    expect(await seedDemoReviews(db, pool, { ...project, userId })).toBe(0);
  });
});
