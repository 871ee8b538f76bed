import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "@/server/db/client";
import { generateWindowTraffic, insertMeasureRows } from "@/server/drift/test-rows";
import { getPeriodWindows } from "@/server/drift/windows";
import { createTestProject, type TestProject } from "@/server/testing/fixtures";
import { startRouteServer, type RouteServer } from "@/server/testing/route-server";

const END = "2026-09-15T00:00:00.000Z";
let server: RouteServer;
let project: TestProject;
let otherProject: TestProject;

beforeAll(async () => {
  server = await startRouteServer();
  project = await createTestProject(getDb());
  otherProject = await createTestProject(getDb());
  const windows = getPeriodWindows("daily", new Date(END));
  const baseline = generateWindowTraffic({
    start: windows.baselineStart,
    end: windows.baselineEnd,
    count: 700,
    seed: 11,
    terms: ["login", "invoice", "shipping"],
    outputWords: [60, 100],
    users: ["u-1", "u-2", "u-3"],
    helpfulShare: 0.8,
    idPrefix: "base",
  });
  const current = generateWindowTraffic({
    start: windows.currentStart,
    end: windows.currentEnd,
    count: 150,
    seed: 12,
    terms: ["login", "invoice", "shipping"],
    outputWords: [300, 400],
    users: ["u-1", "u-2", "u-3"],
    helpfulShare: 0.8,
    idPrefix: "current",
  });
  await insertMeasureRows(getPool(), project.projectId, [
    ...baseline.measures,
    ...current.measures,
  ]);
});

afterAll(async () => {
  await server.close();
  await closeDb();
});

async function call(path: string, init: { method?: string; body?: string; auth?: string } = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: init.auth ?? project.authorization },
    body: init.body,
  });
  return { status: response.status, body: await response.json() };
}

describe("POST /api/public/drift-reports/run", () => {
  it("runs the tests for the requested window", async () => {
    const { status, body } = await call("/api/public/drift-reports/run", {
      method: "POST",
      body: JSON.stringify({ period: "daily", end: END }),
    });

    expect(status).toBe(200);
    expect(body.windows.currentEnd).toBe(END);
    expect(body.data).toHaveLength(14);
    const lengths = body.data.find(
      (report: { metric: string }) => report.metric === "output_length",
    );
    expect(lengths.status).toBe("drift");
    expect(lengths.baselineCount).toBe(700);
    expect(lengths.currentCount).toBe(150);
    expect(body.driftCount).toBeGreaterThanOrEqual(1);
  });

  it("runs custom windows", async () => {
    const { status, body } = await call("/api/public/drift-reports/run", {
      method: "POST",
      body: JSON.stringify({
        baselineStart: "2026-09-07T00:00:00Z",
        baselineEnd: "2026-09-14T00:00:00Z",
        currentStart: "2026-09-14T00:00:00Z",
        currentEnd: "2026-09-15T00:00:00Z",
      }),
    });

    expect(status).toBe(200);
    expect(body.data[0].period).toBe("custom");
  });

  it.each([
    [{ period: "hourly" }, "period"],
    [{ end: "yesterday" }, "end"],
    [{ baselineStart: "2026-09-07T00:00:00Z" }, "baselineEnd"],
    [{ end: "2999-01-01T00:00:00Z" }, "end"],
    [
      {
        baselineStart: "2026-09-07T00:00:00Z",
        baselineEnd: "2026-09-14T12:00:00Z",
        currentStart: "2026-09-14T00:00:00Z",
        currentEnd: "2026-09-15T00:00:00Z",
      },
      "baselineEnd",
    ],
  ])("rejects %j with 400 on its field", async (requestBody, field) => {
    const { status, body } = await call("/api/public/drift-reports/run", {
      method: "POST",
      body: JSON.stringify(requestBody),
    });

    expect(status).toBe(400);
    expect(body.error).toBe("INVALID_INPUT");
    expect(body.field).toBe(field);
  });

  it("rejects a body that is not JSON", async () => {
    const { status, body } = await call("/api/public/drift-reports/run", {
      method: "POST",
      body: "{period",
    });

    expect(status).toBe(400);
    expect(body.message).toMatch(/not valid JSON/);
  });

  it("rejects a request without keys", async () => {
    const { status } = await call("/api/public/drift-reports/run", { method: "POST", auth: "" });

    expect(status).toBe(401);
  });
});

describe("GET /api/public/drift-reports", () => {
  it("filters by kind, status and since", async () => {
    await call("/api/public/drift-reports/run", {
      method: "POST",
      body: JSON.stringify({ end: END }),
    });

    const drift = await call(`/api/public/drift-reports?status=drift&kind=output&since=${END}`);

    expect(drift.status).toBe(200);
    expect(drift.body.data.length).toBeGreaterThanOrEqual(1);
    for (const report of drift.body.data) {
      expect(report.status).toBe("drift");
      expect(report.kind).toBe("output");
    }
  });

  it("answers 400 for an unknown status", async () => {
    const { status, body } = await call("/api/public/drift-reports?status=bad");

    expect(status).toBe(400);
    expect(body.field).toBe("status");
  });

  it("never returns another project's reports", async () => {
    const { body } = await call("/api/public/drift-reports", { auth: otherProject.authorization });

    expect(body.data).toEqual([]);
  });
});
