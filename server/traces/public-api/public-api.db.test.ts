import { Langfuse } from "langfuse";
import { DEEP_JSON_LEVELS } from "../../testing/deep-json";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "../../db/client";
import { createTestProject, type TestProject } from "../../testing/fixtures";
import { startRouteServer, type RouteServer } from "../../testing/route-server";
import { seedObservations, seedScores, seedTraces } from "../test-seed";

const pool = getPool();
const at = (second: number) => new Date(Date.UTC(2026, 5, 1, 12, 0, second));
const SAME_TIME = new Date(Date.UTC(2026, 5, 2, 8, 0, 0));
const ODD_ID = "trace/with spaces?&#%2F";
const DEEP_LEVELS = DEEP_JSON_LEVELS;
const deepJson = `${'{"a":'.repeat(DEEP_LEVELS)}1${"}".repeat(DEEP_LEVELS)}`;

let server: RouteServer;
let projectA: TestProject;
let projectB: TestProject;
let pagedProject: TestProject;

/** A record as the public API returns it; the assertions check its fields. */
type ApiRecord = Record<string, unknown> & { id: string };

interface TraceBody extends Record<string, unknown> {
  id: string;
  input: unknown;
  observations: ApiRecord[];
}

interface SessionBody extends Record<string, unknown> {
  traces: ApiRecord[];
}

interface ListBody {
  data: ApiRecord[];
  meta: {
    page: number;
    limit: number;
    totalItems: number;
    totalPages: number;
    nextCursor?: string | null;
  };
}

async function get(path: string, project: TestProject | null = projectA) {
  const headers: Record<string, string> = project ? { authorization: project.authorization } : {};
  return fetch(`${server.baseUrl}${path}`, { headers });
}

async function getJson<Body>(path: string, project: TestProject = projectA): Promise<Body> {
  const response = await get(path, project);
  expect(response.status, `${path} status`).toBe(200);
  return response.json();
}

const paddedId = (i: number) => `same-${String(i).padStart(3, "0")}`;

beforeAll(async () => {
  server = await startRouteServer();
  [projectA, projectB, pagedProject] = await Promise.all([
    createTestProject(getDb()),
    createTestProject(getDb()),
    createTestProject(getDb()),
  ]);
  await seedTraces(pool, projectA.projectId, [
    {
      id: ODD_ID,
      timestamp: at(0),
      name: "agent",
      userId: "u1",
      sessionId: "sess 1",
      tags: ["a", "b"],
      input: deepJson,
      output: '"ok"',
      metadata: '{"k":"v"}',
    },
    { id: "plain", timestamp: at(10), name: "plain", userId: "u2", sessionId: "sess 1" },
  ]);
  await seedObservations(pool, projectA.projectId, [
    { id: "span-1", traceId: ODD_ID, startTime: at(0), endTime: at(4), name: "root" },
    {
      id: "gen-1",
      traceId: ODD_ID,
      parentObservationId: "span-1",
      type: "GENERATION",
      name: "llm",
      startTime: at(1),
      completionStartTime: new Date(at(1).getTime() + 500),
      endTime: at(3),
      model: "gpt-4o",
      inputTokens: 1000,
      outputTokens: 500,
      totalTokens: 1500,
      totalCost: 0.0075,
      input: deepJson,
    },
    {
      id: "gen-unpriced",
      traceId: "plain",
      type: "GENERATION",
      startTime: at(10),
      endTime: at(11),
      model: "mystery",
      inputTokens: 3,
      outputTokens: 4,
      totalTokens: 7,
    },
  ]);
  await seedScores(pool, projectA.projectId, [
    { id: "score-1", name: "helpful", traceId: ODD_ID, value: 0, timestamp: at(5) },
  ]);
  await seedTraces(pool, projectB.projectId, [
    { id: "trace-secret", timestamp: at(0), sessionId: "sess-b" },
  ]);
  await seedObservations(pool, projectB.projectId, [
    { id: "obs-secret", traceId: "trace-secret", startTime: at(0) },
  ]);
  await seedTraces(
    pool,
    pagedProject.projectId,
    Array.from({ length: 49 }, (_, i) => ({ id: paddedId(i), timestamp: SAME_TIME })),
  );
});

afterAll(async () => {
  await server.close();
  await closeDb();
});

