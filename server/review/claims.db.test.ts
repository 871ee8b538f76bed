import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/credentials";
import { closeDb, getDb, getPool } from "../db/client";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { addReviewItems } from "./add-items";
import { assignItems } from "./assign";
import { claimNextItem, releaseItem, skipItem } from "./claims";
import { createMember, seedTraces } from "./test-helpers";
import { submitVerdict } from "./verdicts";

const db = getDb();
const pool = getPool();
const ITEM_COUNT = 30;
const REVIEWER_COUNT = 8;

async function createQueue(traceCount: number, doubleReviewPercent = 0) {
  const project = await createTestProject(db);
  await db.reviewSettings.create({ data: { projectId: project.projectId, doubleReviewPercent } });
  const traceIds = Array.from({ length: traceCount }, (_, i) => `t-${i}`);
  await seedTraces(db, project.projectId, traceIds);
  await addReviewItems(
    db,
    pool,
    project.projectId,
    traceIds.map((traceId) => ({ traceId })),
  );
  return project;
}

async function createReviewers(project: TestProject, count: number): Promise<SessionUser[]> {
  return Promise.all(Array.from({ length: count }, () => createMember(db, project.organizationId)));
}

afterAll(async () => {
  await closeDb();
});

describe("claimNextItem under concurrency", () => {
  let project: TestProject;
  let reviewers: SessionUser[];

  beforeAll(async () => {
    project = await createQueue(ITEM_COUNT);
    reviewers = await createReviewers(project, REVIEWER_COUNT);
  });

  it("never hands one item to two reviewers", async () => {
    const claimedBy = new Map<string, string>();
    const claimAll = async (reviewer: SessionUser) => {
      for (;;) {
        const { item } = await claimNextItem(db, pool, project.projectId, reviewer.id);
        if (!item) return;
        expect(claimedBy.get(item.id), `item ${item.id} claimed twice`).toBeUndefined();
        claimedBy.set(item.id, reviewer.id);
        await submitVerdict(db, project.projectId, item.id, reviewer.id, {
          verdict: "pass",
          labels: [],
        });
      }
    };
    await Promise.all(reviewers.map(claimAll));
    expect(claimedBy.size).toBe(ITEM_COUNT);
  });

  it("reports an empty queue only when nothing is pending", async () => {
    const { item, counts } = await claimNextItem(db, pool, project.projectId, reviewers[0]!.id);
    expect(item).toBeNull();
    expect(counts).toEqual({ total: ITEM_COUNT, pending: 0, inReview: 0, completed: ITEM_COUNT });
  });
});

describe("claims", () => {
  let project: TestProject;
  let alice: SessionUser;
  let bob: SessionUser;

  beforeAll(async () => {
    project = await createQueue(2);
    const reviewers = await createReviewers(project, 2);
    alice = reviewers[0]!;
    bob = reviewers[1]!;
  });

  it("give a reviewer back the item they hold", async () => {
    const first = await claimNextItem(db, pool, project.projectId, alice.id);
    const again = await claimNextItem(db, pool, project.projectId, alice.id);
    expect(again.item!.id).toBe(first.item!.id);
    expect(again.counts.inReview).toBe(1);
  });

  it("free an item once they expire", async () => {
    const heldByAlice = await claimNextItem(db, pool, project.projectId, alice.id);
    const other = await claimNextItem(db, pool, project.projectId, bob.id);
    expect(other.item!.id).not.toBe(heldByAlice.item!.id);
    await pool.query(
      "UPDATE review_items SET claimed_until = now() - interval '1 second' WHERE id = $1",
      [heldByAlice.item!.id],
    );
    await releaseItem(pool, project.projectId, other.item!.id, bob.id);
    await skipItem(pool, project.projectId, other.item!.id, bob.id);
    const freed = await claimNextItem(db, pool, project.projectId, bob.id);
    expect(freed.item!.id).toBe(heldByAlice.item!.id);
  });

  it("reject a verdict on an item someone else holds", async () => {
    const heldByBob = await claimNextItem(db, pool, project.projectId, bob.id);
    await expect(
      submitVerdict(db, project.projectId, heldByBob.item!.id, alice.id, {
        verdict: "fail",
        labels: [],
      }),
    ).rejects.toThrow(/claimed by another reviewer/);
  });

  it("keep a skipped item from the reviewer who skipped it", async () => {
    const items = await db.reviewItem.findMany({ where: { projectId: project.projectId } });
    const skipped = items.find((item) => item.skippedBy.includes(bob.id))!;
    await releaseItem(pool, project.projectId, skipped.id, alice.id);
    const next = await claimNextItem(db, pool, project.projectId, bob.id);
    expect(next.item!.id).not.toBe(skipped.id);
  });
});

describe("assignment", () => {
  it("offers an assigned item only to its assignee", async () => {
    const project = await createQueue(1);
    const [assignee, other] = await createReviewers(project, 2);
    const [item] = await db.reviewItem.findMany({ where: { projectId: project.projectId } });
    await assignItems(db, pool, project.projectId, [item!.id], assignee!.id);
    expect((await claimNextItem(db, pool, project.projectId, other!.id)).item).toBeNull();
    expect((await claimNextItem(db, pool, project.projectId, assignee!.id)).item!.id).toBe(
      item!.id,
    );
  });

  it("rejects an assignee outside the project", async () => {
    const project = await createQueue(1);
    const outsider = await createReviewers(await createTestProject(db), 1);
    const [item] = await db.reviewItem.findMany({ where: { projectId: project.projectId } });
    await expect(
      assignItems(db, pool, project.projectId, [item!.id], outsider[0]!.id),
    ).rejects.toThrow(/cannot review in this project/);
  });
});

describe("double review", () => {
  it("keeps an item pending for a second, different reviewer", async () => {
    const project = await createQueue(1, 100);
    const [first, second] = await createReviewers(project, 2);
    const claimed = await claimNextItem(db, pool, project.projectId, first!.id);
    const afterFirst = await submitVerdict(db, project.projectId, claimed.item!.id, first!.id, {
      verdict: "pass",
      labels: [],
    });
    expect(afterFirst.status).toBe("pending");
    expect((await claimNextItem(db, pool, project.projectId, first!.id)).item).toBeNull();
    const secondClaim = await claimNextItem(db, pool, project.projectId, second!.id);
    expect(secondClaim.item!.id).toBe(claimed.item!.id);
    const done = await submitVerdict(db, project.projectId, claimed.item!.id, second!.id, {
      verdict: "fail",
      labels: ["tone"],
    });
    expect(done.status).toBe("completed");
    expect(done.verdict).toBe("pass");
    expect(done.reviewCount).toBe(2);
    expect(done.labels).toEqual(["tone"]);
  });

  it("refuses a second verdict from the same reviewer", async () => {
    const project = await createQueue(1, 100);
    const [reviewer] = await createReviewers(project, 1);
    const { item } = await claimNextItem(db, pool, project.projectId, reviewer!.id);
    const verdict = { verdict: "pass" as const, labels: [] };
    await submitVerdict(db, project.projectId, item!.id, reviewer!.id, verdict);
    await expect(
      submitVerdict(db, project.projectId, item!.id, reviewer!.id, verdict),
    ).rejects.toThrow(/already reviewed/);
  });
});
