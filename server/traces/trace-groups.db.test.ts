import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "../db/client";
import { createTestProject } from "../testing/fixtures";
import { loadTraceFilterOptions } from "./filter-options";
import { getSessionOrThrow, listSessions, SESSION_PREVIEW_CHARS } from "./sessions";
import { seedObservations, seedScores, seedTraces } from "./test-seed";
import { getUserOrThrow, listUsers } from "./users";

const pool = getPool();
const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 10, minute));
const window = { from: at(0), to: at(60) };
let projectId: string;

beforeAll(async () => {
  projectId = (await createTestProject(getDb())).projectId;
  await seedTraces(pool, projectId, [
    {
      id: "t1",
      timestamp: at(1),
      userId: "alice",
      sessionId: "s-a",
      name: "chat",
      input: '"hello"',
      tags: ["x"],
    },
    {
      id: "t2",
      timestamp: at(2),
      userId: "alice",
      sessionId: "s-a",
      name: "chat",
      output: JSON.stringify("y".repeat(SESSION_PREVIEW_CHARS + 10)),
    },
    {
      id: "t3",
      timestamp: at(3),
      userId: "bob",
      sessionId: "s-b",
      name: "search",
      tags: ["x", "y"],
    },
    { id: "t4", timestamp: at(4), userId: "carol" },
  ]);
  await seedObservations(pool, projectId, [
    {
      id: "g1",
      traceId: "t1",
      type: "GENERATION",
      startTime: at(1),
      model: "gpt-4o",
      totalTokens: 100,
      totalCost: 0.5,
    },
    {
      id: "g2",
      traceId: "t2",
      type: "GENERATION",
      startTime: at(2),
      model: "gpt-4o",
      totalTokens: 50,
      totalCost: 0.25,
    },
    {
      id: "g3",
      traceId: "t3",
      type: "GENERATION",
      startTime: at(3),
      model: "local",
      totalTokens: 1000,
    },
  ]);
  await seedScores(pool, projectId, [
    { id: "ss", name: "resolved", sessionId: "s-a", value: 1, timestamp: at(5) },
  ]);
});

afterAll(async () => {
  await closeDb();
});

const firstPage = { page: 1, limit: 10 };

describe("listSessions", () => {
  it("groups traces by session, latest first", async () => {
    const page = await listSessions(
      pool,
      projectId,
      window,
      { field: "lastSeen", direction: "desc" },
      firstPage,
    );
    expect(page.totalItems).toBe(2);
    expect(page.rows.map((r) => [r.sessionId, r.traceCount])).toEqual([
      ["s-b", 1],
      ["s-a", 2],
    ]);
  });

  it("sums tokens and cost per session", async () => {
    const page = await listSessions(
      pool,
      projectId,
      window,
      { field: "lastSeen", direction: "desc" },
      firstPage,
    );
    const session = page.rows.find((r) => r.sessionId === "s-a")!;
    expect(session.totalTokens).toBe(150);
    expect(session.totalCost).toBeCloseTo(0.75, 10);
    expect(session.userIds).toEqual(["alice"]);
  });

  it("sorts by cost with unknown cost last", async () => {
    const page = await listSessions(
      pool,
      projectId,
      window,
      { field: "cost", direction: "asc" },
      firstPage,
    );
    expect(page.rows.map((r) => r.sessionId)).toEqual(["s-a", "s-b"]);
    expect(page.rows[1]!.totalCost).toBeNull();
  });
});

describe("getSessionOrThrow", () => {
  it("returns traces oldest first with previews", async () => {
    const session = await getSessionOrThrow(pool, projectId, "s-a");
    expect(session.traces.map((t) => t.id)).toEqual(["t1", "t2"]);
    expect(session.traces[0]!.inputPreview).toEqual({ text: "hello", truncated: false });
    expect(session.traces[1]!.outputPreview?.truncated).toBe(true);
    expect(session.traces[1]!.outputPreview?.text).toHaveLength(SESSION_PREVIEW_CHARS);
  });

  it("returns session scores", async () => {
    const session = await getSessionOrThrow(pool, projectId, "s-a");
    expect(session.scores.map((s) => s.name)).toEqual(["resolved"]);
  });

  it("reports an unknown session as not found", async () => {
    await expect(getSessionOrThrow(pool, projectId, "nope")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("listUsers", () => {
  it("sorts users by tokens", async () => {
    const page = await listUsers(
      pool,
      projectId,
      window,
      { field: "tokens", direction: "desc" },
      firstPage,
    );
    expect(page.rows.map((r) => [r.userId, r.totalTokens])).toEqual([
      ["bob", 1000],
      ["alice", 150],
      ["carol", null],
    ]);
  });

  it("counts traces and sessions per user", async () => {
    const page = await listUsers(
      pool,
      projectId,
      window,
      { field: "traceCount", direction: "desc" },
      firstPage,
    );
    expect(page.rows[0]).toMatchObject({ userId: "alice", traceCount: 2, sessionCount: 1 });
  });

  it("paginates with exact totals", async () => {
    const page = await listUsers(
      pool,
      projectId,
      window,
      { field: "lastSeen", direction: "desc" },
      { page: 2, limit: 2 },
    );
    expect(page.totalItems).toBe(3);
    expect(page.totalPages).toBe(2);
    expect(page.rows.map((r) => r.userId)).toEqual(["alice"]);
  });

  it("searches user ids", async () => {
    const page = await listUsers(
      pool,
      projectId,
      { ...window, search: "AL" },
      { field: "lastSeen", direction: "desc" },
      firstPage,
    );
    expect(page.rows.map((r) => r.userId)).toEqual(["alice"]);
  });
});

describe("getUserOrThrow", () => {
  it("returns totals and models", async () => {
    const user = await getUserOrThrow(pool, projectId, "alice");
    expect(user.traceCount).toBe(2);
    expect(user.totalCost).toBeCloseTo(0.75, 10);
    expect(user.models).toEqual([
      { model: "gpt-4o", generationCount: 2, totalTokens: 150, totalCost: 0.75 },
    ]);
  });

  it("reports an unknown user as not found", async () => {
    await expect(getUserOrThrow(pool, projectId, "mallory")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("loadTraceFilterOptions", () => {
  it("counts names, models, tags and users", async () => {
    const options = await loadTraceFilterOptions(pool, projectId, window);
    expect(options.names).toEqual([
      { value: "chat", count: 2 },
      { value: "search", count: 1 },
    ]);
    expect(options.models.map((m) => m.value)).toEqual(["gpt-4o", "local"]);
    expect(options.tags).toEqual([
      { value: "x", count: 2 },
      { value: "y", count: 1 },
    ]);
    expect(options.userIds[0]).toEqual({ value: "alice", count: 2 });
  });
});
