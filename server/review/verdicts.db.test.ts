import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/credentials";
import { closeDb, getDb, getPool } from "../db/client";
import { ingestEvents } from "../ingestion";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { addReviewItems } from "./add-items";
import { scanNegativeFeedback } from "./feedback-scan";
import { restoreMissingVerdictScores } from "./restore-scores";
import { createMember, seedTraces } from "./test-helpers";
import { submitVerdict } from "./verdicts";

const db = getDb();
const pool = getPool();
let project: TestProject;
let reviewer: SessionUser;

beforeAll(async () => {
  project = await createTestProject(db);
  reviewer = await createMember(db, project.organizationId);
  await db.reviewSettings.create({
    data: { projectId: project.projectId, doubleReviewPercent: 0, lowRatingMax: 2 },
  });
  await seedTraces(db, project.projectId, ["t-obs", "t-trace", "t-merge", "t-fine", "t-eval"]);
});

afterAll(async () => {
  await closeDb();
});

describe("submitVerdict", () => {
  it("writes ANNOTATION scores on the observation and its trace", async () => {
    const added = await addReviewItems(db, pool, project.projectId, [
      { observationId: "t-obs-gen" },
    ]);
    const itemId = (added.results[0] as { itemId: string }).itemId;
    await submitVerdict(db, project.projectId, itemId, reviewer.id, {
      verdict: "fail",
      labels: ["hallucination", "outdated"],
      comment: "cites a 2019 price list",
      correctedOutput: "The current price is 12 EUR.",
    });
    const scores = await db.score.findMany({
      where: { projectId: project.projectId, traceId: "t-obs" },
      orderBy: [{ name: "asc" }, { stringValue: "asc" }],
    });
    expect(scores.map((s) => [s.name, s.dataType, s.value, s.stringValue])).toEqual([
      ["review", "BOOLEAN", 0, "false"],
      ["review-label", "CATEGORICAL", null, "hallucination"],
      ["review-label", "CATEGORICAL", null, "outdated"],
    ]);
    for (const score of scores) {
      expect(score.source).toBe("ANNOTATION");
      expect(score.observationId).toBe("t-obs-gen");
      expect(score.authorUserId).toBe(reviewer.id);
    }
    expect(scores[0]!.comment).toBe("cites a 2019 price list");
    const item = await db.reviewItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.correctedOutput).toBe("The current price is 12 EUR.");
    expect(item.reviewedBy).toBe(reviewer.id);
    expect(item.verdict).toBe("FAIL");
  });
});

describe("restoreMissingVerdictScores", () => {
  it("writes scores that a verdict lost", async () => {
    const where = { projectId: project.projectId, traceId: "t-obs", source: "ANNOTATION" as const };
    const before = await db.score.findMany({ where, orderBy: { id: "asc" } });
    await db.score.deleteMany({ where });

    const restored = await restoreMissingVerdictScores(db, pool, new Date(Date.now() - 60_000));
    expect(restored).toBeGreaterThanOrEqual(1);
    const after = await db.score.findMany({ where, orderBy: { id: "asc" } });
    expect(after.map((s) => [s.id, s.name, s.value, s.stringValue, s.comment])).toEqual(
      before.map((s) => [s.id, s.name, s.value, s.stringValue, s.comment]),
    );
  });
});

describe("submitVerdict on a session", () => {
  it("writes the scores on the session", async () => {
    await seedTraces(db, project.projectId, ["t-session"], { sessionId: "session-1" });
    const added = await addReviewItems(db, pool, project.projectId, [{ sessionId: "session-1" }]);
    const itemId = (added.results[0] as { itemId: string }).itemId;
    await submitVerdict(db, project.projectId, itemId, reviewer.id, {
      verdict: "pass",
      labels: ["tone"],
    });
    const scores = await db.score.findMany({
      where: { projectId: project.projectId, sessionId: "session-1" },
      orderBy: { name: "asc" },
    });
    expect(scores.map((score) => [score.name, score.value, score.stringValue])).toEqual([
      ["review", 1, "true"],
      ["review-label", null, "tone"],
    ]);
    expect(scores.every((score) => score.traceId === null)).toBe(true);
  });
});

