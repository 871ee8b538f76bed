import type { QueryResultRow } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/server/db/client";
import { ingestLangfuseBatch } from "@/server/ingestion/langfuse/ingest-batch";
import { createTestProject, type TestProject } from "@/server/testing/fixtures";
import { startRouteServer, type RouteServer } from "@/server/testing/route-server";

let server: RouteServer;
let project: TestProject;
let otherProject: TestProject;

const TIE_COUNT = 49;

beforeAll(async () => {
  server = await startRouteServer();
  project = await createTestProject();
  otherProject = await createTestProject();
  const ties = Array.from({ length: TIE_COUNT }, (_, i) => ({
    id: `tie-event-${i}`,
    type: "score-create",
    timestamp: "2026-01-15T10:00:00.000Z",
    body: { id: `tie-${String(i).padStart(2, "0")}`, traceId: "tie-trace", name: "tie", value: i },
  }));
  await ingestLangfuseBatch(getDb(), project.projectId, [
    ...ties,
    {
      id: "user-trace",
      type: "trace-create",
      timestamp: "2026-01-15T09:00:00.000Z",
      body: { id: "trace-of-alice", userId: "alice" },
    },
    {
      id: "user-score",
      type: "score-create",
      timestamp: "2026-01-15T09:00:00.000Z",
      body: { id: "alice-score", traceId: "trace-of-alice", name: "helpful", value: 1 },
    },
  ]);
  await ingestLangfuseBatch(getDb(), otherProject.projectId, [
    {
      id: "other",
      type: "score-create",
      timestamp: "2026-01-15T10:00:00.000Z",
      body: { id: "other-score", traceId: "tie-trace", name: "tie", value: 1 },
    },
  ]);
});

afterAll(async () => {
  await server.close();
  await closeDb();
});

async function call(method: "GET" | "POST", query: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl}/api/public/scores${query}`, {
    method,
    headers: { authorization: project.authorization, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return { status: response.status, body: (await response.json()) as QueryResultRow };
}

describe("POST /api/public/scores", () => {
  it("stores a score and returns its id", async () => {
    const created = await call("POST", "", {
      id: "posted",
      traceId: "t-post",
      name: "rating",
      value: 4,
      comment: "fine",
    });
    expect(created).toEqual({ status: 200, body: { id: "posted" } });
    const listed = await call("GET", "?traceId=t-post");
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0].value).toBe(4);
    expect(listed.body.data[0].comment).toBe("fine");
    expect(listed.body.data[0].dataType).toBe("NUMERIC");
  });

  it("updates the same id in place", async () => {
    await call("POST", "", {
      id: "edited",
      traceId: "t-edit",
      name: "rating",
      value: 1,
      comment: "x",
    });
    await call("POST", "", {
      id: "edited",
      traceId: "t-edit",
      name: "rating",
      value: 0,
      comment: null,
    });
    const listed = await call("GET", "?traceId=t-edit");
    expect(listed.body.meta.totalItems).toBe(1);
    expect(listed.body.data[0].value).toBe(0);
    expect(listed.body.data[0].comment).toBeNull();
  });

  it("rejects a value that misses its dataType", async () => {
    const { status, body } = await call("POST", "", {
      traceId: "t",
      name: "thumbs",
      value: 2,
      dataType: "BOOLEAN",
    });
    expect(status).toBe(400);
    expect(body.error).toBe("INVALID_INPUT");
    expect(body.message).toMatch(/BOOLEAN scores need the value 0 or 1/);
  });

  it("rejects a body without name", async () => {
    const { status, body } = await call("POST", "", { traceId: "t", value: 1 });
    expect(status).toBe(400);
    expect(body.field).toBe("body.name");
  });
});

describe("GET /api/public/scores", () => {
  it("pages ties without gaps or duplicates", async () => {
    for (const limit of [10, 20, 40, 50, 100]) {
      const ids: string[] = [];
      let totalPages = 0;
      for (let page = 1; ; page++) {
        const { body } = await call("GET", `?name=tie&limit=${limit}&page=${page}`);
        expect(body.meta.totalItems).toBe(TIE_COUNT);
        totalPages = body.meta.totalPages;
        if (page > totalPages) {
          expect(body.data).toEqual([]);
          break;
        }
        expect(body.data.length).toBeGreaterThan(0);
        ids.push(...body.data.map((score: { id: string }) => score.id));
      }
      expect(totalPages).toBe(Math.ceil(TIE_COUNT / limit));
      expect(new Set(ids).size).toBe(TIE_COUNT);
      expect(ids[0]).toBe("tie-48");
      expect(ids[TIE_COUNT - 1]).toBe("tie-00");
    }
  });

  it("filters by the trace's user", async () => {
    const { body } = await call("GET", "?userId=alice");
    expect(body.data.map((score: { id: string }) => score.id)).toEqual(["alice-score"]);
  });

  it("filters by time window", async () => {
    const { body } = await call(
      "GET",
      "?fromTimestamp=2026-01-15T08:00:00Z&toTimestamp=2026-01-15T10:00:00Z",
    );
    expect(body.data.map((score: { id: string }) => score.id)).toEqual(["alice-score"]);
  });

  it("rejects an invalid limit", async () => {
    const { status, body } = await call("GET", "?limit=1000");
    expect(status).toBe(400);
    expect(body.field).toBe("limit");
  });

  it("returns a zero value as 0", async () => {
    const { body } = await call("GET", "?name=tie&limit=100");
    const zero = body.data.find((score: { id: string }) => score.id === "tie-00");
    expect(zero.value).toBe(0);
  });
});
