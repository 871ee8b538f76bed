import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/credentials";
import { closeDb, getDb } from "../db/client";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { createCaller } from "../trpc/root";
import { contextFor, createMember, seedTraces } from "./test-helpers";

// Items added through the API are all listed, and the header counts, the list and the
// claim flow agree at every step.

const db = getDb();
let project: TestProject;
let otherProject: TestProject;
let first: SessionUser;
let second: SessionUser;

beforeAll(async () => {
  project = await createTestProject(db);
  otherProject = await createTestProject(db);
  first = await createMember(db, project.organizationId);
  second = await createMember(db, project.organizationId);
  await seedTraces(db, project.projectId, ["t-1", "t-2", "t-3"], { sessionId: "s-1" });
  await seedTraces(db, otherProject.projectId, ["foreign-trace"]);
  await db.reviewSettings.create({
    data: { projectId: project.projectId, samplePercent: 30, doubleReviewPercent: 0 },
  });
});

afterAll(async () => {
  await closeDb();
});

describe("review queue consistency", () => {
  it("accepts existing objects and rejects unknown ones per item", async () => {
    const result = await createCaller(contextFor(db, first)).review.addItems({
      projectId: project.projectId,
      items: [
        { traceId: "t-1" },
        { traceId: "t-2" },
        { observationId: "t-3-gen" },
        { sessionId: "s-1" },
        { traceId: "no-such-trace" },
        { traceId: "foreign-trace" },
      ],
    });
    expect(result.acceptedCount).toBe(4);
    expect(result.rejectedCount).toBe(2);
    expect(result.results[4]).toMatchObject({ status: "rejected", field: "traceId" });
    expect(result.results[5]).toMatchObject({ status: "rejected", field: "traceId" });
  });

  it("lists every counted item", async () => {
    const page = await createCaller(contextFor(db, first)).review.list({
      projectId: project.projectId,
      limit: 100,
    });
    expect(page.counts).toEqual({ total: 4, pending: 4, inReview: 0, completed: 0 });
    expect(page.items).toHaveLength(4);
    expect(page.totalItems).toBe(4);
  });

  it("keeps counts, list and claims in step", async () => {
    const firstCaller = createCaller(contextFor(db, first));
    const secondCaller = createCaller(contextFor(db, second));
    const claimed = await firstCaller.review.claimNext({ projectId: project.projectId });
    expect(claimed.item).not.toBeNull();
    await firstCaller.review.submitVerdict({
      projectId: project.projectId,
      itemId: claimed.item!.id,
      verdict: "pass",
    });
    const locked = await firstCaller.review.claimNext({ projectId: project.projectId });

    const page = await secondCaller.review.list({ projectId: project.projectId, limit: 100 });
    expect(page.counts).toEqual({ total: 4, pending: 2, inReview: 1, completed: 1 });
    for (const status of ["pending", "in_review", "completed"] as const) {
      const filtered = await secondCaller.review.list({
        projectId: project.projectId,
        filters: { status },
        limit: 100,
      });
      expect(filtered.items.map((item) => item.status)).toEqual(
        Array(filtered.totalItems).fill(status),
      );
    }

    const seen = new Set<string>();
    for (;;) {
      const next = await secondCaller.review.claimNext({ projectId: project.projectId });
      if (!next.item) {
        expect(next.counts.pending).toBe(0);
        break;
      }
      seen.add(next.item.id);
      await secondCaller.review.submitVerdict({
        projectId: project.projectId,
        itemId: next.item.id,
        verdict: "fail",
        labels: ["tone"],
      });
    }
    expect(seen.has(claimed.item!.id)).toBe(false);
    expect(seen.has(locked.item!.id)).toBe(false);
    expect(seen.size).toBe(2);
  });

  it("keeps completed items viewable", async () => {
    const caller = createCaller(contextFor(db, second));
    const completed = await caller.review.list({
      projectId: project.projectId,
      filters: { status: "completed" },
    });
    expect(completed.totalItems).toBe(3);
    const detail = await caller.review.get({
      projectId: project.projectId,
      itemId: completed.items[0]!.id,
    });
    expect(detail.item.status).toBe("completed");
    expect(detail.verdicts).toHaveLength(1);
  });
});
