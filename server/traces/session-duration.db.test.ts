import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "../db/client";
import { createTestProject } from "../testing/fixtures";
import { getSessionOrThrow, listSessions } from "./sessions";
import { seedObservations, seedTraces } from "./test-seed";

const pool = getPool();
const at = (second: number) => new Date(Date.UTC(2026, 5, 1, 10, 0, second));
const window = { from: at(0), to: at(600) };
const byLastSeen = { field: "lastSeen", direction: "desc" } as const;
let projectId: string;

beforeAll(async () => {
  projectId = (await createTestProject(getDb())).projectId;
  await seedTraces(pool, projectId, [
    { id: "one", timestamp: at(10), sessionId: "s-one" },
    { id: "long", timestamp: at(20), sessionId: "s-two" },
    { id: "short", timestamp: at(30), sessionId: "s-two" },
    { id: "bare", timestamp: at(40), sessionId: "s-bare" },
  ]);
  await seedObservations(pool, projectId, [
    // 2.4 s of latency, starting a little after the trace's own timestamp.
    { id: "o-one", traceId: "one", startTime: at(11), endTime: new Date(at(13).getTime() + 400) },
    // The earlier trace of s-two ends last: 20 s + 60 s, after the later trace's 30 s + 1 s.
    { id: "o-long", traceId: "long", startTime: at(20), endTime: at(80) },
    { id: "o-short", traceId: "short", startTime: at(30), endTime: at(31) },
  ]);
});

afterAll(async () => {
  await closeDb();
});

async function listDurations(): Promise<Record<string, number>> {
  const page = await listSessions(pool, projectId, window, byLastSeen, { page: 1, limit: 10 });
  return Object.fromEntries(page.rows.map((row) => [row.sessionId, row.durationMs]));
}

describe("session duration", () => {
  it("equals the latency of a single trace", async () => {
    expect((await listDurations())["s-one"]).toBe(2_400);
  });

  it("runs to the latest trace end", async () => {
    expect((await listDurations())["s-two"]).toBe(60_000);
  });

  it("is zero for a trace without observations", async () => {
    expect((await listDurations())["s-bare"]).toBe(0);
  });

  it("agrees between the list and the session page", async () => {
    const session = await getSessionOrThrow(pool, projectId, "s-one");
    expect(session.durationMs).toBe(2_400);
  });
});