describe("scanNegativeFeedback", () => {
  beforeAll(async () => {
    await addReviewItems(db, pool, project.projectId, [{ observationId: "t-merge-gen" }]);
    const at = new Date();
    const score = (id: string, body: Record<string, unknown>) => ({
      entity: "score" as const,
      eventId: id,
      timestamp: at,
      body: { id, name: "feedback", timestamp: at, ...body } as never,
    });
    const result = await ingestEvents(db, project.projectId, [
      score("thumbs-down", { traceId: "t-trace", dataType: "BOOLEAN", value: 0 }),
      score("low-stars", { traceId: "t-obs", observationId: "t-obs-gen", value: 1 }),
      score("merged", { traceId: "t-merge", dataType: "BOOLEAN", value: 0 }),
      score("thumbs-up", { traceId: "t-fine", dataType: "BOOLEAN", value: 1 }),
      score("good-stars", { traceId: "t-fine", value: 4 }),
      score("eval-zero", { traceId: "t-eval", dataType: "BOOLEAN", value: 0, source: "EVAL" }),
    ]);
    expect(result.errors).toEqual([]);
    await scanNegativeFeedback(pool);
  });

  it("queues a trace with a thumbs-down", async () => {
    const item = await db.reviewItem.findFirstOrThrow({
      where: { projectId: project.projectId, objectType: "TRACE", objectId: "t-trace" },
    });
    expect(item.reasons).toEqual(["negative_feedback"]);
    expect(item.priority).toBe(0);
  });

  it("merges a low rating into the observation's item", async () => {
    const item = await db.reviewItem.findFirstOrThrow({
      where: { projectId: project.projectId, objectId: "t-obs-gen" },
    });
    expect(item.reasons).toEqual(["manual", "negative_feedback"]);
  });

  it("adds trace feedback to the generation already queued", async () => {
    const items = await db.reviewItem.findMany({
      where: { projectId: project.projectId, traceId: "t-merge" },
    });
    expect(items.map((item) => [item.objectType, item.reasons])).toEqual([
      ["OBSERVATION", ["manual", "negative_feedback"]],
    ]);
  });

  it("ignores positive feedback, EVAL scores and its own verdicts", async () => {
    const ignored = await db.reviewItem.count({
      where: { projectId: project.projectId, traceId: { in: ["t-fine", "t-eval"] } },
    });
    expect(ignored).toBe(0);
    const traced = await db.reviewItem.count({
      where: { projectId: project.projectId, objectType: { not: "SESSION" } },
    });
    expect(traced).toBe(3);
  });

  it("skips feedback of a deleted project", async () => {
    const gone = await createTestProject(db);
    const at = new Date();
    await ingestEvents(db, gone.projectId, [
      {
        entity: "score",
        eventId: "gone-thumbs-down",
        timestamp: at,
        body: {
          id: "gone-thumbs-down",
          name: "feedback",
          traceId: "t",
          dataType: "BOOLEAN",
          value: 0,
          timestamp: at,
        } as never,
      },
    ]);
    // Scores have no foreign key to projects, so a raw delete leaves them behind.
    await db.project.delete({ where: { id: gone.projectId } });

    await expect(scanNegativeFeedback(pool)).resolves.toBeGreaterThanOrEqual(0);
    expect(await db.reviewItem.count({ where: { projectId: gone.projectId } })).toBe(0);
  });

  it("reads nothing new on a second scan", async () => {
    const query = { where: { projectId: project.projectId }, orderBy: { id: "asc" as const } };
    const before = await db.reviewItem.findMany(query);
    await scanNegativeFeedback(pool);
    const after = await db.reviewItem.findMany(query);
    expect(after.map((item) => item.reasons)).toEqual(before.map((item) => item.reasons));
  });
});