describe("GET /api/public/traces/{traceId}", () => {
  it("returns a percent-encoded id", async () => {
    const body = await getJson<TraceBody>(`/api/public/traces/${encodeURIComponent(ODD_ID)}`);
    expect(body.id).toBe(ODD_ID);
  });

  it("returns observations, scores and metrics as numbers", async () => {
    const body = await getJson<TraceBody>(`/api/public/traces/${encodeURIComponent(ODD_ID)}`);
    expect(body.observations.map((o) => o.id).sort()).toEqual(["gen-1", "span-1"]);
    expect(body.scores).toMatchObject([{ id: "score-1", value: 0, dataType: "NUMERIC" }]);
    expect(body.latency).toBe(4);
    expect(body.totalCost).toBe(0.0075);
    expect(body.timestamp).toBe("2026-06-01T12:00:00.000Z");
  });

  it("returns generation usage, cost and timing", async () => {
    const body = await getJson<TraceBody>(`/api/public/traces/${encodeURIComponent(ODD_ID)}`);
    const generation = body.observations.find((o) => o.id === "gen-1")!;
    expect(generation.usage).toMatchObject({ input: 1000, output: 500, total: 1500 });
    expect(generation.calculatedTotalCost).toBe(0.0075);
    expect(generation.latency).toBe(2);
    expect(generation.timeToFirstToken).toBe(0.5);
  });

  it("returns deeply nested input intact", async () => {
    const body = await getJson<TraceBody>(`/api/public/traces/${encodeURIComponent(ODD_ID)}`);
    let node = body.input;
    let depth = 0;
    while (typeof node === "object" && node !== null) {
      node = (node as { a?: unknown }).a;
      depth++;
    }
    expect(depth).toBe(DEEP_LEVELS);
    expect(node).toBe(1);
  });

  it("hides another project's trace as 404", async () => {
    const response = await get("/api/public/traces/trace-secret");
    expect(response.status).toBe(404);
  });

  it("rejects a request without credentials", async () => {
    const response = await get(`/api/public/traces/plain`, null);
    expect(response.status).toBe(401);
  });
});

describe("GET /api/public/traces", () => {
  it("filters by user and tags", async () => {
    const body: ListBody = await getJson("/api/public/traces?userId=u1&tags=a&tags=b");
    expect(body.data.map((t) => t.id)).toEqual([ODD_ID]);
  });

  it("reports an unknown cost as null", async () => {
    const body: ListBody = await getJson("/api/public/traces?name=plain");
    expect(body.data[0]!.totalCost).toBeNull();
    expect(body.data[0]!.observations).toEqual(["gen-unpriced"]);
  });

  it("filters by time window", async () => {
    const from = encodeURIComponent(at(5).toISOString());
    const body: ListBody = await getJson(`/api/public/traces?fromTimestamp=${from}`);
    expect(body.data.map((t) => t.id)).toEqual(["plain"]);
  });

  it("omits input and output outside the io fields", async () => {
    const body: ListBody = await getJson("/api/public/traces?fields=core,metrics&userId=u1");
    expect(body.data[0]!.input).toBeNull();
    expect(body.data[0]!.latency).toBe(4);
    expect(body.data[0]!.observations).toBeUndefined();
  });

  it("never lists another project's traces", async () => {
    const body: ListBody = await getJson("/api/public/traces?limit=100");
    expect(body.data.map((t) => t.id)).not.toContain("trace-secret");
    expect(body.meta.totalItems).toBe(2);
  });

  it("rejects a limit above 100", async () => {
    const response = await get("/api/public/traces?limit=101");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: "limit" });
  });

  it("rejects an unsupported orderBy", async () => {
    const response = await get("/api/public/traces?orderBy=bookmarked.desc");
    expect(response.status).toBe(400);
  });

  it("rejects an invalid timestamp", async () => {
    const response = await get("/api/public/traces?fromTimestamp=yesterday");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: "fromTimestamp" });
  });
});

describe("trace pages with identical timestamps", () => {
  const expectedOrder = Array.from({ length: 49 }, (_, i) => paddedId(48 - i));

  it.each([10, 20, 40, 50, 100])("pages of %i cover all 49 once", async (limit) => {
    const first: ListBody = await getJson(`/api/public/traces?limit=${limit}&page=1`, pagedProject);
    expect(first.meta.totalItems).toBe(49);
    expect(first.meta.totalPages).toBe(Math.ceil(49 / limit));
    const ids = first.data.map((t) => t.id);
    for (let page = 2; page <= first.meta.totalPages; page++) {
      const body: ListBody = await getJson(
        `/api/public/traces?limit=${limit}&page=${page}`,
        pagedProject,
      );
      expect(body.data.length, `page ${page} is not empty`).toBeGreaterThan(0);
      expect(body.meta.totalItems).toBe(49);
      ids.push(...body.data.map((t) => t.id));
    }
    expect(ids).toEqual(expectedOrder);
  });

  it("returns an empty page past the last", async () => {
    const body: ListBody = await getJson("/api/public/traces?limit=10&page=6", pagedProject);
    expect(body.data).toEqual([]);
    expect(body.meta.totalPages).toBe(5);
  });

  it("cursor paging repeats nothing across inserts", async () => {
    const project = await createTestProject(getDb());
    await seedTraces(
      pool,
      project.projectId,
      Array.from({ length: 49 }, (_, i) => ({ id: paddedId(i), timestamp: SAME_TIME })),
    );
    const first: ListBody = await getJson("/api/public/traces?limit=20&page=1", project);
    const ids = first.data.map((t) => t.id);
    await seedTraces(pool, project.projectId, [
      { id: "new-late", timestamp: new Date(SAME_TIME.getTime() + 1000) },
      { id: "same-999", timestamp: SAME_TIME },
      { id: "same-000a", timestamp: SAME_TIME },
    ]);
    let cursor = first.meta.nextCursor;
    while (cursor) {
      const body: ListBody = await getJson(
        `/api/public/traces?limit=20&cursor=${encodeURIComponent(cursor)}`,
        project,
      );
      ids.push(...body.data.map((t) => t.id));
      cursor = body.meta.nextCursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => expectedOrder.includes(id))).toEqual(expectedOrder);
  });
});

describe("GET /api/public/observations", () => {
  it("filters by trace and type", async () => {
    const traceId = encodeURIComponent(ODD_ID);
    const body: ListBody = await getJson(
      `/api/public/observations?traceId=${traceId}&type=GENERATION`,
    );
    expect(body.data.map((o) => o.id)).toEqual(["gen-1"]);
    expect(body.meta.totalItems).toBe(1);
  });

  it("filters by user of the trace", async () => {
    const body: ListBody = await getJson("/api/public/observations?userId=u2");
    expect(body.data.map((o) => o.id)).toEqual(["gen-unpriced"]);
  });

  it("hides another project's observation as 404", async () => {
    expect((await get("/api/public/observations/obs-secret")).status).toBe(404);
  });

  it("returns one observation with its input", async () => {
    const body = await getJson("/api/public/observations/gen-unpriced");
    expect(body).toMatchObject({ id: "gen-unpriced", traceId: "plain", calculatedTotalCost: null });
  });
});

describe("GET /api/public/sessions/{sessionId}", () => {
  it("returns the session's traces oldest first", async () => {
    const body = await getJson<SessionBody>(`/api/public/sessions/${encodeURIComponent("sess 1")}`);
    expect(body.traces.map((t) => t.id)).toEqual([ODD_ID, "plain"]);
    expect(body.createdAt).toBe("2026-06-01T12:00:00.000Z");
  });

  it("hides another project's session as 404", async () => {
    expect((await get("/api/public/sessions/sess-b")).status).toBe(404);
  });
});

describe("langfuse SDK fetch methods", () => {
  function sdk(project: TestProject) {
    return new Langfuse({
      publicKey: project.keys.publicKey,
      secretKey: project.keys.secretKey,
      baseUrl: server.baseUrl,
      enabled: true,
    });
  }

  it("fetchTraces pages with totals", async () => {
    const result = await sdk(pagedProject).fetchTraces({ limit: 20, page: 3 });
    expect(result.meta).toMatchObject({ page: 3, limit: 20, totalItems: 49, totalPages: 3 });
    expect(result.data).toHaveLength(9);
  });

  it("fetchTrace returns observations", async () => {
    const result = await sdk(projectA).fetchTrace("plain");
    expect(result.data.observations.map((o) => o.id)).toEqual(["gen-unpriced"]);
  });

  it("fetchObservations filters by trace", async () => {
    const result = await sdk(projectA).fetchObservations({ traceId: "plain" });
    expect(result.data.map((o) => o.id)).toEqual(["gen-unpriced"]);
  });

  it("fetchObservation returns one", async () => {
    const result = await sdk(projectA).fetchObservation("gen-1");
    expect(result.data.model).toBe("gpt-4o");
  });

  it("fetchTrace reads what the SDK sent", async () => {
    const project = await createTestProject(getDb());
    const client = sdk(project);
    const trace = client.trace({ id: "sdk-trace", name: "sdk", userId: "sdk-user", tags: ["x"] });
    trace.generation({
      id: "sdk-generation",
      name: "llm",
      model: "gpt-4o",
      input: [{ role: "user", content: "hi" }],
      output: { role: "assistant", content: "hello" },
      usage: { input: 1000, output: 500 },
      startTime: at(0),
      endTime: at(2),
    });
    await client.flushAsync();
    const { data } = await client.fetchTrace("sdk-trace");
    expect(data.userId).toBe("sdk-user");
    expect(data.observations).toHaveLength(1);
    expect(data.observations[0]!.usage).toMatchObject({ input: 1000, output: 500, total: 1500 });
    expect(data.observations[0]!.output).toEqual({ role: "assistant", content: "hello" });
    expect(data.totalCost).toBeGreaterThan(0);
  });

  it("fetchSessions lists sessions", async () => {
    const result = await sdk(projectA).fetchSessions();
    expect(result.data.map((s) => s.id)).toEqual(["sess 1"]);
  });
});
